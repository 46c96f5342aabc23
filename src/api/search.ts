// Finding orders: which filters the API can apply for a direction, and the matching we do ourselves
// for the ones it can't (port-in has no status or support-key filter).

import type { Direction } from './directions';
import { orderNumbers } from './labels';
import type { Order, PortingOrder, PortoutDetails } from './types';

export function looksLikePhoneNumber(text: string): boolean {
  return /^\+?[\d\s().-]{4,}$/.test(text.trim());
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/** Server-side filters for a status choice, or undefined where the API has none (port-in). */
export function statusQuery(dir: Direction, statuses: readonly string[]): Record<string, string> | undefined {
  if (dir.id !== 'portout' || statuses.length === 0) return undefined;
  return statuses.length === 1 ? { 'filter[status]': statuses[0]! } : { 'filter[status_in]': statuses.join(',') };
}

/** Server-side filters for a search, or undefined where we must look through every page ourselves. */
export function searchQuery(dir: Direction, text: string): Record<string, string> | undefined {
  const t = text.trim();
  if (looksLikePhoneNumber(t)) {
    return dir.id === 'portin'
      ? { 'filter[phone_numbers][phone_number][contains]': digits(t) }
      : { 'filter[phone_number]': `+${digits(t)}` };
  }
  if (dir.id === 'portout' && /^PO_/i.test(t)) return { 'filter[support_key]': t };
  return undefined;
}

/** Case-insensitive match of a search text against an order's numbers, references and keys. */
export function orderMatches(dir: Direction, order: Order, text: string): boolean {
  const t = text.trim().toLowerCase();
  if (!t) return true;
  if (looksLikePhoneNumber(t) && orderNumbers(dir, order).some((n) => digits(n).includes(digits(t)))) return true;
  const fields =
    dir.id === 'portin'
      ? [(order as PortingOrder).customer_reference, (order as PortingOrder).support_key, (order as PortingOrder).parent_support_key, (order as PortingOrder).end_user?.admin?.entity_name, order.id]
      : [(order as PortoutDetails).support_key, (order as PortoutDetails).pon, (order as PortoutDetails).end_user_name, (order as PortoutDetails).carrier_name, order.id];
  return fields.some((f) => typeof f === 'string' && f.toLowerCase().includes(t));
}
