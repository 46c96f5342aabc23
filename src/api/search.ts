// Finding orders: what a typed text can mean in each direction, which of those meanings the API's filters
// answer (API.md §4, §5), and the matching we do ourselves for the rest. Plain data in, plain data out:
// the requests are made by findOrders.ts.

import type { Direction } from './directions';
import { orderNumbers } from './labels';
import type { Order, PortingOrder, PortoutDetails } from './types';

/** The fields a search can match, in the order the results name them. */
export const MATCH_FIELDS = ['number', 'customer reference', 'PON', 'support key', 'parent support key', 'end user', 'carrier', 'id'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

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

/**
 * Extra query for a port-in scan that needs no numbers: without them a page is about a third of the bytes
 * (~1.3 MB for 250 orders with numbers). Port-out has no such parameter, and unknown parameters may be refused.
 */
export function withoutNumbers(dir: Direction): Record<string, string> | undefined {
  return dir.id === 'portin' ? { include_phone_numbers: 'false' } : undefined;
}

/** Server-side filters for a status choice, or undefined where the API has none (port-in). */
export function statusQuery(dir: Direction, statuses: readonly string[]): Record<string, string> | undefined {
  if (dir.id !== 'portout' || statuses.length === 0) return undefined;
  return statuses.length === 1 ? { 'filter[status]': statuses[0]! } : { 'filter[status_in]': statuses.join(',') };
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

/** Whole keys: port-in support (sr_) and parent support (pr_) keys, port-out support keys (PO_). */
const PORTIN_KEY = /^(sr|pr)_[a-z0-9]{6,}$/i;
const PARENT_KEY = /^pr_[a-z0-9]{6,}$/i;
const PORTOUT_KEY = /^PO_[a-z0-9]{6,}$/i;

/** Which requests answer a search: exact API filters are one cheap request each; a scan reads every page. */
export function searchPlan(dir: Direction, text: string): SearchPlan {
  const t = text.trim();
  const d = digits(t);
  const numberLike = looksLikePhoneNumber(t);
  const full = looksLikeFullNumber(t);
  // The other direction's key: nothing here can match it, and reading every page would only say so slowly.
  if ((dir.id === 'portin' ? PORTOUT_KEY : PORTIN_KEY).test(t)) return { server: [] };
  if (dir.id === 'portin') {
    if (PARENT_KEY.test(t)) return { server: [{ field: 'parent support key', filters: { 'filter[parent_support_key]': `pr_${t.slice(3)}` } }] };
    // The contains filter finds whole and partial numbers, also past the 50 an order embeds.
    const server: ServerSearch[] = numberLike ? [{ field: 'number', filters: { 'filter[phone_numbers][phone_number][contains]': d } }] : [];
    // A whole number is a number (or, at a stretch, a reference spelt like one, which the exact filter finds);
    // anything else may be part of a reference, a support key or an end user, which only a scan can find.
    // Numbers are then matched by the filter above, so the scan leaves them out.
    if (full) return { server: [...server, { field: 'customer reference', filters: { 'filter[customer_reference]': t } }] };
    return { server, scan: { filters: withoutNumbers(dir) } };
  }
  if (PORTOUT_KEY.test(t)) return { server: [{ field: 'support key', filters: { 'filter[support_key]': `PO_${t.slice(3)}` } }] };
  if (full) {
    const server: ServerSearch[] = [{ field: 'number', filters: { 'filter[phone_number]': `+${d}` } }];
    // Digits without a "+" may also be a whole PON.
    if (!t.startsWith('+')) server.push({ field: 'PON', filters: { 'filter[pon]': t } });
    return { server };
  }
  // /portouts matches numbers exactly only, and has nothing for end users: part of a number, PON or key needs every page.
  return { server: [], scan: {} };
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
    if (orderNumbers(dir, order).some((n) => digits(n).includes(d))) out.push('number');
  }
  if (dir.id === 'portin') {
    const o = order as PortingOrder;
    if (has(o.customer_reference, t)) out.push('customer reference');
    if (has(o.support_key, t)) out.push('support key');
    if (has(o.parent_support_key, t)) out.push('parent support key');
    if (has(o.end_user?.admin?.entity_name, t)) out.push('end user');
  } else {
    const o = order as PortoutDetails;
    if (has(o.pon, t)) out.push('PON');
    if (has(o.support_key, t)) out.push('support key');
    if (has(o.end_user_name, t)) out.push('end user');
    if (has(o.carrier_name, t)) out.push('carrier');
  }
  if (has(order.id, t)) out.push('id');
  return out;
}

/** `"100234": 2 by customer reference, 1 by number`; an order found by two fields counts under both. */
export function matchSummary(text: string, matchedBy: ReadonlyMap<string, readonly MatchField[]>): string {
  const counts = new Map<MatchField, number>();
  for (const fields of matchedBy.values()) for (const f of fields) counts.set(f, (counts.get(f) ?? 0) + 1);
  const parts = [...counts]
    .sort(([fa, a], [fb, b]) => b - a || MATCH_FIELDS.indexOf(fa) - MATCH_FIELDS.indexOf(fb))
    .map(([f, n]) => `${n} by ${f}`);
  return `"${text.trim()}": ${parts.length ? parts.join(', ') : 'no match'}`;
}
