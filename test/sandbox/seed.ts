// Deterministic seed data: port-in orders, port-outs and the event histories of both.
// Same options ⇒ identical data, so tests can assert on it and benchmarks are comparable.

import type {
  PortingEvent,
  PortingEventType,
  PortingOrder,
  PortingOrderStatusValue,
  PortingPhoneNumber,
  PortoutDetails,
  PortoutEvent,
  PortoutEventType,
  PortoutStatus,
  SeedData,
} from './model';
import { PHONE_NUMBER_TYPES, PORTING_ORDER_STATUSES, PORTOUT_STATUSES } from './model';
import { Prng } from './prng';
import { exceptionDetails, isoMs, portinHistory, portoutHistory } from './seed-events';
import type { Locale } from './seed-vocab';
import { COMPANIES, LOCALES, LOSING_CARRIERS, PEOPLE, PORTOUT_REJECTIONS, STREETS, WINNING_CARRIERS } from './seed-vocab';

export type { SeedData } from './model';

export interface SeedOptions {
  seed: number;
  portinOrders: number;
  portoutOrders: number;
  /** Events per order (both directions): a fixed number or an inclusive range. */
  eventsPerOrder: number | { min: number; max: number };
  /** When set, overrides eventsPerOrder: exactly this many events, spread evenly over all orders of both directions. */
  totalEvents?: number;
  /** Anchor time: everything happens before it. Fixed by default so the data never depends on the wall clock. */
  now: string;
  /**
   * Dates as a running account's read at `now` (the demo): a pending port-out is 2–36 h old, open orders' FOC
   * dates lie ahead. Off by default: the tests' data stays what they were written against. The same ids and
   * other values either way.
   */
  live?: boolean;
}

export const DEFAULT_SEED_OPTIONS: Readonly<SeedOptions> = {
  seed: 20260701,
  portinOrders: 24,
  portoutOrders: 18,
  eventsPerOrder: { min: 10, max: 40 },
  now: '2026-07-01T12:00:00.000Z',
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
/**
 * How old a pending port-out is: Telnyx authorizes one left unanswered for 48 hours, so an older one cannot be
 * pending; these leave a running demo hours before it authorizes them itself (test/sandbox/live.ts).
 */
const PENDING_PORTOUT_AGE_MS: readonly [number, number] = [2 * HOUR, 36 * HOUR];
/** Everything belongs to one account, as it would for one API key. */
const ACCOUNT_USER_ID = '7865816a-ee85-4e50-b19e-52983dcc6d4a';

/** How old orders in each status typically are (days), so drafts are recent and ported ones older. */
const PORTIN_AGE: Record<PortingOrderStatusValue, [number, number]> = {
  draft: [1, 30],
  'in-process': [3, 45],
  submitted: [5, 60],
  exception: [7, 90],
  'foc-date-confirmed': [7, 60],
  ported: [20, 540],
  cancelled: [20, 400],
  'cancel-pending': [10, 120],
};
const PORTOUT_AGE: Record<PortoutStatus, [number, number]> = {
  pending: [1, 20], // live: PENDING_PORTOUT_AGE_MS
  authorized: [2, 30],
  ported: [10, 400],
  rejected: [3, 200],
  'rejected-pending': [1, 15],
  canceled: [5, 300],
};

const PORTIN_FEATURED: readonly PortingEventType[] = [
  'porting_order.new_comment',
  'porting_order.loa_updated',
  'porting_order.messaging_changed',
  'porting_order.sharing_token_expired',
  'porting_order.split',
];
const PORTOUT_FEATURED: readonly PortoutEventType[] = ['portout.foc_date_changed', 'portout.new_comment'];

export function resolveSeedOptions(opts: Partial<SeedOptions> = {}): SeedOptions {
  const o: SeedOptions = { ...DEFAULT_SEED_OPTIONS, ...opts };
  const nonNegInt = (n: number): boolean => Number.isInteger(n) && n >= 0;
  if (!nonNegInt(o.portinOrders) || !nonNegInt(o.portoutOrders)) throw new Error('order counts must be integers >= 0');
  const range = typeof o.eventsPerOrder === 'number' ? { min: o.eventsPerOrder, max: o.eventsPerOrder } : o.eventsPerOrder;
  if (!nonNegInt(range.min) || !nonNegInt(range.max) || range.min > range.max) throw new Error('bad eventsPerOrder');
  if (o.totalEvents !== undefined && !nonNegInt(o.totalEvents)) throw new Error('totalEvents must be an integer >= 0');
  if (Number.isNaN(Date.parse(o.now))) throw new Error('now must be an ISO date-time');
  return o;
}

/** Per-order event counts for both directions, in order (port-ins first). */
function eventCounts(prng: Prng, o: SeedOptions): number[] {
  const orders = o.portinOrders + o.portoutOrders;
  if (o.totalEvents !== undefined) {
    const base = orders === 0 ? 0 : Math.floor(o.totalEvents / orders);
    const extra = orders === 0 ? 0 : o.totalEvents % orders;
    return Array.from({ length: orders }, (_, i) => base + (i < extra ? 1 : 0));
  }
  const r = typeof o.eventsPerOrder === 'number' ? { min: o.eventsPerOrder, max: o.eventsPerOrder } : o.eventsPerOrder;
  return Array.from({ length: orders }, () => prng.int(r.min, r.max));
}

/** Dataset-wide uniqueness for numbers and keys, so an exact-match filter finds exactly one owner. */
export class Uniques {
  private readonly seen = new Set<string>();
  constructor(private readonly prng: Prng) {}
  /** Values already in use elsewhere (orders made after the seed must not reuse the seed's numbers and keys). */
  remember(values: Iterable<string>): void {
    for (const v of values) this.seen.add(v);
  }
  take(make: () => string): string {
    for (;;) {
      const v = make();
      if (!this.seen.has(v)) {
        this.seen.add(v);
        return v;
      }
    }
  }
  phone(locale: Locale): string {
    return this.take(() => this.prng.pick(locale.prefixes) + this.prng.digits(locale.subscriberDigits));
  }
}

function phoneCount(prng: Prng): number {
  // Most orders are small; a few exceed 50 numbers so include_phone_numbers' "first 50" is visible.
  const [min, max] = prng.weighted<readonly [number, number]>([
    [[1, 5], 70],
    [[6, 30], 22],
    [[51, 140], 8],
  ]);
  return prng.int(min, max);
}

export function activationFor(status: PortingOrderStatusValue, prng: Prng): PortingPhoneNumber['activation_status'] {
  switch (status) {
    case 'draft':
    case 'in-process':
      return 'New';
    case 'submitted':
      return prng.pick(['Pending', 'Sending', 'Concurrence Sent'] as const);
    case 'exception':
      return prng.pick(['Conflict', 'Failed'] as const);
    case 'foc-date-confirmed':
      return prng.pick(['Concurred', 'Activate RDY'] as const);
    case 'ported':
      return 'Active';
    case 'cancel-pending':
      return 'Cancel Pending';
    case 'cancelled':
      return 'Cancelled';
  }
}

export interface Pools {
  /** customer_reference values, shared by several orders like a real customer's project codes. */
  refs: string[];
  /** parent_support_key values: orders submitted together share one. */
  parents: string[];
}

/**
 * A date still to come for an open order whose drawn date has gone: what an open order shows as its FOC must
 * not read as past. Derived from the drawn date, not drawn again, so nothing after it in the seed changes.
 */
function stillToCome(ms: number, createdMs: number, nowMs: number): number {
  return ms > nowMs ? ms : nowMs + DAY + ((ms - createdMs) % (7 * DAY));
}

/** Port-in statuses whose requested FOC date lies ahead: the order has not reached it yet. */
const FOC_AHEAD: ReadonlySet<PortingOrderStatusValue> = new Set(['in-process', 'submitted', 'foc-date-confirmed']);
/** Port-out statuses whose FOC date lies ahead: the numbers have not left yet. */
const PORTOUT_FOC_AHEAD: ReadonlySet<PortoutStatus> = new Set(['pending', 'authorized', 'rejected-pending']);

export function buildPortinOrder(prng: Prng, u: Uniques, id: string, status: PortingOrderStatusValue, nowMs: number, pools: Pools, live = false): PortingOrder {
  const [minAge, maxAge] = PORTIN_AGE[status];
  const createdMs = nowMs - prng.int(minAge, maxAge) * DAY - prng.int(0, DAY);
  const locale = prng.weighted(LOCALES);
  const [locality, area, postal] = prng.pick(locale.places);
  const company = prng.pick(COMPANIES);
  const type = prng.chance(0.7) ? 'full' : 'partial';
  const isDraft = status === 'draft';
  const supportKey = isDraft ? null : u.take(() => `sr_${prng.hex(6)}`);
  const numberType = locale.country === 'US' && prng.chance(0.1) ? 'toll_free' : prng.pick(['local', 'local', 'landline', 'mobile'] as const);
  const phones: PortingPhoneNumber[] = [];
  for (let n = phoneCount(prng); n > 0; n--) {
    phones.push({
      phone_number: u.phone(locale),
      activation_status: activationFor(status, prng),
      phone_number_type: prng.chance(0.9) ? numberType : prng.pick(PHONE_NUMBER_TYPES),
      portability_status: prng.weighted<PortingPhoneNumber['portability_status']>([['confirmed', 6], ['pending', 2], ['provisional', 1]]),
      porting_order_id: id,
      porting_order_status: status,
      requirements_status: status === 'exception' && prng.chance(0.3) ? 'requirement-info-exception' : isDraft ? 'requirement-info-pending' : 'approved',
      support_key: supportKey,
      record_type: 'porting_phone_number',
    });
  }
  const focDrawn = isDraft ? null : createdMs + prng.int(5, 21) * DAY;
  const focRequested = focDrawn === null ? null : isoMs(live && FOC_AHEAD.has(status) ? stillToCome(focDrawn, createdMs, nowMs) : focDrawn);
  const focActual = status === 'foc-date-confirmed' || status === 'ported' ? focRequested : null;
  const messagingCapable = prng.chance(0.6);
  const remaining = type === 'partial' ? prng.pick(['keep', 'disconnect'] as const) : null;
  const person = prng.pick(PEOPLE);
  return {
    id,
    record_type: 'porting_order',
    created_at: isoMs(createdMs),
    updated_at: isoMs(createdMs), // replaced by the last event's time once the history exists
    status: { value: status, details: status === 'exception' ? exceptionDetails(prng, prng.int(1, 2)) : [] },
    customer_reference: prng.chance(0.1) ? null : prng.pick(pools.refs),
    customer_group_reference: prng.chance(0.5) ? null : `Group-${prng.int(100, 120)}`,
    description: `${type === 'full' ? 'FP' : 'PP'} ${company}`,
    support_key: supportKey,
    parent_support_key: isDraft ? null : prng.pick(pools.parents),
    porting_phone_numbers_count: phones.length,
    phone_numbers: phones,
    phone_number_type: numberType,
    activation_settings: {
      activation_status: isDraft ? null : activationFor(status, prng),
      fast_port_eligible: prng.chance(0.3),
      foc_datetime_requested: focRequested,
      foc_datetime_actual: focActual,
    },
    end_user: {
      admin: {
        entity_name: company,
        auth_person_name: person,
        account_number: prng.digits(9),
        billing_phone_number: phones[0]?.phone_number ?? null,
        pin_passcode: prng.chance(0.7) ? prng.digits(4) : null,
        business_identifier: locale.country === 'DE' ? `DE${prng.digits(9)}` : null,
        tax_identifier: prng.chance(0.3) ? prng.digits(9) : null,
      },
      location: {
        street_address: prng.pick(STREETS),
        extended_address: prng.chance(0.4) ? `Suite ${prng.int(100, 2400)}` : null,
        locality,
        administrative_area: area,
        postal_code: postal,
        country_code: locale.country,
      },
    },
    misc: { type, remaining_numbers_action: remaining, new_billing_phone_number: remaining === 'keep' ? u.phone(locale) : null },
    messaging: {
      enable_messaging: messagingCapable && prng.chance(0.8),
      messaging_capable: messagingCapable,
      messaging_port_completed: messagingCapable && status === 'ported',
      messaging_port_status: !messagingCapable ? 'not_applicable' : status === 'ported' ? 'ported' : status === 'cancelled' ? 'canceled' : 'pending',
    },
    old_service_provider_ocn: prng.pick(LOSING_CARRIERS),
    documents: { loa: isDraft && prng.chance(0.5) ? null : prng.uuid(), invoice: prng.chance(0.3) ? null : prng.uuid() },
    requirements: [],
    requirements_met: !isDraft,
    additional_steps: prng.chance(0.1) ? ['associated_phone_numbers'] : [],
    phone_number_configuration: {
      billing_group_id: prng.chance(0.5) ? prng.uuid() : null,
      connection_id: prng.chance(0.8) ? prng.uuid() : null,
      emergency_address_id: null,
      messaging_profile_id: messagingCapable ? prng.uuid() : null,
      tags: prng.chance(0.3) ? ['sandbox', company.split(' ')[0]?.toLowerCase() ?? 'tag'] : [],
    },
    user_feedback: { user_comment: null, user_rating: null },
    user_id: ACCOUNT_USER_ID,
    webhook_url: prng.chance(0.6) ? 'https://hooks.example.com/telnyx/porting' : null,
  };
}

export function buildPortout(prng: Prng, u: Uniques, id: string, status: PortoutStatus, nowMs: number, live = false): PortoutDetails {
  const [minAge, maxAge] = PORTOUT_AGE[status];
  const drawnAge = prng.int(minAge, maxAge) * DAY + prng.int(0, DAY);
  const [minPending, maxPending] = PENDING_PORTOUT_AGE_MS;
  const createdMs = nowMs - (live && status === 'pending' ? minPending + (drawnAge % (maxPending - minPending)) : drawnAge);
  const locale = prng.weighted(LOCALES);
  const [city, state, zip] = prng.pick(locale.places);
  const [carrier, spid] = prng.pick(WINNING_CARRIERS);
  const phones: string[] = [];
  for (let n = prng.chance(0.9) ? prng.int(1, 4) : prng.int(5, 20); n > 0; n--) phones.push(u.phone(locale));
  const requestedDrawn = createdMs + prng.int(3, 14) * DAY;
  const requested = live && PORTOUT_FOC_AHEAD.has(status) ? stillToCome(requestedDrawn, createdMs, nowMs) : requestedDrawn;
  const rejected = status === 'rejected' || status === 'rejected-pending';
  const rejection = rejected ? prng.pick(PORTOUT_REJECTIONS) : null;
  const name = prng.chance(0.5) ? prng.pick(COMPANIES) : prng.pick(PEOPLE);
  return {
    id,
    record_type: 'portout',
    status,
    phone_numbers: phones,
    support_key: u.take(() => `PO_${prng.digits(6)}`),
    carrier_name: carrier,
    spid,
    pon: prng.digits(8),
    foc_date: isoMs(requested + (prng.chance(0.3) ? prng.int(1, 5) * DAY : 0)),
    requested_foc_date: isoMs(requested),
    created_at: isoMs(createdMs),
    inserted_at: isoMs(createdMs),
    updated_at: isoMs(createdMs),
    end_user_name: name,
    authorized_name: prng.pick(PEOPLE),
    service_address: prng.pick(STREETS),
    city,
    state,
    zip,
    current_carrier: 'telnyx',
    already_ported: status === 'ported',
    host_messaging: prng.chance(0.2),
    lsr: [`https://files.example.com/lsr/${prng.hex(8)}${prng.hex(4)}.pdf`],
    reason: rejection ? rejection[1] : null,
    rejection_code: rejection ? rejection[0] : null,
    user_id: ACCOUNT_USER_ID,
    vendor: '0e66ed3b-37e6-4fed-93d6-a30ce2493661',
  };
}

/** Where an order's history ends: terminal orders went quiet long ago, open ones are still active. */
function historyEnd(prng: Prng, createdMs: number, nowMs: number, terminal: boolean): number {
  const f = terminal ? 0.1 + prng.next() * 0.5 : 0.5 + prng.next() * 0.48;
  return createdMs + Math.floor((nowMs - createdMs) * f);
}

function newestFirst<T extends { id: string }>(items: { t: number; item: T }[]): T[] {
  items.sort((a, b) => b.t - a.t || (a.item.id < b.item.id ? 1 : a.item.id > b.item.id ? -1 : 0));
  return items.map((x) => x.item);
}

export function buildSeed(opts: Partial<SeedOptions> = {}): SeedData {
  const o = resolveSeedOptions(opts);
  const prng = new Prng(o.seed);
  const u = new Uniques(prng);
  const nowMs = Date.parse(o.now);
  const counts = eventCounts(prng, o);
  const orderIds = Array.from({ length: o.portinOrders }, () => prng.uuid());
  const refPrefixes = ['ACME', 'NW', 'GLBX', 'INIT', 'SUMMIT'] as const;
  const pools: Pools = {
    refs: Array.from({ length: Math.max(4, Math.ceil(o.portinOrders / 3)) }, (_, i) => {
      return `${prng.pick(refPrefixes)}-${2025 + (i % 2)}-${String(i + 1).padStart(4, '0')}`;
    }),
    parents: Array.from({ length: Math.max(3, Math.ceil(o.portinOrders / 2)) }, () => u.take(() => `pr_${prng.hex(6)}`)),
  };

  const orders: { t: number; item: PortingOrder }[] = [];
  const portinEvents: { t: number; item: PortingEvent }[] = [];
  orderIds.forEach((id, i) => {
    const status = PORTING_ORDER_STATUSES[i % PORTING_ORDER_STATUSES.length] as PortingOrderStatusValue;
    const order = buildPortinOrder(prng, u, id, status, nowMs, pools, o.live === true);
    const createdMs = Date.parse(order.created_at);
    const end = historyEnd(prng, createdMs, nowMs, status === 'ported' || status === 'cancelled');
    const otherOrderId = (): string =>
      orderIds.length > 1 ? (orderIds[(i + prng.int(1, orderIds.length - 1)) % orderIds.length] as string) : prng.uuid();
    const featured = PORTIN_FEATURED[i % PORTIN_FEATURED.length] as PortingEventType;
    const { events, times } = portinHistory({ prng, order, otherOrderId }, counts[i] ?? 0, featured, createdMs + 60_000, end);
    const last = times[times.length - 1];
    if (last !== undefined) order.updated_at = isoMs(last);
    orders.push({ t: createdMs, item: order });
    events.forEach((e, k) => portinEvents.push({ t: times[k] as number, item: e }));
  });

  const portouts: { t: number; item: PortoutDetails }[] = [];
  const portoutEvents: { t: number; item: PortoutEvent }[] = [];
  for (let i = 0; i < o.portoutOrders; i++) {
    const status = PORTOUT_STATUSES[i % PORTOUT_STATUSES.length] as PortoutStatus;
    const portout = buildPortout(prng, u, prng.uuid(), status, nowMs, o.live === true);
    const createdMs = Date.parse(portout.created_at);
    const terminal = status === 'ported' || status === 'rejected' || status === 'canceled';
    const end = historyEnd(prng, createdMs, nowMs, terminal);
    const featured = PORTOUT_FEATURED[i % PORTOUT_FEATURED.length] as PortoutEventType;
    const { events, times } = portoutHistory(prng, portout, counts[o.portinOrders + i] ?? 0, featured, createdMs + 60_000, end);
    const last = times[times.length - 1];
    if (last !== undefined) portout.updated_at = isoMs(last);
    portouts.push({ t: createdMs, item: portout });
    events.forEach((e, k) => portoutEvents.push({ t: times[k] as number, item: e }));
  }

  return {
    portinOrders: newestFirst(orders),
    portoutOrders: newestFirst(portouts),
    portinEvents: newestFirst(portinEvents),
    portoutEvents: newestFirst(portoutEvents),
  };
}
