// Finding orders: what a typed text can mean in each direction, which of those meanings the API's filters
// answer (API.md §4, §5), and the matching we do ourselves for the rest. Plain data in, plain data out:
// the requests are made by findOrders.ts.

import * as l10n from '@vscode/l10n';
import { type Direction, DIRECTIONS, MATCH_FIELDS, type MatchField, matchFieldWords } from './directions';
import type { Order } from './types';

// The names live with the directions' searchable fields; re-exported for the callers of search.
export { MATCH_FIELDS, type MatchField } from './directions';

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/** Digits with the punctuation people write numbers with; fewer than 3 digits would match nearly every number. */
export function looksLikePhoneNumber(text: string): boolean {
  const t = text.trim();
  return /^\+?[\d\s().-]+$/.test(t) && digits(t).length >= 3;
}

/**
 * A whole number, not a piece of one: E.164 with its "+", or 11-15 digits that can only be E.164 without it
 * (a 10-digit US number or a national one with a leading 0 still needs the country code, so it is partial).
 */
export function looksLikeFullNumber(text: string): boolean {
  const t = text.trim();
  const d = digits(t);
  if (!looksLikePhoneNumber(t) || d.length > 15) return false;
  return t.startsWith('+') ? d.length >= 8 : d.length >= 11 && !d.startsWith('0');
}

/** Extra query for a scan that needs no numbers (see Direction.withoutNumbers). */
export function withoutNumbers(dir: Direction): Record<string, string> | undefined {
  return dir.withoutNumbers ? { ...dir.withoutNumbers } : undefined;
}

/** Server-side filters for a status choice, or undefined where the API has none. */
export function statusQuery(dir: Direction, statuses: readonly string[]): Record<string, string> | undefined {
  const f = dir.statusFilters;
  if (!f || statuses.length === 0) return undefined;
  return statuses.length === 1 ? { [f.one]: statuses[0]! } : { [f.many]: statuses.join(',') };
}

/** One filtered list the API answers; every order in it matched on `field`. */
export interface ServerSearch {
  field: MatchField;
  filters: Record<string, string>;
}

export interface SearchPlan {
  server: ServerSearch[];
  /**
   * Every page, matched here with `matchedFields`, for meanings no API filter answers (a support key on port-in,
   * part of a reference or a port-out number, an end user). Undefined when the server searches cover every meaning.
   */
  scan?: { filters?: Record<string, string> };
}

/** A whole support key with this prefix (any case): the prefix, then at least 6 letters or digits. */
function isWholeKey(text: string, prefix: string): boolean {
  return text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase() && /^[a-z0-9]{6,}$/i.test(text.slice(prefix.length));
}

/** Which requests answer a search: exact API filters are one cheap request each; a scan reads every page. */
export function searchPlan(dir: Direction, text: string): SearchPlan {
  const t = text.trim();
  const d = digits(t);
  const full = looksLikeFullNumber(t);
  // Another direction's key: nothing here can match it, and reading every page would only say so slowly.
  const othersKeys = DIRECTIONS.filter((other) => other !== dir).flatMap((other) => other.keyPrefixes);
  if (othersKeys.some((prefix) => isWholeKey(t, prefix))) return { server: [] };
  for (const k of dir.keyFilters) {
    if (isWholeKey(t, k.prefix)) return { server: [{ field: k.field, filters: { [k.filter]: `${k.prefix}${t.slice(k.prefix.length)}` } }] };
  }
  const n = dir.numberFilter;
  const server: ServerSearch[] = (n.partial ? looksLikePhoneNumber(t) : full) ? [{ field: 'number', filters: { [n.filter]: n.value(d) } }] : [];
  // A whole number is a number (or something spelt like one, which an exact filter finds); anything else may be
  // part of a reference, a number, a key or an end user, which only a scan can find. Numbers a partial filter
  // answers are matched by it, so the scan may leave them out.
  if (full) return { server: [...server, ...dir.wholeNumberAlso(t)] };
  const scanFilters = withoutNumbers(dir);
  return { server, scan: scanFilters ? { filters: scanFilters } : {} };
}

function has(value: unknown, needle: string): boolean {
  return typeof value === 'string' && value.toLowerCase().includes(needle);
}

/** The fields of an order that contain the text (case-insensitive; numbers compared by their digits). */
export function matchedFields(dir: Direction, order: Order, text: string): MatchField[] {
  const t = text.trim().toLowerCase();
  if (!t) return [];
  const out: MatchField[] = [];
  if (looksLikePhoneNumber(t)) {
    const d = digits(t);
    if (dir.numbersOf(order).some((n) => digits(n).includes(d))) out.push('number');
  }
  for (const [field, value] of dir.searchFields(order)) if (has(value, t)) out.push(field);
  if (has(order.id, t)) out.push('id');
  return out;
}

/** `"100234": 2 by customer reference, 1 by number`; an order found by two fields counts under both. */
export function matchSummary(text: string, matchedBy: ReadonlyMap<string, readonly MatchField[]>): string {
  const counts = new Map<MatchField, number>();
  for (const fields of matchedBy.values()) for (const f of fields) counts.set(f, (counts.get(f) ?? 0) + 1);
  const parts = [...counts]
    .sort(([fa, a], [fb, b]) => b - a || MATCH_FIELDS.indexOf(fa) - MATCH_FIELDS.indexOf(fb))
    .map(([f, n]) => l10n.t('{0} by {1}', n, matchFieldWords(f)));
  return l10n.t('"{0}": {1}', text.trim(), parts.length ? parts.join(', ') : l10n.t('no match'));
}
