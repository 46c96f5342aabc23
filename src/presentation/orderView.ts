// An order's row and tooltip, for both directions: what differs in their records is read through the
// direction table, so the words here are written once.

import * as l10n from '@vscode/l10n';
import type { Direction } from '../api/directions';
import type { Order } from '../api/types';
import { type Attention, attentionOf } from './attention';
import { type StatusLook, statusLook } from './directionLooks';
import { escapeMarkdown, fieldLine, markdownLines } from './markdown';
import { fieldText } from './recordFields';
import { relativeTime, span, spokenRelativeTime, spokenSpan } from './relativeTime';

function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : l10n.t('no id');
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
  if (firstNumber === undefined) return count > 0 ? (count === 1 ? l10n.t('1 number') : l10n.t('{0} numbers', count)) : undefined;
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
  /** The description said in words, for screen readers: "Exception for 3 hours, FOC in 36 hours". */
  spokenDescription: string;
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
  const label = parts.length ? parts.join(' · ') : l10n.t('{0} order {1}', dir.label, shortId(order.id));
  const when = order.updated_at ?? order.created_at;
  const urgent = attentionOf(dir, order, now);
  return {
    label,
    names,
    description: describe(status, when, urgent, now).join(' · '),
    spokenDescription: describe(status, when, urgent, now, true).join(', '),
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
 * The description's parts: "Submitted", "3 d ago"; an order waiting on the account says for how long instead
 * ("Exception for 9 d", "Pending for 20 h"), and a FOC date within 48 hours is added ("FOC in 36 h"). `spoken`:
 * the same in words ("Exception for 9 days").
 */
function describe(status: StatusLook, when: string | null | undefined, urgent: readonly Attention[], now: number, spoken = false): string[] {
  const waiting = urgent.find((u) => u.reason !== 'foc-soon');
  const head = waiting
    ? [l10n.t('{0} for {1}', status.label, spoken ? spokenSpan(now - waiting.at) : span(now - waiting.at))]
    : [status.label, spoken ? spokenRelativeTime(when, now) : relativeTime(when, now)];
  return [...head, ...urgent.filter((u) => u.reason === 'foc-soon').map((u) => (spoken ? u.spoken : u.label))];
}

function orderTooltip(dir: Direction, order: Order, status: StatusLook, urgent: readonly Attention[]): string {
  const lines: (string | undefined)[] = [l10n.t('**{0} order** — {1}', escapeMarkdown(dir.label), escapeMarkdown(status.label)), ''];
  for (const u of urgent) {
    lines.push(u.note ? l10n.t('**Needs attention:** {0} — {1}', escapeMarkdown(u.label), escapeMarkdown(u.note)) : l10n.t('**Needs attention:** {0}', escapeMarkdown(u.label)));
  }
  for (const d of dir.statusDetails(order)) {
    lines.push(`- ${escapeMarkdown([fieldText(d?.code), fieldText(d?.description)].filter(Boolean).join(': '))}`);
  }
  for (const [name, value] of dir.detailFields(order)) lines.push(fieldLine(name, value));
  const numbers = dir.numbersOf(order);
  const count = numberCount(dir, order);
  if (numbers.length) {
    const shown = numbers.slice(0, 10).map(escapeMarkdown).join(', ');
    lines.push(l10n.t('**Numbers ({0}):** {1}', count, `${shown}${count > 10 ? ', …' : ''}`));
  }
  lines.push(fieldLine(l10n.t('Created'), order.created_at), fieldLine(l10n.t('Updated'), order.updated_at), fieldLine(l10n.t('Id'), order.id));
  return markdownLines(lines);
}
