// The language numbers, dates and spoken times are written in: VS Code's display language, given once at
// activation (extension.ts). Until then, and in tests, English, so nothing depends on the machine's own locale.
// Words come from the l10n bundle; this is only what Intl formats.

let current = 'en';
/** The IANA zone times are shown in; undefined means the machine's own, which is the user's. */
let zone: string | undefined;
let formatters = new Map<string, Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DateTimeFormat>();
/**
 * What Intl said, by what it was asked: a tree of 50,000 events asks for a few hundred distinct times, and Intl's
 * format calls cost more than the rest of a row put together.
 */
let said = new Map<string, string>();
let numbers = new Map<number, string>();
/** Counts setDisplayLocale calls, so caches elsewhere know when what they remember is in the wrong language. */
let generation = 0;

/** `tag`: a BCP 47 language tag such as vscode.env.language ("en", "de", "zh-cn"); anything unusable means English. */
export function setDisplayLocale(tag: string | undefined): void {
  let next = 'en';
  try {
    next = Intl.getCanonicalLocales(tag || 'en')[0] ?? 'en';
  } catch {
    // Not a language tag: English rather than the machine's locale.
  }
  current = next;
  forget();
}

/** An IANA zone to show times in, for tests, which must not depend on the machine's; undefined: the user's own. */
export function setDisplayTimeZone(timeZone: string | undefined): void {
  zone = timeZone;
  forget();
}

function forget(): void {
  generation++;
  formatters = new Map();
  said = new Map();
  numbers = new Map();
}

/**
 * Text worked out once per display language, by key: what rows say again and again ("5 min ago"), each time
 * through l10n's lookup and formatting otherwise. Emptied when the language is set.
 */
export function rememberWords(key: string, say: () => string): string {
  return remembered(`words|${key}`, say);
}

/** Changes whenever the display language is set: a cache of worded text keeps it and starts over when it differs. */
export function wordsGeneration(): number {
  return generation;
}

export function displayLocale(): string {
  return current;
}

/** Formatters are built once per locale and options: rows are rendered by the thousand. */
function memo<F extends Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

function remembered(key: string, say: () => string): string {
  let text = said.get(key);
  if (text === undefined) {
    text = say();
    said.set(key, text);
  }
  return text;
}

export function formatNumber(n: number): string {
  let text = numbers.get(n);
  if (text === undefined) {
    text = memo('number', () => new Intl.NumberFormat(current)).format(n);
    numbers.set(n, text);
  }
  return text;
}

export type TimeUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/** "3 hours ago", "in 2 days": for screen readers, with the language's own plurals. */
export function spokenRelative(value: number, unit: TimeUnit): string {
  return remembered(`r:${value}:${unit}`, () => memo('relative', () => new Intl.RelativeTimeFormat(current, { numeric: 'always', style: 'long' })).format(value, unit));
}

/** "36 hours", "9 days": a duration for screen readers. */
export function spokenDuration(value: number, unit: TimeUnit): string {
  return remembered(`u:${value}:${unit}`, () => memo(`unit:${unit}`, () => new Intl.NumberFormat(current, { style: 'unit', unit, unitDisplay: 'long' })).format(value));
}

/** A calendar date ("2026-12-01"), as the day it names: "Tue, Dec 1, 2026". A day has no time zone to convert. */
export function dateText(iso: string): string {
  const t = Date.parse(iso.slice(0, 10));
  if (Number.isNaN(t)) return iso;
  return memo('date', () => new Intl.DateTimeFormat(current, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })).format(t);
}

function dateTimeFormat(): Intl.DateTimeFormat {
  // In the user's zone, and its name said ("CST"): a FOC at 14:00 is when the user's phones move, and the name
  // tells anyone comparing with the API's UTC what was converted. Month names, so no reader takes 1/12 for 12/1.
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  return memo('dateTime', () => new Intl.DateTimeFormat(current, zone ? { ...options, timeZone: zone } : options));
}

/** A time sent as ISO 8601, to the minute, in the user's zone: "Tue, Dec 15, 2026, 2:00 PM CST"; unreadable text as given. */
export function dateTimeText(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : remembered(`dt:${t}`, () => dateTimeFormat().format(t));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A field's value as the API sent it, for tooltips and confirmations: an ISO 8601 date or time as people read
 * it, in the display language; anything else unchanged.
 */
export function fieldValueText(value: string): string {
  if (ISO_DATE.test(value)) return dateText(value);
  if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return dateTimeText(value);
  return value;
}
