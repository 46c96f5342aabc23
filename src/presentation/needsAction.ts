// What an event means for the person watching: a kind from a fixed list (which a setting can choose to
// notify), a notification line in words, one line for a burst, and the clocks of what is urgent now
// ("Needs attention"). Plain text only: notifications are not Markdown, so text from the API is flattened
// and kept inert here (see plainText), never escaped for Markdown.

import * as l10n from '@vscode/l10n';
import { DEFAULTS } from '../api/defaults';
import { DIRECTIONS, eventOrderId, type Direction, type DirectionId } from '../api/directions';
import type { Order, PortingEvent } from '../api/types';
import { statusLook } from './directionLooks';
import { eventView } from './eventView';
import { nameOf, orderIdName, orderNames, payloadNames } from './orderName';
import { plainText } from './plainText';
import { commentText, fieldText, payloadField, payloadStatus } from './recordFields';

/** Every kind, in the order a settings UI lists them. */
export const ACTION_KINDS = [
  'portin.exception', // a port-in's status became exception
  'portin.foc', // a port-in's FOC date was confirmed (status foc-date-confirmed)
  'portin.ported',
  'portin.cancelled',
  'portin.status', // any other port-in status (draft, in-process, submitted, cancel-pending, unknown)
  'portout.pending', // a new port-out request, waiting for the account's answer
  'portout.rejected',
  'portout.foc', // a port-out's FOC date changed
  'portout.status', // any other port-out status (authorized, ported, rejected-pending, canceled, unknown)
  'comment', // a comment not written by the account itself (Telnyx staff, the system, or unknown)
  'comment.own', // a comment the account wrote
  'payload-pending', // a status or comment event whose payload is not generated yet: kind known once it is
  'other', // messaging, LOA, sharing token, split, deleted, types we do not know
] as const;

export type ActionKind = (typeof ACTION_KINDS)[number];

/** The kinds that notify unless a setting says otherwise (issue 11's defaults). */
export const DEFAULT_NOTIFY_KINDS: readonly ActionKind[] = DEFAULTS['watch.notify'];

export interface ActionContext {
  /**
   * User ids known to be the account's own. A port-out comment carries only a user_id (the spec: null when a
   * Telnyx admin wrote it), with nothing to compare it with unless the caller knows one; without, it counts as
   * not the account's.
   */
  ownUserIds?: ReadonlySet<string>;
}

/** The kind of a status change, per direction; other statuses are `<direction>.status`. */
const STATUS_KINDS: Readonly<Record<DirectionId, Readonly<Record<string, ActionKind>>>> = {
  portin: {
    exception: 'portin.exception',
    'foc-date-confirmed': 'portin.foc',
    ported: 'portin.ported',
    cancelled: 'portin.cancelled',
  },
  portout: {
    pending: 'portout.pending',
    rejected: 'portout.rejected',
  },
};

function typeTail(event: PortingEvent): string {
  return (fieldText(event.event_type) ?? '').split('.').pop() ?? '';
}

/** Who wrote a comment event, as far as its payload says. */
function commentAuthor(event: PortingEvent, context: ActionContext): 'own' | 'telnyx' | 'system' | 'unknown' {
  const userType = fieldText(payloadField(event, 'comment', 'user_type')) ?? fieldText(payloadField(event, 'user_type'));
  if (userType === 'user') return 'own';
  if (userType === 'admin') return 'telnyx';
  if (userType === 'system') return 'system';
  const userId = fieldText(payloadField(event, 'comment', 'user_id')) ?? fieldText(payloadField(event, 'user_id'));
  return userId !== undefined && context.ownUserIds?.has(userId) ? 'own' : 'unknown';
}

/** The kind of one event of a direction. */
export function needsAction(dir: Direction, event: PortingEvent, context: ActionContext = {}): ActionKind {
  const payloadReady = event.payload !== null && event.payload !== undefined;
  switch (typeTail(event)) {
    case 'status_changed': {
      const status = payloadStatus(event);
      if (status === undefined) return payloadReady ? `${dir.id}.status` : 'payload-pending';
      return STATUS_KINDS[dir.id][status] ?? `${dir.id}.status`;
    }
    case 'foc_date_changed':
      return `${dir.id}.foc`;
    case 'new_comment':
      if (!payloadReady) return 'payload-pending';
      return commentAuthor(event, context) === 'own' ? 'comment.own' : 'comment';
    default:
      return 'other';
  }
}

export function notifies(kind: ActionKind, kinds: readonly ActionKind[] = DEFAULT_NOTIFY_KINDS): boolean {
  return kinds.includes(kind);
}

/**
 * The order as a notification names it, with its direction: "Port-in +1 312 555 0100 (+2) · ACME-42" from the
 * order when it is loaded, else from what the event's payload carries, else "Port-in order af41f639".
 */
function subject(dir: Direction, event: PortingEvent, order: Order | undefined): string {
  const names = order ? orderNames(dir, order) : payloadNames(payloadField(event, 'phone_numbers'), payloadField(event, 'customer_reference') ?? payloadField(event, 'support_key'));
  const id = order?.id ?? eventOrderId(dir, event);
  const name = nameOf(dir, names, id);
  // The id's fallback names the direction itself.
  return name === orderIdName(dir, id) ? name : l10n.t('{0} {1}', dir.label, name);
}

/** Why the status is what it is, when the payload says: port-in status details, a port-out rejection reason. */
function statusReason(event: PortingEvent): string | undefined {
  const details = payloadField(event, 'status', 'details');
  const texts = Array.isArray(details)
    ? details.map((d) => fieldText((d as { description?: unknown } | null)?.description) ?? fieldText((d as { code?: unknown } | null)?.code)).filter((s): s is string => !!s)
    : [];
  return texts.length > 0 ? texts.join('; ') : fieldText(payloadField(event, 'rejection_reason'));
}

/** Who wrote a comment, as a notification says it; looked up in the user's language when used. */
const AUTHOR_WORDS = {
  own: () => l10n.t('Your comment'),
  telnyx: () => l10n.t('Comment from Telnyx'),
  system: () => l10n.t('Comment from Telnyx (automatic)'),
  unknown: () => l10n.t('New comment'),
} as const;

/** What happened, in words: "Exception: LOA signature does not match", "Comment from Telnyx: …". */
function happened(dir: Direction, event: PortingEvent, kind: ActionKind, context: ActionContext): string {
  const label = eventView(dir, event).label;
  if (kind === 'payload-pending') return l10n.t('{0} (details not generated yet)', label);
  switch (typeTail(event)) {
    case 'status_changed': {
      const status = payloadStatus(event);
      if (status === undefined) return label;
      const reason = statusReason(event);
      const words = statusLook(dir, status).label;
      return reason ? l10n.t('{0}: {1}', words, reason) : words;
    }
    case 'new_comment': {
      const text = commentText(event);
      const author = AUTHOR_WORDS[commentAuthor(event, context)]();
      return text ? l10n.t('{0}: {1}', author, text) : author;
    }
    default:
      return label;
  }
}

/**
 * The notification's text for one event, naming the order and what happened:
 * "Port-in +1 312 555 0100 · ACME-42 → Exception: LOA signature does not match". Plain text; `order` is the
 * event's order when it is loaded (its numbers and reference name it best).
 */
export function notificationLine(dir: Direction, event: PortingEvent, order?: Order, context: ActionContext = {}): string {
  const kind = needsAction(dir, event, context);
  return plainText(l10n.t('{0} → {1}', subject(dir, event, order), happened(dir, event, kind, context)));
}

export interface DirectedEvent {
  direction: Direction;
  event: PortingEvent;
}

/** How many new events of one direction, as a whole phrase per direction, so each translates with its own plural. */
const DIRECTION_EVENTS: Readonly<Record<DirectionId, (n: number) => string>> = {
  portin: (n) => (n === 1 ? l10n.t('1 port-in event') : l10n.t('{0} port-in events', n)),
  portout: (n) => (n === 1 ? l10n.t('1 port-out event') : l10n.t('{0} port-out events', n)),
};

/** One line for a burst: "5 port-in events, 2 need action", "5 port-in and 3 port-out events, 1 needs action". */
export function summarize(items: readonly DirectedEvent[], kinds: readonly ActionKind[] = DEFAULT_NOTIFY_KINDS, context: ActionContext = {}): string {
  const count = (id: DirectionId): number => items.filter((x) => x.direction.id === id).length;
  const counts = DIRECTIONS.map((dir) => ({ id: dir.id, n: count(dir.id) })).filter((c) => c.n > 0);
  if (counts.length === 0) return l10n.t('No new events');
  // Both directions (the table has two): one sentence with both numbers, so no phrase is built from pieces.
  const head = counts.length === 1 ? DIRECTION_EVENTS[counts[0]!.id](counts[0]!.n) : l10n.t('{0} port-in and {1} port-out events', count('portin'), count('portout'));
  const acting = items.filter((x) => notifies(needsAction(x.direction, x.event, context), kinds)).length;
  if (acting === 0) return head;
  return acting === 1 ? l10n.t('{0}, 1 needs action', head) : l10n.t('{0}, {1} need action', head, acting);
}

