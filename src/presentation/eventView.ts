// An event's row and tooltip, for both directions: the event types' words come from the direction's looks,
// and what a type adds to its label is read from the payload (see recordFields.ts).

import * as l10n from '@vscode/l10n';
import { eventOrderId, type Direction } from '../api/directions';
import { recordTimeText } from '../api/records';
import type { Order, PortingEvent } from '../api/types';
import { statusLook } from './directionLooks';
import { eventTypeWords, knownEventType } from './eventTypeWords';
import { orderIdName, orderName } from './orderName';
import type { StatusColor } from './statusColors';
import { escapeMarkdown, fieldLine, markdownLines } from './markdown';
import { commentText, fieldText, payloadField, payloadStatus } from './recordFields';
import { fieldValueText } from './locale';
import { timeAgo } from './relativeTime';

/** Codicons by the last part of the event type, the same in both directions. */
const EVENT_ICONS: Record<string, string> = {
  new_comment: 'comment',
  messaging_changed: 'mail',
  split: 'split-horizontal',
  deleted: 'trash',
  loa_updated: 'file-text',
  sharing_token_expired: 'key',
  foc_date_changed: 'calendar',
  status_changed: 'arrow-swap',
};

export interface EventView {
  label: string;
  /** The parts label and description are made of, for saying them in words. */
  kind: string;
  /** What the event changed to ("exception", a FOC date…), when its type carries one. */
  change?: string;
  /** "3 h ago". */
  when: string;
  /** `when` said in words: "3 hours ago". */
  spokenWhen: string;
  /** The start of a comment, as the row shows it. */
  excerpt?: string;
  /** False while Telnyx has not generated the payload yet (payload_status "created"). */
  payloadReady: boolean;
  description: string;
  icon: string;
  /** Status colour for the icon, when the event carries a status. */
  color?: StatusColor;
  tooltip: string;
  known: boolean;
}

/** `order`: the event's order when it is loaded, which the tooltip names (else it is named by its id). */
export function eventView(dir: Direction, event: PortingEvent, now: number = Date.now(), order?: Order): EventView {
  const type = fieldText(event.event_type) ?? 'unknown';
  const suffix = type.split('.').pop() ?? '';
  const kind = eventTypeWords(dir, event.event_type);
  let change: string | undefined;
  let color: StatusColor | undefined;
  if (suffix === 'status_changed') {
    change = payloadStatus(event);
    if (change) color = statusLook(dir, change).color;
  } else if (suffix === 'foc_date_changed') {
    const foc = fieldText(payloadField(event, 'foc_date'));
    change = foc === undefined ? undefined : fieldValueText(foc);
  } else if (suffix === 'messaging_changed') {
    change = fieldText(payloadField(event, 'messaging', 'messaging_port_status'));
  }
  const label = change ? `${kind} → ${change}` : kind;
  const payloadReady = event.payload_status !== 'created';
  const comment = suffix === 'new_comment' && payloadReady ? commentText(event) : undefined;
  const excerpt = comment ? `${comment.replace(/\s+/g, ' ').slice(0, 60)}${comment.length > 60 ? '…' : ''}` : undefined;
  const { short: when, spoken: spokenWhen } = timeAgo(recordTimeText(event), now);
  const description = [when, payloadReady ? excerpt : l10n.t('payload not generated yet')].filter((p) => p !== undefined).join(' · ');
  return {
    label,
    kind,
    change,
    when,
    spokenWhen,
    excerpt,
    payloadReady,
    description,
    icon: EVENT_ICONS[suffix] ?? 'symbol-event',
    color,
    get tooltip() {
      return eventTooltip(dir, event, label, order);
    },
    known: knownEventType(dir, event.event_type),
  };
}

function eventTooltip(dir: Direction, event: PortingEvent, label: string, order: Order | undefined): string {
  const lines: (string | undefined)[] = [`**${escapeMarkdown(label)}**`, ''];
  const comment = commentText(event);
  if (comment) lines.push(`> ${escapeMarkdown(comment.length > 500 ? `${comment.slice(0, 500)}…` : comment)}`, '');
  const reason = fieldText(payloadField(event, 'rejection_reason'));
  if (reason) lines.push(fieldLine(l10n.t('Rejection reason'), reason));
  const orderId = eventOrderId(dir, event);
  const type = fieldText(event.event_type);
  lines.push(
    fieldLine(l10n.t('Order'), order && (order.id ?? undefined) === orderId ? orderName(dir, order) : orderId && orderIdName(dir, orderId)),
    fieldLine(l10n.t('Type'), type && l10n.t('{0} ({1})', eventTypeWords(dir, type), type)),
    fieldLine(event.created_at ? l10n.t('Created') : l10n.t('Time'), recordTimeText(event)),
    fieldLine(l10n.t('Payload'), event.payload_status === 'created' ? l10n.t('not generated yet (created)') : (event.payload_status ?? l10n.t('unknown'))),
    fieldLine(l10n.t('Notifications'), (event.available_notification_methods ?? []).join(', ')),
    fieldLine(l10n.t('Event id'), event.id),
    fieldLine(l10n.t('Order id'), event[dir.eventOrderField]),
  );
  return markdownLines(lines);
}
