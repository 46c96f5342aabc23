// Text formatting for the bench's output: aligned tables and units.

export function table(headers: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // Text columns (the first) align left, figures right, so digits line up.
  const line = (cells: readonly string[]): string =>
    indent + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(headers), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
export const x = (v: number, digits = 2): string => `${v.toFixed(digits)}x`;
/** Decimal units, the stricter reading of the "150 KB" and "60 MB". */
export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
export const int = (v: number): string => v.toLocaleString('en-US');
export const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'target met' : 'target MISSED');
