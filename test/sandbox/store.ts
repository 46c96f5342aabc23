// The sandbox's mutable state: current data (seed + inserted events), runtime config, fault queue,
// request log and republish log. Seeded records are never mutated, so reset is a cheap re-copy.

import { FaultQueue } from './faults';
import type { Direction, PortingEvent, PortingEventType, PortingOrder, PortoutDetails, PortoutEvent, PortoutEventType, SeedData } from './model';
import { Prng } from './prng';
import type { SeedOptions } from './seed';
import { buildSeed, resolveSeedOptions } from './seed';
import { makePortinEvent, makePortoutEvent } from './seed-events';

export type PortoutEventsPath = 'portouts' | 'portout';

export interface RuntimeConfig {
  /** Added before every API answer. */
  latencyMs: number;
  /** 'portout' serves port-out events at /v2/portout/events (the guide's spelling) and 404s the spec's path. */
  portoutEventsPath: PortoutEventsPath;
  /** Before each events list request of that direction, insert this many new events (data shifting under paging). */
  insertEventsEveryListRequest: { direction: Direction; count: number } | null;
  /** total_pages reported for an empty result. */
  emptyListTotalPages: 0 | 1;
}

export type FaultKind = 'status' | 'body' | 'delay' | 'reset' | 'resetAfterProcessing' | 'redirect';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Raw query string without "?" ("" when none). */
  query: string;
  /** Status sent, or 0 when the socket was closed without an answer. */
  status: number;
  /** Whether the Authorization header carried the right key. The header itself is never stored. */
  authorized: boolean;
  at: string;
  fault?: FaultKind;
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
}

export type AnyEvent = PortingEvent | PortoutEvent;

export class NotFoundError extends Error {}

export class SandboxStore {
  readonly faults = new FaultQueue();
  requests: RequestLogEntry[] = [];
  republishes: RepublishRecord[] = [];
  config: RuntimeConfig;
  data: SeedData;

  private readonly original: SeedData;
  private readonly portinOrdersById: Map<string, PortingOrder>;
  private readonly portoutsById: Map<string, PortoutDetails>;
  private portinEventsById = new Map<string, PortingEvent>();
  private portoutEventsById = new Map<string, PortoutEvent>();
  /** created_at in epoch ms, parsed once per event; the filters compare numbers. */
  private readonly times = new WeakMap<AnyEvent, number>();
  private insertPrng: Prng;
  private readonly anchorMs: number;

  constructor(
    private readonly seedOptions: Partial<SeedOptions>,
    private readonly initialConfig: RuntimeConfig,
  ) {
    this.original = buildSeed(seedOptions);
    this.anchorMs = Date.parse(resolveSeedOptions(seedOptions).now);
    this.portinOrdersById = new Map(this.original.portinOrders.map((o) => [o.id, o]));
    this.portoutsById = new Map(this.original.portoutOrders.map((o) => [o.id, o]));
    this.config = { ...initialConfig };
    this.data = this.copyOriginal();
    this.insertPrng = this.newInsertPrng();
  }

  /** Back to the seed and the start-up config; faults and logs are dropped. */
  reset(): void {
    this.data = this.copyOriginal();
    this.config = { ...this.initialConfig };
    this.faults.clear();
    this.requests = [];
    this.republishes = [];
    this.insertPrng = this.newInsertPrng();
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

  recordRepublish(direction: Direction, id: string): void {
    this.republishes.push({ direction, id, at: new Date().toISOString() });
  }

  /**
   * Adds `count` events newer than every existing one (one second apart, so the order is total) and
   * returns them oldest first. Orders themselves are left unchanged.
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
    const head = isPortin ? this.data.portinEvents[0] : this.data.portoutEvents[0];
    let t = head === undefined ? this.anchorMs : this.timeOf(head);
    const created: AnyEvent[] = [];
    for (let i = 0; i < req.count; i++) {
      t += 1000;
      const orderId = req.orderId ?? prng.pick(orders).id;
      if (isPortin) {
        const order = this.portinOrder(orderId) as PortingOrder;
        const type = prng.weighted<PortingEventType>([
          ['porting_order.new_comment', 60],
          ['porting_order.messaging_changed', 15],
          ['porting_order.loa_updated', 15],
          ['porting_order.sharing_token_expired', 10],
        ]);
        const e = makePortinEvent({ prng, order, otherOrderId: () => order.id }, type, t, { pending: false });
        this.data.portinEvents.unshift(e);
        this.portinEventsById.set(e.id, e);
        this.times.set(e, t);
        created.push(e);
      } else {
        const portout = this.portout(orderId) as PortoutDetails;
        const type = prng.weighted<PortoutEventType>([
          ['portout.new_comment', 70],
          ['portout.foc_date_changed', 30],
        ]);
        const e = makePortoutEvent(prng, portout, type, t, { pending: false });
        this.data.portoutEvents.unshift(e);
        this.portoutEventsById.set(e.id, e);
        this.times.set(e, t);
        created.push(e);
      }
    }
    return created;
  }

  private copyOriginal(): SeedData {
    const o = this.original;
    this.portinEventsById = new Map(o.portinEvents.map((e) => [e.id, e]));
    this.portoutEventsById = new Map(o.portoutEvents.map((e) => [e.id, e]));
    return {
      portinOrders: o.portinOrders,
      portoutOrders: o.portoutOrders,
      portinEvents: [...o.portinEvents],
      portoutEvents: [...o.portoutEvents],
    };
  }

  private newInsertPrng(): Prng {
    return new Prng(((this.seedOptions.seed ?? 0) ^ 0x5eed5eed) >>> 0);
  }
}
