// The one name of an order, wherever it appears (rows, event tooltips, notifications, the republish preview,
// pickers): its first number with how many more, then its reference or support key — "+1 312 555 0100 (+16) ·
// PO_ABC". When only its id is known (an event whose order is not loaded): "Port-in order af41f639".

import * as l10n from '@vscode/l10n';
import type { Direction } from '../api/directions';
import type { Order } from '../api/types';
import { readableNumber } from './phoneNumber';
import { fieldText } from './recordFields';

/** What names an order: its first number, how many it has, and its reference (support key, PON…). */
export interface OrderNames {
  /** As the API sends it (E.164); shown through readableNumber. */
  firstNumber: string | undefined;
  numberCount: number;
  reference: string | undefined;
}

export function orderNames(dir: Direction, order: Order): OrderNames {
  const numbers = dir.numbersOf(order);
  return { firstNumber: numbers[0], numberCount: Math.max(dir.numberCountOf(order) ?? 0, numbers.length), reference: orderReference(dir, order) };
}

/** What an event's payload says of its order, for when the order itself is not loaded. */
export function payloadNames(numbers: unknown, reference: unknown): OrderNames {
  const list = Array.isArray(numbers) ? numbers.filter((n): n is string => typeof n === 'string' && n !== '') : [];
  return { firstNumber: list[0], numberCount: list.length, reference: fieldText(reference) };
}

function orderReference(dir: Direction, order: Order): string | undefined {
  for (const v of dir.referenceFields(order)) {
    const text = fieldText(v);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** "+1 312 555 0100 (+16)"; "17 numbers" when the record carries the count only; undefined without numbers. */
export function numbersText({ firstNumber, numberCount: count }: OrderNames): string | undefined {
  if (firstNumber === undefined) return count > 0 ? (count === 1 ? l10n.t('1 number') : l10n.t('{0} numbers', count)) : undefined;
  const first = readableNumber(firstNumber);
  return count > 1 ? l10n.t('{0} (+{1})', first, count - 1) : first;
}

/** "Port-in order af41f639": an order known by its id alone. */
export function orderIdName(dir: Direction, id: string | null | undefined): string {
  return l10n.t('{0} order {1}', dir.label, id ? id.slice(0, 8) : l10n.t('no id'));
}

/** The name from its parts, or from the id when the parts say nothing. */
export function nameOf(dir: Direction, names: OrderNames, id: string | null | undefined): string {
  const parts = [numbersText(names), names.reference].filter((s): s is string => !!s);
  return parts.length ? parts.join(' · ') : orderIdName(dir, id);
}

/** "+1 312 555 0100 (+16) · PO_ABC". */
export function orderName(dir: Direction, order: Order): string {
  return nameOf(dir, orderNames(dir, order), order.id);
}
