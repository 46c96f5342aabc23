// What the extension asks of Telnyx, in its own words: list orders and events a page at a time,
// show one event, republish one. Direction-specific details come from the direction table.

import { MAX_PAGE_SIZE } from './defaults';
import { type Direction, type DirectionId, DIRECTIONS, direction as directionOf } from './directions';
import { TelnyxError } from './errors';
import { fetchAll, type FetchAllOptions, type FetchAllResult } from './fetchAll';
import { Http, type HttpOptions, type ReadOptions } from './http';
import { toPage } from './page';
import type { Order, Page, PortingEvent } from './types';

export interface ListEventsOptions extends ReadOptions {
  /** Only the events of this order; all of the direction's events otherwise. */
  orderId?: string;
  eventType?: string;
  /** Only events created at or after this ISO date-time (`filter[created_at][gte]`); all otherwise. */
  createdFrom?: string;
  pageNumber: number;
  pageSize: number;
}

export interface ListOrdersOptions extends ReadOptions {
  pageNumber: number;
  pageSize: number;
  /** Extra filters, already in the API's bracket notation, e.g. `{ 'filter[status]': 'pending' }`. */
  filters?: Record<string, string>;
}


export { MAX_PAGE_SIZE };

export class TelnyxClient {
  readonly http: Http;
  /** Which of a direction's candidate events paths answered, once one has. */
  private readonly eventsPath = new Map<DirectionId, string>();

  constructor(options: HttpOptions) {
    this.http = new Http(options);
  }

  /** One cheap authenticated call: proves the key before we store it. */
  async verifyKey(signal?: AbortSignal): Promise<void> {
    await this.listOrders(directionOf('portin'), { pageNumber: 1, pageSize: 1, signal });
  }

  async listOrders(dir: Direction, opts: ListOrdersOptions): Promise<Page<Order>> {
    const body = await this.http.json(dir.ordersPath, {
      query: { ...dir.orderListQuery, ...opts.filters, 'page[number]': opts.pageNumber, 'page[size]': clampSize(opts.pageSize) },
      signal: opts.signal,
      onReceived: opts.onReceived,
      what: `Loading ${dir.label} orders`,
    });
    return toPage<Order>(body, opts.pageNumber, clampSize(opts.pageSize), `${dir.label} orders`);
  }

  async listEvents(dir: Direction, opts: ListEventsOptions): Promise<Page<PortingEvent>> {
    const query = {
      [dir.eventOrderFilter]: opts.orderId,
      [dir.eventTypeFilter]: opts.eventType,
      'filter[created_at][gte]': opts.createdFrom,
      'page[number]': opts.pageNumber,
      'page[size]': clampSize(opts.pageSize),
    };
    const body = await this.withEventsPath(dir, (path) =>
      this.http.json(path, { query, signal: opts.signal, onReceived: opts.onReceived, what: `Loading ${dir.label} events` }),
    );
    return toPage<PortingEvent>(body, opts.pageNumber, clampSize(opts.pageSize), `${dir.label} events`);
  }

  /** Every order of a direction (bounded-concurrency paging; see fetchAll). */
  allOrders(dir: Direction, opts: FetchAllOptions, filters?: Record<string, string>): Promise<FetchAllResult<Order>> {
    return fetchAll((pageNumber, pageSize, signal, onReceived) => this.listOrders(dir, { pageNumber, pageSize, filters, signal, onReceived }), opts);
  }

  /** Every event of a direction, or of one order. */
  allEvents(dir: Direction, opts: FetchAllOptions, orderId?: string): Promise<FetchAllResult<PortingEvent>> {
    return fetchAll((pageNumber, pageSize, signal, onReceived) => this.listEvents(dir, { orderId, pageNumber, pageSize, signal, onReceived }), opts);
  }

  async getEvent(dir: Direction, id: string, signal?: AbortSignal): Promise<PortingEvent> {
    const body = await this.withEventsPath(dir, (path) =>
      this.http.json(`${path}/${encodeURIComponent(id)}`, { signal, what: `Loading ${dir.label} event ${id}` }),
    );
    const data = (body as { data?: unknown } | undefined)?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new TelnyxError('malformed', `Loading ${dir.label} event ${id}: the answer has no event in it.`);
    }
    return data as PortingEvent;
  }

  /** One order as it is now (its status changed, say): `GET /porting_orders/{id}` or `/portouts/{id}`. */
  async getOrder(dir: Direction, id: string, signal?: AbortSignal): Promise<Order> {
    const body = await this.http.json(`${dir.ordersPath}/${encodeURIComponent(id)}`, { signal, what: `Loading ${dir.label} order ${id}` });
    const data = (body as { data?: unknown } | undefined)?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new TelnyxError('malformed', `Loading ${dir.label} order ${id}: the answer has no order in it.`);
    }
    return data as Order;
  }

  /** Looks an event id up in both directions, for when the user only has the id. */
  async findEvent(id: string, signal?: AbortSignal): Promise<{ direction: Direction; event: PortingEvent }> {
    for (const dir of DIRECTIONS) {
      try {
        return { direction: dir, event: await this.getEvent(dir, id, signal) };
      } catch (e) {
        if (!(e instanceof TelnyxError && e.kind === 'not-found')) throw e;
      }
    }
    throw new TelnyxError('not-found', `No port-in or port-out event has the id ${id}.`, 404);
  }

  /**
   * Asks Telnyx to send the event's notifications again. Resolves on 204; never resends on its own after
   * an unknown outcome. Which events path this account answers on is settled first with a GET of the
   * event (harmless to repeat), so the POST itself is sent exactly once, to the path that answered.
   */
  async republish(dir: Direction, id: string, signal?: AbortSignal): Promise<void> {
    if (!this.eventsPath.has(dir.id)) await this.getEvent(dir, id, signal);
    await this.http.postOnce(`${this.eventsPathOf(dir)}/${encodeURIComponent(id)}/republish`, { signal, what: `Republishing ${dir.label} event ${id}` });
  }

  /**
   * Runs a call against the direction's events path. Until one path has answered, a 404 moves on to
   * the next candidate (the guide's spelling); the path that answers is remembered.
   */
  private async withEventsPath<T>(dir: Direction, call: (path: string) => Promise<T>): Promise<T> {
    const known = this.eventsPath.get(dir.id);
    if (known) return call(known);
    let lastError: unknown;
    for (const path of dir.eventsPaths) {
      try {
        const result = await call(path);
        this.eventsPath.set(dir.id, path);
        return result;
      } catch (e) {
        if (!(e instanceof TelnyxError && e.kind === 'not-found')) throw e;
        lastError = e;
      }
    }
    throw lastError;
  }

  /** The events path in use for a direction, for display and tests. */
  eventsPathOf(dir: Direction): string {
    return this.eventsPath.get(dir.id) ?? dir.eventsPaths[0]!;
  }
}

function clampSize(size: number): number {
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(size)));
}
