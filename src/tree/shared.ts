// What every node uses the same way: shared ThemeIcons and strings (a few dozen distinct icons, labels and
// context values across thousands of nodes), and untrusted Markdown for text that comes from the API.

import * as vscode from 'vscode';

const cache = new Map<string, vscode.ThemeIcon>();

export function themeIcon(id: string, color?: string): vscode.ThemeIcon {
  const key = `${id}|${color ?? ''}`;
  let icon = cache.get(key);
  if (!icon) {
    icon = new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
    cache.set(key, icon);
  }
  return icon;
}

const strings = new Map<string, string>();

/** One copy of a string that many nodes repeat (labels like "New comment", context values). */
export function intern(text: string): string {
  const known = strings.get(text);
  if (known !== undefined) return known;
  // Bounded, so labels that are unique per event (a FOC date) cannot grow it without end.
  if (strings.size < 1000) strings.set(text, text);
  return text;
}

/** API text never gets command links, HTML or theme icons: it is rendered as plain Markdown only. */
export function untrustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
