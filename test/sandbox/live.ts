// A running account: what happens to its orders while a demo is open. Each tick is one real change of the
// data (a status moves along the path the seed's histories take, a comment joins its conversation, a FOC date
// moves to one still to come), stamped with the sandbox's now, so what a visitor is notified of is what the
// orders then show. Time is the store's clock and the ticks are called from outside, so a test runs hours of a
// demo in a moment.

import type {
  AnyEvent,
  SandboxStore,
} from './store';
import type {
  PortingComment,
  PortingOrder,
  PortingOrderStatus,
  PortingOrderStatusValue,
  PortoutComment,
  PortoutDetails,
  PortoutStatus,
} from './model';
import { Prng } from './prng';
import { activationFor, buildPortinOrder, buildPortout, Uniques, type Pools } from './seed';
import { exceptionDetails, isoMs, makePortinEvent, makePortoutEvent } from './seed-events';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Telnyx authorizes a port-out left unanswered for 24–48 hours (API.md §14); the demo does it just before the
 * 48 hours are up, so no port-out it shows as pending is older than that.
 */
export const PORTOUT_AUTO_AUTHORIZE_MS = 47 * HOUR;

type Happening = 'portin.status' | 'portin.comment' | 'portin.new' | 'portout.comment' | 'portout.foc' | 'portout.new' | 'portout.review';

/**
 * How often each kind of change happens. Most port-in changes move an order forward; an exception is one of
 * its outcomes, and is worked on (resolved) as often as any other order, so exceptions stay a few.
 */
const HAPPENINGS: readonly (readonly [Happening, number])[] = [
  ['portin.status', 14],
  ['portin.comment', 12],
  ['portin.new', 4],
  ['portout.comment', 6],
  ['portout.foc', 3],
  ['portout.new', 4],
  ['portout.review', 3],
];

/**
 * New port-ins arrive while fewer than WORKED_PORTINS are being worked (not yet confirmed) and fewer than
 * OPEN_PORTINS are open at all: the workload stays as it was.
 */
const WORKED_PORTINS = 8;
const OPEN_PORTINS = 16;
const WORKED: ReadonlySet<PortingOrderStatusValue> = new Set(['draft', 'in-process', 'submitted', 'exception']);
/**
 * How long a port-in stays in a status before it moves on: carriers answer in hours, not minutes, so an order
 * does not race through its path while a visitor watches.
 */
const PORTIN_DWELL_MS = 40 * MINUTE;
const PENDING_PORTOUTS = 4;

/** Where an open port-in goes next, with how likely: forward mostly, into exception sometimes. */
const PORTIN_NEXT: Partial<Record<PortingOrderStatusValue, readonly (readonly [PortingOrderStatusValue, number])[]>> = {
  draft: [['in-process', 1]],
  'in-process': [['submitted', 85], ['exception', 15]],
  submitted: [['foc-date-confirmed', 80], ['exception', 20]],
  // Support works an exception with the account: resolved, it goes back to the losing carrier.
  exception: [['submitted', 1]],
  'cancel-pending': [['cancelled', 1]],
};

/** Port-in statuses a comment is still written on. */
const PORTIN_OPEN: ReadonlySet<PortingOrderStatusValue> = new Set(['draft', 'in-process', 'submitted', 'exception', 'foc-date-confirmed', 'cancel-pending']);
const PORTOUT_OPEN: ReadonlySet<PortoutStatus> = new Set(['pending', 'authorized', 'rejected-pending']);

export class LiveWorld {
  private readonly prng: Prng;
  private readonly uniques: Uniques;
  /** When each port-in last changed status here; a seeded one's last change is its updated_at. */
  private readonly statusTimes = new Map<string, number>();

  constructor(
    private readonly store: SandboxStore,
    seed: number,
  ) {
    this.prng = new Prng((seed ^ 0x11fe11fe) >>> 0);
    this.uniques = new Uniques(this.prng);
    const d = store.data;
    this.uniques.remember([
      ...d.portinOrders.flatMap((o) => [...o.phone_numbers.map((p) => p.phone_number), ...(o.support_key ? [o.support_key] : [])]),
      ...d.portoutOrders.flatMap((o) => [...o.phone_numbers, o.support_key]),
    ]);
  }

  /**
   * What happens now: first what is due by the clock (an unanswered port-out authorized, a FOC date reached),
   * else one change picked by HAPPENINGS. Returns the new events, oldest first.
   */
  tick(): AnyEvent[] {
    const due = this.due();
    if (due.length > 0) return due;
    for (let attempt = 0; attempt < 5; attempt++) {
      const e = this.happen(this.prng.weighted(HAPPENINGS));
      if (e) return [e];
    }
    // Every interval has its news: when what was picked cannot happen now, the first kind that can.
    for (const [what] of HAPPENINGS) {
      const e = this.happen(what);
      if (e) return [e];
    }
    return [];
  }

  private due(): AnyEvent[] {
    const now = this.store.now();
    const out: AnyEvent[] = [];
    for (const p of this.store.data.portoutOrders) {
      if (p.status === 'pending' && now - Date.parse(p.created_at) >= PORTOUT_AUTO_AUTHORIZE_MS) out.push(this.portoutStatus(p, 'authorized'));
      else if (p.status === 'authorized' && Date.parse(p.foc_date) <= now) out.push(this.portoutStatus(p, 'ported'));
    }
    for (const o of this.store.data.portinOrders) {
      const foc = o.activation_settings.foc_datetime_actual;
      if (o.status.value === 'foc-date-confirmed' && foc !== null && Date.parse(foc) <= now) out.push(this.portinStatus(o, 'ported'));
    }
    return out;
  }

  private happen(what: Happening): AnyEvent | undefined {
    const d = this.store.data;
    switch (what) {
      case 'portin.status': {
        const now = this.store.now();
        const open = d.portinOrders.filter((o) => PORTIN_NEXT[o.status.value] !== undefined && now - this.statusSince(o) >= PORTIN_DWELL_MS);
        if (open.length === 0) return undefined;
        const order = this.prng.pick(open);
        return this.portinStatus(order, this.prng.weighted(PORTIN_NEXT[order.status.value]!));
      }
      case 'portin.comment': {
        const open = d.portinOrders.filter((o) => PORTIN_OPEN.has(o.status.value));
        return open.length === 0 ? undefined : this.portinComment(this.prng.pick(open));
      }
      case 'portin.new':
        if (d.portinOrders.filter((o) => WORKED.has(o.status.value)).length >= WORKED_PORTINS) return undefined;
        return d.portinOrders.filter((o) => PORTIN_OPEN.has(o.status.value)).length < OPEN_PORTINS ? this.newPortin() : undefined;
      case 'portout.comment': {
        const open = d.portoutOrders.filter((p) => PORTOUT_OPEN.has(p.status));
        return open.length === 0 ? undefined : this.portoutComment(this.prng.pick(open));
      }
      case 'portout.foc': {
        const open = d.portoutOrders.filter((p) => p.status === 'pending' || p.status === 'authorized');
        return open.length === 0 ? undefined : this.portoutFoc(this.prng.pick(open));
      }
      case 'portout.new':
        return d.portoutOrders.filter((p) => p.status === 'pending').length < PENDING_PORTOUTS ? this.newPortout() : undefined;
      case 'portout.review': {
        // Telnyx's porting team reviews an account's rejection: upheld mostly, overruled when the reason is not valid.
        const open = d.portoutOrders.filter((p) => p.status === 'rejected-pending');
        if (open.length === 0) return undefined;
        return this.portoutStatus(this.prng.pick(open), this.prng.chance(0.75) ? 'rejected' : 'authorized');
      }
    }
  }

  private statusSince(order: PortingOrder): number {
    return this.statusTimes.get(order.id) ?? Date.parse(order.updated_at);
  }

  private portinStatus(order: PortingOrder, value: PortingOrderStatusValue): AnyEvent {
    const prng = this.prng;
    const t = this.store.nextEventTime('portin');
    const status: PortingOrderStatus = { value, details: value === 'exception' ? exceptionDetails(prng, 1) : [] };
    const activation = activationFor(value, prng);
    const settings = { ...order.activation_settings, activation_status: activation };
    if (value === 'foc-date-confirmed') {
      // The losing carrier confirms a date to come; the numbers port when it comes (see due()).
      const foc = isoMs(t + prng.int(2, 48) * HOUR);
      settings.foc_datetime_actual = foc;
      settings.foc_datetime_requested = foc;
    }
    if (value === 'submitted' || value === 'exception') settings.foc_datetime_actual = null;
    if (value === 'submitted' && (settings.foc_datetime_requested === null || Date.parse(settings.foc_datetime_requested) <= t)) {
      settings.foc_datetime_requested = isoMs(t + prng.int(3, 10) * DAY);
    }
    const ported = value === 'ported';
    const updated: PortingOrder = {
      ...order,
      status,
      updated_at: isoMs(t),
      activation_settings: settings,
      phone_numbers: order.phone_numbers.map((p) => ({ ...p, porting_order_status: value, activation_status: activation })),
      messaging: ported && order.messaging.messaging_capable
        ? { ...order.messaging, messaging_port_completed: true, messaging_port_status: 'ported' }
        : order.messaging,
    };
    const event = makePortinEvent({ prng, order: updated, otherOrderId: () => updated.id }, 'porting_order.status_changed', t, { pending: false, status });
    this.store.applyChange({ order: updated, event });
    this.statusTimes.set(updated.id, t);
    return event;
  }

  private portinComment(order: PortingOrder): AnyEvent {
    const prng = this.prng;
    const last = this.store.commentsOf('portin', order.id).at(-1);
    const t = this.store.nextEventTime('portin', last === undefined ? undefined : Date.parse(last.created_at));
    // The demo's account writes nothing by itself: what it wrote, the visitor posted.
    const author = prng.chance(0.8) ? 'admin' : 'system';
    // A thread that says the same thing twice in a row reads as a bug: drawn again (a few times) when it would.
    const draw = (): AnyEvent => makePortinEvent({ prng, order, otherOrderId: () => order.id }, 'porting_order.new_comment', t, { pending: false, author });
    const bodyOf = (e: AnyEvent): string | undefined => (e.payload as { comment?: { body?: string } } | null)?.comment?.body;
    let event = draw();
    for (let i = 0; i < 8 && last !== undefined && bodyOf(event) === last.body; i++) event = draw();
    const c = (event.payload as { comment: { id: string; body: string; inserted_at: string; user_type: PortingComment['user_type'] } }).comment;
    const comment: PortingComment = { id: c.id, body: c.body, porting_order_id: order.id, created_at: c.inserted_at, record_type: 'porting_comment', user_type: c.user_type };
    this.store.applyChange({ order: { ...order, updated_at: isoMs(t) }, event, comment });
    return event;
  }

  private newPortin(): AnyEvent {
    const prng = this.prng;
    const t = this.store.nextEventTime('portin');
    const orders = this.store.data.portinOrders;
    const pools: Pools = {
      refs: [...new Set(orders.flatMap((o) => (o.customer_reference ? [o.customer_reference] : [])))],
      parents: [...new Set(orders.flatMap((o) => (o.parent_support_key ? [o.parent_support_key] : [])))],
    };
    if (pools.refs.length === 0) pools.refs.push('DEMO-0001');
    if (pools.parents.length === 0) pools.parents.push(this.uniques.take(() => `pr_${prng.hex(6)}`));
    // Submitted by the account (in the portal, or by a colleague) just now.
    const built = buildPortinOrder(prng, this.uniques, prng.uuid(), 'in-process', t, pools, true);
    const order: PortingOrder = { ...built, created_at: isoMs(t), updated_at: isoMs(t) };
    const event = makePortinEvent({ prng, order, otherOrderId: () => order.id }, 'porting_order.status_changed', t, { pending: false, status: order.status });
    this.store.applyChange({ order, isNew: true, event });
    this.statusTimes.set(order.id, t);
    return event;
  }

  private portoutStatus(portout: PortoutDetails, status: PortoutStatus): AnyEvent {
    const t = this.store.nextEventTime('portout');
    const rejection = status === 'rejected' || status === 'rejected-pending';
    const updated: PortoutDetails = {
      ...portout,
      status,
      updated_at: isoMs(t),
      already_ported: status === 'ported',
      // Only a rejection has a reason; one overruled has none left.
      reason: rejection ? portout.reason : null,
      rejection_code: rejection ? portout.rejection_code : null,
    };
    const event = makePortoutEvent(this.prng, updated, 'portout.status_changed', t, { pending: false, status });
    this.store.applyChange({ order: updated, event });
    return event;
  }

  private portoutComment(portout: PortoutDetails): AnyEvent {
    const last = this.store.commentsOf('portout', portout.id).at(-1);
    const t = this.store.nextEventTime('portout', last === undefined ? undefined : Date.parse(last.created_at));
    const draw = (): AnyEvent => makePortoutEvent(this.prng, portout, 'portout.new_comment', t, { pending: false, author: 'admin' });
    let event = draw();
    for (let i = 0; i < 8 && last !== undefined && (event.payload as { comment?: string }).comment === last.body; i++) event = draw();
    const p = event.payload as { id: string; comment: string };
    const comment: PortoutComment = { id: p.id, body: p.comment, portout_id: portout.id, created_at: event.created_at, record_type: 'portout_comment', user_id: null };
    this.store.applyChange({ order: { ...portout, updated_at: isoMs(t) }, event, comment });
    return event;
  }

  private portoutFoc(portout: PortoutDetails): AnyEvent {
    const t = this.store.nextEventTime('portout');
    // The winning carrier moves the date, always to one still to come, and never before the 48 hours a port-out
    // may wait for its answer are up (it would be reached while still pending).
    const focDate = isoMs(Math.max(t, Date.parse(portout.created_at) + 2 * DAY) + this.prng.int(1, 10) * DAY);
    const updated: PortoutDetails = { ...portout, foc_date: focDate, updated_at: isoMs(t) };
    const event = makePortoutEvent(this.prng, updated, 'portout.foc_date_changed', t, { pending: false, focDate });
    this.store.applyChange({ order: updated, event });
    return event;
  }

  private newPortout(): AnyEvent {
    const t = this.store.nextEventTime('portout');
    // A winning carrier's request arriving now: pending, waiting on the account's answer.
    const built = buildPortout(this.prng, this.uniques, this.prng.uuid(), 'pending', t, true);
    // Built as if hours old; its dates move with it to now, so its FOC stays days after the request.
    const shift = (iso: string): string => isoMs(Date.parse(iso) + t - Date.parse(built.created_at));
    const portout: PortoutDetails = {
      ...built,
      created_at: isoMs(t),
      inserted_at: isoMs(t),
      updated_at: isoMs(t),
      requested_foc_date: shift(built.requested_foc_date),
      foc_date: shift(built.foc_date),
    };
    const event = makePortoutEvent(this.prng, portout, 'portout.status_changed', t, { pending: false, status: 'pending' });
    this.store.applyChange({ order: portout, isNew: true, event });
    return event;
  }
}
