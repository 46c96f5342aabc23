// "5 min ago", "36 h": how the tree and pickers say when something happened and for how long, and the same said
// in words for screen readers ("5 minutes ago", "36 hours"). The compact row forms are whole translatable phrases:
// Intl has nothing as short in every language (its narrow English is "5 min. ago", "36 hr"). The spoken forms are
// Intl's, which get every language's plurals right where a bundle of fixed phrases cannot.

import * as l10n from '@vscode/l10n';
import { formatNumber, spokenDuration, spokenRelative, wordsGeneration, type TimeUnit } from './locale';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far away a time is, in the unit a row says it in; 'now' within 45 s, 'unknown' for no readable time. */
type Distance = { n: number; unit: TimeUnit; future: boolean } | 'now' | 'unknown';

function distance(iso: string | null | undefined, now: number): Distance {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return 'unknown';
  const s = Math.round((now - t) / 1000);
  const future = s < 0;
  const a = Math.abs(s);
  if (a < 45) return 'now';
  const [n, unit]: [number, TimeUnit] =
    a < 3600 ? [Math.round(a / 60), 'minute'] : a < 86400 ? [Math.round(a / 3600), 'hour'] : a < 86400 * 45 ? [Math.round(a / 86400), 'day'] : a < 86400 * 365 ? [Math.round(a / (86400 * 30)), 'month'] : [Math.round(a / (86400 * 365)), 'year'];
  return { n, unit, future };
}

/** Each phrase whole, so a translation may put the number anywhere. */
const AGO: Readonly<Record<TimeUnit, (n: string) => string>> = {
  minute: (n) => l10n.t('{0} min ago', n),
  hour: (n) => l10n.t('{0} h ago', n),
  day: (n) => l10n.t('{0} d ago', n),
  month: (n) => l10n.t('{0} mo ago', n),
  year: (n) => l10n.t('{0} y ago', n),
};
const IN: Readonly<Record<TimeUnit, (n: string) => string>> = {
  minute: (n) => l10n.t('in {0} min', n),
  hour: (n) => l10n.t('in {0} h', n),
  day: (n) => l10n.t('in {0} d', n),
  month: (n) => l10n.t('in {0} mo', n),
  year: (n) => l10n.t('in {0} y', n),
};
const SPAN: Readonly<Record<'minute' | 'hour' | 'day', (n: string) => string>> = {
  minute: (n) => l10n.t('{0} min', n),
  hour: (n) => l10n.t('{0} h', n),
  day: (n) => l10n.t('{0} d', n),
};

const UNIT_INDEX: Readonly<Record<TimeUnit, number>> = { minute: 0, hour: 1, day: 2, month: 3, year: 4 };
let worded: { generation: number; times: Map<number, { short: string; spoken: string }> } = { generation: -1, times: new Map() };

/** When something happened, as a row shows it ("5 min ago") and as a screen reader says it ("5 minutes ago"). */
export function timeAgo(iso: string | null | undefined, now: number = Date.now()): { short: string; spoken: string } {
  const d = distance(iso, now);
  if (d === 'unknown') return { short: l10n.t('unknown time'), spoken: l10n.t('unknown time') };
  if (d === 'now') return { short: l10n.t('just now'), spoken: l10n.t('just now') };
  // A tree of 50,000 events says a few hundred distinct times: each is worded once, under a number key (a string
  // key built per row cost as much as the wording it saved).
  if (worded.generation !== wordsGeneration()) worded = { generation: wordsGeneration(), times: new Map() };
  const key = (UNIT_INDEX[d.unit] * 1_000_000 + d.n) * 2 + (d.future ? 1 : 0);
  let said = worded.times.get(key);
  if (!said) {
    said = { short: (d.future ? IN : AGO)[d.unit](formatNumber(d.n)), spoken: spokenRelative(d.future ? d.n : -d.n, d.unit) };
    worded.times.set(key, said);
  }
  return said;
}

/** "5 min ago", "in 2 d", "just now". */
export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  return timeAgo(iso, now).short;
}

/** relativeTime said in words: "5 minutes ago", "in 2 days", "just now". */
export function spokenRelativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  return timeAgo(iso, now).spoken;
}

/** Hours up to two days, where a day either way matters. */
function spanOf(ms: number): { n: number; unit: 'minute' | 'hour' | 'day' } {
  const a = Math.max(0, ms);
  if (a < HOUR) return { n: Math.max(1, Math.round(a / MINUTE)), unit: 'minute' };
  if (a < 2 * DAY) return { n: Math.round(a / HOUR), unit: 'hour' };
  return { n: Math.round(a / DAY), unit: 'day' };
}

/** "35 min", "36 h", "9 d". */
export function span(ms: number): string {
  const { n, unit } = spanOf(ms);
  return SPAN[unit](formatNumber(n));
}

/** span said in words: "35 minutes", "36 hours", "9 days". */
export function spokenSpan(ms: number): string {
  const { n, unit } = spanOf(ms);
  return spokenDuration(n, unit);
}
