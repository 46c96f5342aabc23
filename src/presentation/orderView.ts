// An order's row and tooltip, for both directions: what differs in their records is read through the
// direction table, so the words here are written once.

import * as l10n from '@vscode/l10n';
import type { Direction } from '../api/directions';
import type { Order } from '../api/types';
import { type Attention, attentionOf } from './attention';
import { type StatusLook, statusLook } from './directionLooks';
import { escapeMarkdown, fieldLine, markdownLines } from './markdown';
import { numbersText, orderIdName, orderName, orderNames, type OrderNames } from './orderName';
import { readableNumber } from './phoneNumber';
import { fieldText } from './recordFields';
import { relativeTime, span, spokenRelativeTime, spokenSpan } from './relativeTime';

export type { OrderNames } from './orderName';

export interface OrderView {
  /** The numbers ("+1 312 555 0100 (+16)"); the reference when there are none; the id when there is neither. */
  label: string;
  /** The order's one name (orderName.ts), for everything that names it outside its row. */
  name: string;
  /** The parts the label is made of, for saying it in words. */
  names: OrderNames;
  /** What matters first, the reference last: "Exception for 9 d · FOC in 36 h · PO_ABC". */
  description: string;
  /** The description said in words, for screen readers: "Exception for 3 hours, FOC in 36 hours, PO_ABC". */
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
  // At the sidebar's default width a label of numbers and reference pushed the status and its clock out of
  // sight: the row leads with the numbers, then what is urgent, and the reference comes last.
  const numbers = numbersText(names);
  const label = numbers ?? names.reference ?? orderIdName(dir, order.id);
  const trailing = numbers !== undefined && names.reference !== undefined ? [names.reference] : [];
  const when = order.updated_at ?? order.created_at;
  const urgent = attentionOf(dir, order, now);
  return {
    label,
    // Getters: labels are read on every render, the name and tooltip only when something else names the order.
    get name() {
      return orderName(dir, order);
    },
    names,
    description: [...describe(status, when, urgent, now), ...trailing].join(' · '),
    spokenDescription: [...describe(status, when, urgent, now, true), ...trailing].join(', '),
    status,
    statusValue,
    attention: urgent,
    get tooltip() {
      return orderTooltip(dir, order, status, urgent, orderName(dir, order));
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

function orderTooltip(dir: Direction, order: Order, status: StatusLook, urgent: readonly Attention[], name: string): string {
  const lines: (string | undefined)[] = [`**${escapeMarkdown(name)}**`, l10n.t('**{0} order** — {1}', escapeMarkdown(dir.label), escapeMarkdown(status.label)), ''];
  for (const u of urgent) {
    lines.push(u.note ? l10n.t('**Needs attention:** {0} — {1}', escapeMarkdown(u.label), escapeMarkdown(u.note)) : l10n.t('**Needs attention:** {0}', escapeMarkdown(u.label)));
  }
  for (const d of dir.statusDetails(order)) {
    lines.push(`- ${escapeMarkdown([fieldText(d?.code), fieldText(d?.description)].filter(Boolean).join(': '))}`);
  }
  for (const [name, value] of dir.detailFields(order)) lines.push(fieldLine(name, value));
  const numbers = dir.numbersOf(order);
  const count = Math.max(dir.numberCountOf(order) ?? 0, numbers.length);
  if (numbers.length) {
    const shown = numbers.slice(0, 10).map((n) => escapeMarkdown(readableNumber(n))).join(', ');
    lines.push(l10n.t('**Numbers ({0}):** {1}', count, `${shown}${count > 10 ? ', …' : ''}`));
  }
  lines.push(fieldLine(l10n.t('Created'), order.created_at), fieldLine(l10n.t('Updated'), order.updated_at), fieldLine(l10n.t('Id'), order.id));
  return markdownLines(lines);
}
