// "5 min ago": how the tree and pickers say when something happened.

export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return 'unknown time';
  const s = Math.round((now - t) / 1000);
  const future = s < 0;
  const a = Math.abs(s);
  const [n, unit] =
    a < 45 ? [0, 'now'] : a < 3600 ? [Math.round(a / 60), 'min'] : a < 86400 ? [Math.round(a / 3600), 'h'] : a < 86400 * 45 ? [Math.round(a / 86400), 'd'] : a < 86400 * 365 ? [Math.round(a / (86400 * 30)), 'mo'] : [Math.round(a / (86400 * 365)), 'y'];
  if (unit === 'now') return 'just now';
  return future ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}
