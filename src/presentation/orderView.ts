// An order's row and tooltip, for both directions: what differs in their records is read through the
// direction table, so the words here are written once.

import type { Direction } from '../api/directions';
import type { Order } from '../api/types';
import { type Attention, attentionOf, span } from './attention';
import { type StatusLook, statusLook } from './directionLooks';
import { escapeMarkdown, fieldLine, markdownLines } from './markdown';
import { fieldText } from './recordFields';
import { relativeTime } from './relativeTime';

function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : 'no id';
}

function numberCount(dir: Direction, order: Order): number {
  return dir.numberCountOf(order) ?? dir.numbersOf(order).length;
}

/** What names an order on its row: its first number, how many it has, and its reference (support key, PON…). */
export interface OrderNames {
  firstNumber: string | undefined;
  numberCount: number;
  reference: string | undefined;
}

function orderNames(dir: Direction, order: Order): OrderNames {
  const numbers = dir.numbersOf(order);
  return { firstNumber: numbers[0], numberCount: Math.max(numberCount(dir, order), numbers.length), reference: orderReference(dir, order) };
}

function numbersSummary({ firstNumber, numberCount: count }: OrderNames): string | undefined {
  if (firstNumber === undefined) return count > 0 ? `${count} number${count === 1 ? '' : 's'}` : undefined;
  return count > 1 ? `${firstNumber} (+${count - 1})` : firstNumber;
}

function orderReference(dir: Direction, order: Order): string | undefined {
  for (const v of dir.referenceFields(order)) {
    const text = fieldText(v);
    if (text !== undefined) return text;
  }
  return undefined;
}

export interface OrderView {
  label: string;
  /** The parts the label is made of, for saying it in words. */
  names: OrderNames;
  description: string;
  status: StatusLook;
  statusValue: string;
  /** What is urgent about the order now (empty when nothing), most urgent first. */
  attention: Attention[];
  tooltip: string;
}

export function orderView(dir: Direction, order: Order, now: number = Date.now()): OrderView {
  const raw = dir.statusOf(order);
  const statusValue = raw ?? 'unknown';
  const status = statusLook(dir, raw);
  const names = orderNames(dir, order);
  const parts = [numbersSummary(names), names.reference].filter((s): s is string => !!s);
  const label = parts.length ? parts.join(' · ') : `${dir.label} order ${shortId(order.id)}`;
  const when = order.updated_at ?? order.created_at;
  const urgent = attentionOf(dir, order, now);
  return {
    label,
    names,
    description: describe(status, when, urgent, now),
    status,
    statusValue,
    attention: urgent,
    // A getter: labels are read on every render, tooltips only on hover.
    get tooltip() {
      return orderTooltip(dir, order, status, urgent);
    },
  };
}

/**
 * "Submitted · 3 d ago"; an order waiting on the account says for how long instead ("Exception for 9 d",
 * "Pending for 20 h"), and a FOC date within 48 hours is added ("· FOC in 36 h").
 */
function describe(status: StatusLook, when: string | null | undefined, urgent: readonly Attention[], now: number): string {
  const waiting = urgent.find((u) => u.reason !== 'foc-soon');
  const head = waiting ? `${status.label} for ${span(now - waiting.at)}` : `${status.label} · ${relativeTime(when, now)}`;
  return [head, ...urgent.filter((u) => u.reason === 'foc-soon').map((u) => u.label)].join(' · ');
}

function orderTooltip(dir: Direction, order: Order, status: StatusLook, urgent: readonly Attention[]): string {
  const lines: (string | undefined)[] = [`**${escapeMarkdown(dir.label)} order** — ${escapeMarkdown(status.label)}`, ''];
  for (const u of urgent) lines.push(`**Needs attention:** ${escapeMarkdown(u.label)}${u.note ? ` — ${escapeMarkdown(u.note)}` : ''}`);
  for (const d of dir.statusDetails(order)) {
    lines.push(`- ${escapeMarkdown([fieldText(d?.code), fieldText(d?.description)].filter(Boolean).join(': '))}`);
  }
  for (const [name, value] of dir.detailFields(order)) lines.push(fieldLine(name, value));
  const numbers = dir.numbersOf(order);
  const count = numberCount(dir, order);
  if (numbers.length) {
    const shown = numbers.slice(0, 10).map(escapeMarkdown).join(', ');
    lines.push(`**Numbers (${count}):** ${shown}${count > 10 ? ', …' : ''}`);
  }
  lines.push(fieldLine('Created', order.created_at), fieldLine('Updated', order.updated_at), fieldLine('Id', order.id));
  return markdownLines(lines);
}
