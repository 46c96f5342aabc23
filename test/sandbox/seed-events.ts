// Event histories for one order at a time. Each history is consistent with its order: the last
// status_changed carries the order's current status, the last messaging_changed / foc_date_changed
// match the order, and times strictly increase so "newest first" is a total order per order.

import type {
  PortingEvent,
  PortingEventPayloads,
  PortingEventType,
  PortingOrder,
  PortingOrderStatus,
  PortingOrderStatusValue,
  PortinNotificationMethod,
  PortoutDetails,
  PortoutEvent,
  PortoutEventPayloads,
  PortoutEventType,
  PortoutNotificationMethod,
  PortoutStatus,
} from './model';
import { PORTING_EXCEPTION_CODES } from './model';
import { Prng } from './prng';
import {
  EXCEPTION_DESCRIPTIONS,
  PORTIN_ACCOUNT_COMMENTS,
  PORTIN_SYSTEM_COMMENTS,
  PORTIN_TELNYX_COMMENTS,
  PORTOUT_ACCOUNT_COMMENTS,
  PORTOUT_TELNYX_COMMENTS,
} from './seed-vocab';

/** Orders and port-outs use millisecond ISO strings, events microsecond ones — as in the spec examples. */
export const isoMs = (ms: number): string => new Date(ms).toISOString();
export const isoMicro = (ms: number): string => new Date(ms).toISOString().replace('Z', '000Z');

const SYSTEM_USER_ID = '00000000-0000-4000-8000-000000000001';
const TELNYX_ADMIN_IDS = ['6b2fa7c9-4b1e-4a0e-9d7a-2f1c9e3a5b10', 'c0a8e9d2-7f31-4c55-8a9e-1d2b3c4d5e6f'] as const;

/** Whether a comment event's `user_id` is one of Telnyx's staff (the comment then has `user_id: null`). */
export const isTelnyxUserId = (id: string): boolean => (TELNYX_ADMIN_IDS as readonly string[]).includes(id);

/** Who writes a comment: the account, Telnyx's porting team, or (port-in only) Telnyx's automation. */
export type CommentAuthorKind = 'user' | 'admin' | 'system';

const PORTIN_COMMENTS_BY: Record<CommentAuthorKind, readonly string[]> = {
  user: PORTIN_ACCOUNT_COMMENTS,
  admin: PORTIN_TELNYX_COMMENTS,
  system: PORTIN_SYSTEM_COMMENTS,
};

/** n strictly increasing integer times in (startMs, endMs), bursty rather than evenly spaced. */
export function spreadTimes(prng: Prng, n: number, startMs: number, endMs: number): number[] {
  const gaps: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const g = 0.02 + prng.next() ** 3;
    gaps.push(g);
    sum += g;
  }
  sum += 0.02 + prng.next(); // slack after the last event so it stays before endMs
  const scale = (endMs - startMs) / sum;
  const out: number[] = [];
  let t = startMs;
  let prev = -Infinity;
  for (const g of gaps) {
    t += g * scale;
    let ms = Math.floor(t);
    if (ms <= prev) ms = prev + 1;
    out.push(ms);
    prev = ms;
  }
  return out;
}

export function exceptionDetails(prng: Prng, count: number): PortingOrderStatus['details'] {
  const codes = new Set<(typeof PORTING_EXCEPTION_CODES)[number]>();
  // FOC_REJECTED is the exception users hit most, so it is over-represented.
  while (codes.size < count) codes.add(prng.chance(0.3) ? 'FOC_REJECTED' : prng.pick(PORTING_EXCEPTION_CODES));
  return [...codes].map((code) => ({ code, description: EXCEPTION_DESCRIPTIONS[code] }));
}

/** Statuses the order went through after draft, ending at its current one. */
function portinStatusPath(prng: Prng, final: PortingOrderStatusValue): PortingOrderStatusValue[] {
  const submitted: PortingOrderStatusValue[] = ['in-process', 'submitted'];
  const loops = prng.chance(0.35) ? prng.int(1, 2) : 0;
  for (let i = 0; i < loops; i++) submitted.push('exception', 'submitted');
  switch (final) {
    case 'draft':
      return [];
    case 'in-process':
      return ['in-process'];
    case 'submitted':
      return submitted;
    case 'exception':
      return [...submitted, 'exception'];
    case 'foc-date-confirmed':
      return [...submitted, 'foc-date-confirmed'];
    case 'ported':
      return [...submitted, 'foc-date-confirmed', 'ported'];
    case 'cancel-pending':
      return [...submitted, 'cancel-pending'];
    case 'cancelled':
      return prng.chance(0.3) ? ['cancelled'] : [...submitted, 'cancel-pending', 'cancelled'];
  }
}

function portoutStatusPath(prng: Prng, final: PortoutStatus): PortoutStatus[] {
  switch (final) {
    case 'pending':
      return ['pending'];
    case 'authorized':
      return ['pending', 'authorized'];
    case 'ported':
      return ['pending', 'authorized', 'ported'];
    case 'rejected':
      return prng.chance(0.4) ? ['pending', 'rejected-pending', 'rejected'] : ['pending', 'rejected'];
    case 'rejected-pending':
      return ['pending', 'rejected-pending'];
    case 'canceled':
      return prng.chance(0.5) ? ['pending', 'authorized', 'canceled'] : ['pending', 'canceled'];
  }
}

/**
 * Lays out `count` event types: required ones are kept by priority (current status, closing event,
 * featured type, earlier statuses), the rest are weighted fillers; statuses keep their order.
 */
function layout<T extends string, S>(
  prng: Prng,
  count: number,
  statuses: S[],
  statusType: T,
  featured: T,
  closing: T | null,
  fillers: readonly (readonly [T, number])[],
): { type: T; status: S | null }[] {
  let room = count;
  const keptStatuses: S[] = [];
  const last = statuses[statuses.length - 1];
  if (last !== undefined && room > 0) {
    keptStatuses.unshift(last);
    room--;
  }
  const withClosing = closing !== null && room > 0;
  if (withClosing) room--;
  const middle: T[] = [];
  if (room > 0) {
    middle.push(featured);
    room--;
  }
  for (let i = statuses.length - 2; i >= 0 && room > 0; i--, room--) keptStatuses.unshift(statuses[i] as S);
  for (; room > 0; room--) middle.push(prng.weighted(fillers));
  const tokens: (T | null)[] = [...middle, ...keptStatuses.map(() => null)];
  prng.shuffle(tokens);
  let s = 0;
  const out = tokens.map((t) => (t === null ? { type: statusType, status: keptStatuses[s++] as S } : { type: t, status: null }));
  if (withClosing && closing !== null) out.push({ type: closing, status: null });
  return out;
}

function portinMethods(prng: Prng): PortinNotificationMethod[] {
  return prng.weighted<PortinNotificationMethod[]>([
    [['email', 'webhook'], 4],
    [['email'], 3],
    [['webhook'], 2],
    [['email', 'webhook', 'webhook_v1'], 1],
    [['webhook_v1'], 1],
  ]);
}

function portoutMethods(prng: Prng): PortoutNotificationMethod[] {
  return prng.weighted<PortoutNotificationMethod[]>([
    [['email', 'webhook'], 4],
    [['email'], 3],
    [['webhook'], 2],
  ]);
}

const PORTIN_FILLERS: readonly (readonly [PortingEventType, number])[] = [
  ['porting_order.new_comment', 50],
  ['porting_order.loa_updated', 14],
  ['porting_order.messaging_changed', 12],
  ['porting_order.sharing_token_expired', 6],
  ['porting_order.split', 4],
];

/** Build context the port-in payload factory needs beyond the order itself. */
export interface PortinEventContext {
  prng: Prng;
  order: PortingOrder;
  /** Another order id, for split events. */
  otherOrderId: () => string;
}

function portinPayload<T extends PortingEventType>(
  ctx: PortinEventContext,
  type: T,
  at: number,
  status: PortingOrderStatus | null,
  lastMessaging: boolean,
  author: CommentAuthorKind | undefined,
): PortingEventPayloads[PortingEventType] {
  const { prng, order } = ctx;
  switch (type) {
    case 'porting_order.status_changed':
      return {
        id: order.id,
        customer_reference: order.customer_reference,
        support_key: order.support_key,
        status: status ?? order.status,
        updated_at: isoMs(at),
        webhook_url: order.webhook_url,
      };
    case 'porting_order.new_comment': {
      // Drawn whether or not an author is given, so the seed (which gives none) draws as it always did.
      const drawn = prng.weighted<CommentAuthorKind>([['admin', 5], ['user', 4], ['system', 1]]);
      const userType = author ?? drawn;
      const adminId = userType === 'admin' || drawn === 'admin' ? prng.pick(TELNYX_ADMIN_IDS) : TELNYX_ADMIN_IDS[0];
      const userId = userType === 'user' ? order.user_id : userType === 'admin' ? adminId : SYSTEM_USER_ID;
      return {
        porting_order_id: order.id,
        support_key: order.support_key,
        comment: { id: prng.uuid(), body: prng.pick(PORTIN_COMMENTS_BY[userType]), inserted_at: isoMs(at), user_id: userId, user_type: userType },
      };
    }
    case 'porting_order.messaging_changed':
      return {
        id: order.id,
        customer_reference: order.customer_reference,
        support_key: order.support_key,
        messaging: lastMessaging
          ? { ...order.messaging }
          : { ...order.messaging, messaging_port_completed: false, messaging_port_status: prng.pick(['pending', 'activating'] as const) },
      };
    case 'porting_order.split': {
      const moved: { id: string }[] = [];
      for (let i = prng.int(1, 3); i > 0; i--) moved.push({ id: prng.uuid() });
      return { from: { id: order.id }, to: { id: ctx.otherOrderId() }, porting_phone_numbers: moved };
    }
    case 'porting_order.deleted':
      return {
        id: order.id,
        customer_reference: order.customer_reference,
        deleted_at: isoMs(at),
        created_at: isoMicro(Date.parse(order.created_at)),
        updated_at: isoMicro(at),
        record_type: 'porting_event', // sic: the spec example uses this value inside the deleted payload
      };
    default:
      return null; // loa_updated, sharing_token_expired: the spec's PortingEventWithoutWebhook
  }
}

export function makePortinEvent(
  ctx: PortinEventContext,
  type: PortingEventType,
  at: number,
  opts: { status?: PortingOrderStatus | null; lastMessaging?: boolean; pending?: boolean; author?: CommentAuthorKind } = {},
): PortingEvent {
  const { prng, order } = ctx;
  const pending = opts.pending ?? prng.chance(0.06);
  const payload = portinPayload(ctx, type, at, opts.status ?? null, opts.lastMessaging ?? true, opts.author);
  // The union is keyed by event_type; building it generically needs one cast.
  return {
    id: prng.uuid(),
    event_type: type,
    porting_order_id: order.id,
    payload_status: pending ? 'created' : 'completed',
    available_notification_methods: portinMethods(prng),
    record_type: 'porting_event',
    created_at: isoMicro(at),
    updated_at: isoMicro(pending ? at : at + prng.int(200, 30_000)),
    payload: pending ? null : payload,
  } as PortingEvent;
}

export function portinHistory(
  ctx: PortinEventContext,
  count: number,
  featured: PortingEventType,
  startMs: number,
  endMs: number,
): { events: PortingEvent[]; times: number[] } {
  const { prng, order } = ctx;
  const path = portinStatusPath(prng, order.status.value).map((value, i, all): PortingOrderStatus =>
    i === all.length - 1 ? order.status : { value, details: value === 'exception' ? exceptionDetails(prng, prng.int(1, 2)) : [] },
  );
  const closing = order.status.value === 'cancelled' ? 'porting_order.deleted' : null;
  const plan = layout(prng, count, path, 'porting_order.status_changed', featured, closing, PORTIN_FILLERS);
  const times = spreadTimes(prng, plan.length, startMs, endMs);
  const lastMessagingIndex = plan.map((p) => p.type).lastIndexOf('porting_order.messaging_changed');
  const events = plan.map((p, i) =>
    makePortinEvent(ctx, p.type, times[i] as number, { status: p.status, lastMessaging: i === lastMessagingIndex }),
  );
  return { events, times };
}

function portoutPayload(
  prng: Prng,
  portout: PortoutDetails,
  type: PortoutEventType,
  status: PortoutStatus | null,
  focDate: string,
  author: 'user' | 'admin' | undefined,
): PortoutEventPayloads[PortoutEventType] {
  switch (type) {
    case 'portout.status_changed': {
      const s = status ?? portout.status;
      const rejected = s === 'rejected' || s === 'rejected-pending';
      return {
        id: portout.id,
        status: s,
        phone_numbers: [...portout.phone_numbers],
        carrier_name: portout.carrier_name,
        spid: portout.spid,
        subscriber_name: portout.end_user_name,
        user_id: portout.user_id,
        rejection_reason: rejected ? (portout.reason ?? 'Invalid PIN/passcode provided.') : null,
        attempted_pin: prng.digits(4),
      };
    }
    case 'portout.new_comment': {
      const id = prng.uuid();
      // A fixed third by a hash of the id, so the same comments are Telnyx's whatever else changes.
      const hashed = Number.parseInt(id.slice(0, 2), 16) % 3 === 0 ? 'admin' : 'user';
      const telnyx = (author ?? hashed) === 'admin';
      return {
        id,
        portout_id: portout.id,
        comment: prng.pick(telnyx ? PORTOUT_TELNYX_COMMENTS : PORTOUT_ACCOUNT_COMMENTS),
        // The spec: "the user that added the comment", so Telnyx's comments name a Telnyx user, not the account.
        user_id: telnyx ? (TELNYX_ADMIN_IDS[Number.parseInt(id.slice(2, 3), 16) % 2] as string) : portout.user_id,
      };
    }
    case 'portout.foc_date_changed':
      return { id: portout.id, foc_date: focDate, user_id: portout.user_id };
  }
}

export function makePortoutEvent(
  prng: Prng,
  portout: PortoutDetails,
  type: PortoutEventType,
  at: number,
  opts: { status?: PortoutStatus | null; focDate?: string; pending?: boolean; author?: 'user' | 'admin' } = {},
): PortoutEvent {
  const pending = opts.pending ?? prng.chance(0.06);
  const payload = portoutPayload(prng, portout, type, opts.status ?? null, opts.focDate ?? portout.foc_date, opts.author);
  return {
    id: prng.uuid(),
    event_type: type,
    portout_id: portout.id,
    payload_status: pending ? 'created' : 'completed',
    available_notification_methods: portoutMethods(prng),
    record_type: 'portout_event',
    created_at: isoMicro(at),
    updated_at: isoMicro(pending ? at : at + prng.int(200, 30_000)),
    payload: pending ? null : payload,
  } as PortoutEvent;
}

export function portoutHistory(
  prng: Prng,
  portout: PortoutDetails,
  count: number,
  featured: PortoutEventType,
  startMs: number,
  endMs: number,
): { events: PortoutEvent[]; times: number[] } {
  const path = portoutStatusPath(prng, portout.status);
  const plan = layout(prng, count, path, 'portout.status_changed', featured, null, [
    ['portout.new_comment', 60],
    ['portout.foc_date_changed', 40],
  ]);
  const times = spreadTimes(prng, plan.length, startMs, endMs);
  const lastFoc = plan.map((p) => p.type).lastIndexOf('portout.foc_date_changed');
  const requested = Date.parse(portout.requested_foc_date);
  const events = plan.map((p, i) => {
    const focDate = i === lastFoc ? portout.foc_date : isoMs(requested + prng.int(0, 5) * 86_400_000);
    return makePortoutEvent(prng, portout, p.type, times[i] as number, { status: p.status, focDate });
  });
  return { events, times };
}
