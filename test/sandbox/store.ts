// The sandbox's mutable state: current data (seed + inserted events − removed records), runtime config,
// fault queue, request log and republish log. Seeded records are never mutated, so reset is a cheap re-copy.

import { FaultQueue, Holds } from './faults';
import type {
  Direction,
  PortingComment,
  PortingEvent,
  PortingEventType,
  PortingOrder,
  PortingOrderStatusValue,
  PortoutComment,
  PortoutDecision,
  PortoutDetails,
  PortoutEvent,
  PortoutEventType,
  PortoutStatus,
  SeedData,
} from './model';
import { Prng } from './prng';
import type { SeedOptions } from './seed';
import { buildSeed, resolveSeedOptions } from './seed';
import { isTelnyxUserId, makePortinEvent, makePortoutEvent } from './seed-events';

export type PortoutEventsPath = 'portouts' | 'portout';

/**
 * Order of the lists the API documents no sort for. 'desc' (newest first) is the sandbox's original order;
 * 'asc' and 'shuffled' are orders the API is just as free to answer with.
 */
export type ListOrder = 'desc' | 'asc' | 'shuffled';

/** The four lists records can be removed from (the keys of SeedData). */
export type ListName = 'portinOrders' | 'portoutOrders' | 'portinEvents' | 'portoutEvents';
export const LIST_NAMES: readonly ListName[] = ['portinOrders', 'portoutOrders', 'portinEvents', 'portoutEvents'];

/** 'newest': the newest by created_at; 'random': seeded-random ones (reproducible after reset). */
export type RemovePick = 'newest' | 'random';

export interface RemoveEvery {
  list: ListName;
  count: number;
  /** Default 'newest'. */
  pick?: RemovePick;
}

export interface RemoveRecordsRequest {
  list: ListName;
  /** Exactly these records; exclusive with `count`. */
  ids?: string[];
  /** This many records, chosen by `pick` (default 'newest'); exclusive with `ids`. */
  count?: number;
  pick?: RemovePick;
}

export type AnyRecord = PortingOrder | PortoutDetails | PortingEvent | PortoutEvent;

export interface RuntimeConfig {
  /** Added before every API answer. */
  latencyMs: number;
  /** 'portout' serves port-out events at /v2/portout/events (the guide's spelling) and 404s the spec's path. */
  portoutEventsPath: PortoutEventsPath;
  /** Before each events list request of that direction, insert this many new events (data shifting under paging). */
  insertEventsEveryListRequest: { direction: Direction; count: number } | null;
  /** total_pages reported for an empty result. */
  emptyListTotalPages: 0 | 1;
  /** Order of /porting/events, /portouts/events and /portouts, which document no sort (default 'desc'). */
  listOrder: ListOrder;
  /**
   * Before each request for page 2 or later of that list, remove this many of its records (records vanishing
   * under paging). Page 1 is left alone so a pager has a stable start.
   */
  removeEveryListRequest: RemoveEvery | null;
  /** Unknown or repeated query parameters get a 422 (default true); false ignores them (last value wins). */
  strictQuery: boolean;
  /** Add x-ratelimit-* headers to 429s (default false: the API documents none, so clients must not need them). */
  rateLimitHeaders: boolean;
}

export const DEFAULT_CONFIG: Readonly<RuntimeConfig> = {
  latencyMs: 0,
  portoutEventsPath: 'portouts',
  insertEventsEveryListRequest: null,
  emptyListTotalPages: 0,
  listOrder: 'desc',
  removeEveryListRequest: null,
  strictQuery: true,
  rateLimitHeaders: false,
};

export type FaultKind = 'status' | 'body' | 'delay' | 'reset' | 'resetAfterProcessing' | 'redirect' | 'statusAfterProcessing' | 'stallBody';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Raw query string without "?" ("" when none). */
  query: string;
  /** Status sent, or 0 when the socket was closed without an answer. */
  status: number;
  /** Whether the Authorization header carried the right key. The header itself is never stored. */
  authorized: boolean;
  /** The Accept header as sent (a republish's 204 has no body, so clients send different ones). */
  accept?: string;
  /** The request body as sent (a POST or PATCH with one), for tests that check what was typed arrived as typed. */
  body?: string;
  at: string;
  fault?: FaultKind;
  /** The hold it was parked under (`hold` fault), whatever became of it. */
  held?: string;
}

export interface RepublishRecord {
  direction: Direction;
  id: string;
  at: string;
}

export interface InsertEventsRequest {
  direction: Direction;
  /** Port-in order or port-out id; when absent the new events are spread over random orders. */
  orderId?: string;
  count: number;
  /**
   * Insert them with `payload_status: "created"` and `payload: null`, as an event whose payload is not generated
   * yet; `completeEvents` later gives them the payload they were made with. Default false.
   */
  pending?: boolean;
  /** This event type instead of a random one (one of the direction's types). */
  eventType?: string;
  /**
   * With a status_changed type: the new status. The order then has that status too (and is updated now), as a
   * real status change would leave it.
   */
  status?: string;
}

export interface CompleteEventsRequest {
  direction: Direction;
  /** Events inserted with `pending: true` and not completed yet. */
  ids: string[];
}

export type AnyEvent = PortingEvent | PortoutEvent;

/** A port-out answered through `PATCH /portouts/{id}/{status}` (recorded once it took effect). */
export interface DecisionRecord {
  id: string;
  decision: PortoutDecision;
  reason: string | null;
  at: string;
}

/**
 * Each order's comments, oldest first. Seeded from the completed new_comment events of the seed, so the
 * conversation and the event history tell the same story.
 */
export interface CommentData {
  portin: Map<string, PortingComment[]>;
  portout: Map<string, PortoutComment[]>;
}

export class NotFoundError extends Error {}

export class SandboxStore {
  readonly faults = new FaultQueue();
  /** Requests parked by `hold` faults; a reset drops them. */
  readonly holds = new Holds();
  requests: RequestLogEntry[] = [];
  republishes: RepublishRecord[] = [];
  decisions: DecisionRecord[] = [];
  config: RuntimeConfig;
  data: SeedData;
  comments: CommentData;

  private readonly original: SeedData;
  private readonly originalComments: CommentData;
  private portinOrdersById = new Map<string, PortingOrder>();
  private portoutsById = new Map<string, PortoutDetails>();
  private portinEventsById = new Map<string, PortingEvent>();
  private portoutEventsById = new Map<string, PortoutEvent>();
  /** created_at in epoch ms, parsed once per event; the filters compare numbers. */
  private readonly times = new WeakMap<AnyEvent, number>();
  private insertPrng: Prng;
  private removePrng: Prng;
  private readonly anchorMs: number;
  private readonly resetListeners: (() => void)[] = [];
  /** What an event inserted pending becomes once completed, by id. */
  private readonly completions = new Map<string, AnyEvent>();

  constructor(
    private readonly seedOptions: Partial<SeedOptions>,
    private readonly initialConfig: RuntimeConfig,
    /**
     * The sandbox's time, when it runs in time (the demo): inserted events are stamped with it, comments and
     * answers too. Without one, inserted events follow the newest one by a second, so the data stays the same
     * from run to run, and comments and answers take the wall clock.
     */
    private readonly clock?: () => number,
  ) {
    this.original = buildSeed(seedOptions);
    this.originalComments = commentsFromEvents(this.original);
    this.comments = copyComments(this.originalComments);
    this.anchorMs = Date.parse(resolveSeedOptions(seedOptions).now);
    this.config = { ...initialConfig };
    this.data = this.copyOriginal();
    this.insertPrng = this.newInsertPrng();
    this.removePrng = this.newRemovePrng();
  }

  /** Back to the seed and the start-up config; faults and logs are dropped, held requests cut off unhandled. */
  reset(): void {
    this.data = this.copyOriginal();
    this.config = { ...this.initialConfig };
    this.faults.clear();
    this.requests = [];
    this.republishes = [];
    this.decisions = [];
    this.comments = copyComments(this.originalComments);
    this.insertPrng = this.newInsertPrng();
    this.removePrng = this.newRemovePrng();
    this.completions.clear();
    this.holds.dropAll('the sandbox was reset');
    for (const listener of this.resetListeners) listener();
  }

  /** Runs on every reset, whether from code or from POST /__sandbox/reset (the server drops stalled answers). */
  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  portinOrder(id: string): PortingOrder | undefined {
    return this.portinOrdersById.get(id.toLowerCase());
  }

  portout(id: string): PortoutDetails | undefined {
    return this.portoutsById.get(id.toLowerCase());
  }

  portinEvent(id: string): PortingEvent | undefined {
    return this.portinEventsById.get(id.toLowerCase());
  }

  portoutEvent(id: string): PortoutEvent | undefined {
    return this.portoutEventsById.get(id.toLowerCase());
  }

  timeOf(event: AnyEvent): number {
    let t = this.times.get(event);
    if (t === undefined) {
      t = Date.parse(event.created_at);
      this.times.set(event, t);
    }
    return t;
  }

  /** The sandbox's now, in epoch ms: its clock's, else the wall clock's. */
  now(): number {
    return this.clock?.() ?? Date.now();
  }

  /** Whether the sandbox runs on a clock (its inserted events are stamped now). */
  get clocked(): boolean {
    return this.clock !== undefined;
  }

  /**
   * When the next new event of a direction happens: now on a clock (after the newest event, so lists keep a
   * total order), else a second after the newest event.
   */
  nextEventTime(direction: Direction, after = Number.NEGATIVE_INFINITY): number {
    const head = direction === 'portin' ? this.data.portinEvents[0] : this.data.portoutEvents[0];
    const last = Math.max(head === undefined ? this.anchorMs : this.timeOf(head), after);
    return this.clock ? Math.max(this.clock(), last + 1) : last + 1000;
  }

  /**
   * One real change of an order, as a running account sees it happen: the order's new copy (or a new order)
   * takes its place, its event becomes the newest, and a comment event's comment joins the conversation.
   */
  applyChange(change: { order: PortingOrder | PortoutDetails; isNew?: boolean; event: AnyEvent; comment?: PortingComment | PortoutComment }): void {
    const list = change.order.record_type === 'porting_order' ? 'portinOrders' : 'portoutOrders';
    if (change.isNew === true) {
      const data = this.data as unknown as Record<ListName, AnyRecord[]>;
      data[list] = [change.order, ...data[list]];
      this.byIdOf(list).set(change.order.id, change.order);
    } else {
      this.replaceOrder(list, change.order);
    }
    const e = change.event;
    if (e.record_type === 'porting_event') {
      this.data.portinEvents.unshift(e);
      this.portinEventsById.set(e.id, e);
    } else {
      this.data.portoutEvents.unshift(e);
      this.portoutEventsById.set(e.id, e);
    }
    this.times.set(e, Date.parse(e.created_at));
    if (change.comment) this.addComment(change.comment);
  }

  recordRepublish(direction: Direction, id: string): void {
    this.republishes.push({ direction, id, at: new Date(this.now()).toISOString() });
  }

  /**
   * Adds `count` events newer than every existing one (one second apart, so the order is total; on a clock,
   * stamped now) and returns them oldest first. Only a status change changes its order.
   */
  insertEvents(req: InsertEventsRequest): AnyEvent[] {
    if (!Number.isInteger(req.count) || req.count < 1 || req.count > 10_000) throw new RangeError('count must be an integer in 1..10000');
    const prng = this.insertPrng;
    const isPortin = req.direction === 'portin';
    const orders: readonly { id: string }[] = isPortin ? this.data.portinOrders : this.data.portoutOrders;
    if (req.orderId !== undefined && !(isPortin ? this.portinOrder(req.orderId) : this.portout(req.orderId))) {
      throw new NotFoundError(`no ${req.direction} order ${req.orderId}`);
    }
    if (orders.length === 0) throw new NotFoundError(`there are no ${req.direction} orders`);
    const created: AnyEvent[] = [];
    for (let i = 0; i < req.count; i++) {
      const t = this.nextEventTime(req.direction);
      const orderId = req.orderId ?? prng.pick(orders).id;
      if (isPortin) {
        const order = this.portinOrder(orderId) as PortingOrder;
        const type = (req.eventType as PortingEventType | undefined) ?? prng.weighted<PortingEventType>([
          ['porting_order.new_comment', 60],
          ['porting_order.messaging_changed', 15],
          ['porting_order.loa_updated', 15],
          ['porting_order.sharing_token_expired', 10],
        ]);
        const status = req.status as PortingOrderStatusValue | undefined;
        const e = this.pendingCopy(req, makePortinEvent({ prng, order, otherOrderId: () => order.id }, type, t, { pending: false, ...(status ? { status: { value: status, details: [] } } : {}) }));
        if (status) this.replaceOrder('portinOrders', { ...order, status: { value: status, details: order.status.details }, updated_at: new Date(t).toISOString() });
        this.data.portinEvents.unshift(e);
        this.portinEventsById.set(e.id, e);
        this.times.set(e, t);
        created.push(e);
      } else {
        const portout = this.portout(orderId) as PortoutDetails;
        const type = (req.eventType as PortoutEventType | undefined) ?? prng.weighted<PortoutEventType>([
          ['portout.new_comment', 70],
          ['portout.foc_date_changed', 30],
        ]);
        const status = req.status as PortoutStatus | undefined;
        const e = this.pendingCopy(req, makePortoutEvent(prng, portout, type, t, { pending: false, ...(status ? { status } : {}) }));
        if (status) this.replaceOrder('portoutOrders', { ...portout, status, updated_at: new Date(t).toISOString() });
        this.data.portoutEvents.unshift(e);
        this.portoutEventsById.set(e.id, e);
        this.times.set(e, t);
        created.push(e);
      }
    }
    return created;
  }

  /**
   * With `pending`, the event as listed before its payload is generated (`created`, `payload: null`); the
   * completed one is kept for `completeEvents`. The same random draws either way, so `pending` changes no data.
   */
  private pendingCopy<E extends AnyEvent>(req: InsertEventsRequest, completed: E): E {
    if (req.pending !== true) return completed;
    this.completions.set(completed.id, completed);
    return { ...completed, payload_status: 'created', payload: null, updated_at: completed.created_at };
  }

  /**
   * Gives events inserted with `pending` their payload (`payload_status: "completed"`, a later `updated_at`)
   * and returns them. Like a removal, it replaces the list's array, so no page cache serves the old record.
   * An id that is not a pending inserted event of that direction throws, completing none.
   */
  completeEvents(req: CompleteEventsRequest): AnyEvent[] {
    const list: ListName = req.direction === 'portin' ? 'portinEvents' : 'portoutEvents';
    const byId = this.byIdOf(list) as Map<string, AnyEvent>;
    const ids = req.ids.map((id) => id.toLowerCase());
    const missing = ids.filter((id) => !this.completions.has(id) || byId.get(id) === undefined);
    if (missing.length > 0) throw new NotFoundError(`no pending inserted ${req.direction} event ${missing.join(', ')}`);
    const done = new Map(ids.map((id) => [id, this.completions.get(id) as AnyEvent]));
    for (const [id, e] of done) {
      this.completions.delete(id);
      byId.set(id, e);
      this.times.set(e, Date.parse(e.created_at));
    }
    (this.data as unknown as Record<ListName, AnyEvent[]>)[list] = (this.data[list] as AnyEvent[]).map((e) => done.get(e.id) ?? e);
    return [...done.values()];
  }

  /**
   * Removes records from one list and returns them in list order (newest first). Removal replaces the
   * list's array instead of splicing it: the per-query caches are keyed by array identity and length, and a
   * removal plus an insertion would otherwise leave the length unchanged and serve a stale page. Removed
   * orders disappear from lists and GET by id; their events stay, as Telnyx keeps an order's event history.
   */
  removeRecords(req: RemoveRecordsRequest): AnyRecord[] {
    const list: readonly AnyRecord[] = this.data[req.list];
    let gone: Set<string>;
    if (req.ids !== undefined) {
      if (req.count !== undefined) throw new RangeError('give either ids or count, not both');
      gone = new Set(req.ids.map((id) => id.toLowerCase()));
      const missing = [...gone].filter((id) => this.byIdOf(req.list).get(id) === undefined);
      if (missing.length > 0) throw new NotFoundError(`no ${req.list} record ${missing.join(', ')}`);
    } else {
      const count = req.count ?? 1;
      if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be an integer >= 1');
      gone = new Set(this.choose(list, Math.min(count, list.length), req.pick ?? 'newest').map((r) => r.id));
    }
    if (gone.size === 0) return []; // an empty list: keep its array, and with it the page caches
    const removed: AnyRecord[] = [];
    const kept: AnyRecord[] = [];
    for (const r of list) (gone.has(r.id) ? removed : kept).push(r);
    const byId = this.byIdOf(req.list);
    for (const r of removed) byId.delete(r.id);
    (this.data as unknown as Record<ListName, AnyRecord[]>)[req.list] = kept;
    return removed;
  }

  /** removeEveryListRequest's step, run just before a valid list request of `list` is answered. */
  removeBeforeListRequest(list: ListName, pageNumber: number): void {
    const every = this.config.removeEveryListRequest;
    if (every === null || every.list !== list || pageNumber < 2) return;
    this.removeRecords({ list, count: every.count, pick: every.pick });
  }

  private choose(list: readonly AnyRecord[], count: number, pick: RemovePick): AnyRecord[] {
    // Lists are kept newest first, so the newest are the head.
    if (pick === 'newest') return list.slice(0, count);
    const indexes = list.map((_, i) => i);
    // A partial Fisher-Yates: only the first `count` places are drawn.
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(this.removePrng.next() * (indexes.length - i));
      [indexes[i], indexes[j]] = [indexes[j] as number, indexes[i] as number];
    }
    return indexes.slice(0, count).map((i) => list[i] as AnyRecord);
  }

  /** An order's comments, oldest first (empty for an order without any). */
  commentsOf(direction: 'portin', orderId: string): readonly PortingComment[];
  commentsOf(direction: 'portout', orderId: string): readonly PortoutComment[];
  commentsOf(direction: Direction, orderId: string): readonly (PortingComment | PortoutComment)[] {
    return (direction === 'portin' ? this.comments.portin : this.comments.portout).get(orderId.toLowerCase()) ?? [];
  }

  /** Appends a comment to its order's conversation (a new array, so nothing holding the old one sees it change). */
  addComment(comment: PortingComment | PortoutComment): void {
    if (comment.record_type === 'porting_comment') {
      const id = comment.porting_order_id;
      this.comments.portin.set(id, [...(this.comments.portin.get(id) ?? []), comment]);
    } else {
      const id = comment.portout_id;
      this.comments.portout.set(id, [...(this.comments.portout.get(id) ?? []), comment]);
    }
  }

  /** A port-out answered: its newer copy replaces the old one (list array replaced too) and the answer is logged. */
  recordDecision(updated: PortoutDetails, decision: PortoutDecision, reason: string | null): void {
    this.replaceOrder('portoutOrders', updated);
    this.decisions.push({ id: updated.id, decision, reason, at: updated.updated_at });
  }

  /** Every comment of a direction, newest first (created_at desc, then id desc), as `/__sandbox/seed` shows them. */
  allComments(direction: 'portin'): PortingComment[];
  allComments(direction: 'portout'): PortoutComment[];
  allComments(direction: Direction): (PortingComment | PortoutComment)[] {
    const all = [...(direction === 'portin' ? this.comments.portin : this.comments.portout).values()].flat();
    return all.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /** A newer copy of an order in its place; the list array is replaced, so no cached page serves the old one. */
  private replaceOrder(list: 'portinOrders' | 'portoutOrders', order: PortingOrder | PortoutDetails): void {
    const data = this.data as unknown as Record<ListName, AnyRecord[]>;
    data[list] = data[list].map((o) => (o.id === order.id ? order : o));
    this.byIdOf(list).set(order.id, order);
  }

  private byIdOf(list: ListName): Map<string, AnyRecord> {
    switch (list) {
      case 'portinOrders':
        return this.portinOrdersById;
      case 'portoutOrders':
        return this.portoutsById;
      case 'portinEvents':
        return this.portinEventsById;
      case 'portoutEvents':
        return this.portoutEventsById;
    }
  }

  private copyOriginal(): SeedData {
    const o = this.original;
    // Rebuilt on every reset: removals delete from them.
    this.portinOrdersById = new Map(o.portinOrders.map((r) => [r.id, r]));
    this.portoutsById = new Map(o.portoutOrders.map((r) => [r.id, r]));
    this.portinEventsById = new Map(o.portinEvents.map((e) => [e.id, e]));
    this.portoutEventsById = new Map(o.portoutEvents.map((e) => [e.id, e]));
    // Copies, not the seed's arrays: inserting events mutates the copy, and a fresh identity drops the page caches.
    return {
      portinOrders: [...o.portinOrders],
      portoutOrders: [...o.portoutOrders],
      portinEvents: [...o.portinEvents],
      portoutEvents: [...o.portoutEvents],
    };
  }

  private newInsertPrng(): Prng {
    return new Prng(((this.seedOptions.seed ?? 0) ^ 0x5eed5eed) >>> 0);
  }

  private newRemovePrng(): Prng {
    return new Prng(((this.seedOptions.seed ?? 0) ^ 0x4e30fe) >>> 0);
  }
}

/** Oldest first by created_at, then id. */
function oldestFirst<C extends { id: string; created_at: string }>(list: C[]): C[] {
  return list.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The seed's conversations: one comment per completed new_comment event (a pending one has no payload to
 * take it from). Port-in comments keep the event's user_type; a port-out comment's user_id is the event's,
 * or null when the event names a Telnyx admin (about a third, by a hash of the id), as the spec says.
 */
function commentsFromEvents(seed: SeedData): CommentData {
  const portin = new Map<string, PortingComment[]>();
  const portout = new Map<string, PortoutComment[]>();
  const push = <C>(map: Map<string, C[]>, id: string, c: C): void => void (map.get(id) ?? map.set(id, []).get(id)!).push(c);
  for (const e of seed.portinEvents) {
    if (e.event_type !== 'porting_order.new_comment' || e.payload === null) continue;
    const c = e.payload.comment;
    push(portin, e.porting_order_id, {
      id: c.id,
      body: c.body,
      porting_order_id: e.porting_order_id,
      created_at: c.inserted_at,
      record_type: 'porting_comment',
      user_type: c.user_type,
    });
  }
  for (const e of seed.portoutEvents) {
    if (e.event_type !== 'portout.new_comment' || e.payload === null) continue;
    const p = e.payload;
    push(portout, e.portout_id, {
      id: p.id,
      body: p.comment,
      portout_id: e.portout_id,
      created_at: e.created_at,
      record_type: 'portout_comment',
      user_id: isTelnyxUserId(p.user_id) ? null : p.user_id,
    });
  }
  for (const list of portin.values()) oldestFirst(list);
  for (const list of portout.values()) oldestFirst(list);
  return { portin, portout };
}

/** Fresh maps and arrays over the same (never mutated) comment records. */
function copyComments(c: CommentData): CommentData {
  return {
    portin: new Map([...c.portin].map(([k, v]) => [k, [...v]])),
    portout: new Map([...c.portout].map(([k, v]) => [k, [...v]])),
  };
}
