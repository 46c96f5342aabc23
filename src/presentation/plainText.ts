// Text of the API's made inert for the places VS Code shows as plain text but still reads links in:
// notifications (and their progress titles) turn `[label](command:…)` into a link that runs the command.

/** The longest line a one-line notification gets from the API before it is cut. */
const LINE_MAX = 240;

// Control, line-separator and bidi-override characters: they hide or reorder what is shown.
function isHidden(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f
  );
}

/**
 * VS Code's notifications find links as `[text](target)` with no space between `]` and `(`: a space there
 * shows the text as typed and leaves nothing to click. Also `<a href>`-free: notifications render no HTML.
 */
function breakLinks(text: string): string {
  return text.replace(/\]\s*\(/g, '] (');
}

/**
 * Text that keeps its line breaks (a modal's detail, a message of several sentences), with hidden
 * characters shown as spaces and every link broken.
 */
export function inertText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out += ch === '\n' ? ch : isHidden(c) ? ' ' : ch;
  }
  return breakLinks(out);
}

/**
 * One line of plain text: hidden characters become spaces (no hidden reordering, no extra lines), runs of
 * space collapse, links are broken. Longer than `max`: cut with an ellipsis.
 */
export function plainText(text: string, max = LINE_MAX): string {
  const out = breakLinks(inertText(text).replace(/\s+/g, ' ').trim());
  const chars = [...out];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : out;
}
