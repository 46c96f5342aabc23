// Event endpoints of both directions (API.md §6–§8). They differ only in names — port-in filters by
// filter[type] / filter[porting_order_id], port-out by filter[event_type] / filter[portout_id] — so one
// implementation serves both, driven by a small description of each side.

import { invalidField } from './errors';
import type { Direction, PortingEvent, PortoutEvent } from './model';
import { PORTIN_EVENT_TYPES, PORTOUT_EVENT_TYPES } from './model';
import { arrange, filteredOnce, paginate, readPage } from './pagination';
import { UUID_RE } from './prng';
import type { QuerySpec } from './query';
import { NO_PARAMS, PAGE_PARAMS, QueryReader } from './query';
import type { ApiRequest, ApiResponse } from './responses';
import { jsonOf, missing, noContent, ok, okPage, unprocessable } from './responses';
import type { AnyEvent, ListName, SandboxStore } from './store';

interface Side<E extends AnyEvent> {
  direction: Direction;
  list: ListName;
  listParams: QuerySpec;
  typeParam: string;
  types: readonly string[];
  orderParam: string;
  orderIdOf: (e: E) => string;
  events: (s: SandboxStore) => readonly E[];
  find: (s: SandboxStore, id: string) => E | undefined;
  orderExists: (s: SandboxStore, id: string) => boolean;
}

const PORTIN: Side<PortingEvent> = {
  direction: 'portin',
  list: 'portinEvents',
  listParams: { single: [...PAGE_PARAMS, 'filter[type]', 'filter[porting_order_id]', 'filter[created_at][gte]', 'filter[created_at][lte]'] },
  typeParam: 'filter[type]',
  types: PORTIN_EVENT_TYPES,
  orderParam: 'filter[porting_order_id]',
  orderIdOf: (e) => e.porting_order_id,
  events: (s) => s.data.portinEvents,
  find: (s, id) => s.portinEvent(id),
  orderExists: (s, id) => s.portinOrder(id) !== undefined,
};

const PORTOUT: Side<PortoutEvent> = {
  direction: 'portout',
  list: 'portoutEvents',
  listParams: { single: [...PAGE_PARAMS, 'filter[event_type]', 'filter[portout_id]', 'filter[created_at][gte]', 'filter[created_at][lte]'] },
  typeParam: 'filter[event_type]',
  types: PORTOUT_EVENT_TYPES,
  orderParam: 'filter[portout_id]',
  orderIdOf: (e) => e.portout_id,
  events: (s) => s.data.portoutEvents,
  find: (s, id) => s.portoutEvent(id),
  orderExists: (s, id) => s.portout(id) !== undefined,
};

function list<E extends AnyEvent>(side: Side<E>, req: ApiRequest): ApiResponse {
  const q = new QueryReader(req.query, side.listParams, req.store.config.strictQuery);
  const page = readPage(q);
  const type = q.oneOf(side.typeParam, side.types);
  const orderId = q.uuid(side.orderParam);
  const gte = q.dateTime('filter[created_at][gte]');
  const lte = q.dateTime('filter[created_at][lte]');
  if (q.errors.length > 0) return unprocessable(q.errors);

  const { store } = req;
  const shift = store.config.insertEventsEveryListRequest;
  if (shift !== null && shift.direction === side.direction && !req.dryRun) {
    // Insert into the listed order when the list is filtered by one, so the shift is visible to the pager.
    const target = orderId !== undefined && side.orderExists(store, orderId) ? orderId : undefined;
    store.insertEvents({ direction: side.direction, count: shift.count, ...(target === undefined ? {} : { orderId: target }) });
  }
  if (!req.dryRun) store.removeBeforeListRequest(side.list, page.number);

  const all = side.events(store);
  const order = store.config.listOrder;
  // The store keeps events newest first, so those since `gte` are a prefix: found by bisection, not a scan (a
  // watcher asks `gte` a moment ago on every tick; scanning 50,000 each time is this stand-in's cost, not Telnyx's).
  const candidates = gte === undefined ? all : all.slice(0, countSince(all, gte, (e) => store.timeOf(e)));
  const events = filteredOnce(all, `${type}|${orderId}|${gte}|${lte}|${order}`, () =>
    arrange(
      candidates.filter((e) => {
        const t = gte === undefined && lte === undefined ? 0 : store.timeOf(e);
        return (
          (type === undefined || e.event_type === type) &&
          (orderId === undefined || side.orderIdOf(e) === orderId) &&
          (gte === undefined || t >= gte) &&
          (lte === undefined || t <= lte)
        );
      }),
      order,
    ),
  );
  const result = paginate(events, page, store.config.emptyListTotalPages);
  return okPage(result.data.map(jsonOf), result.meta);
}

/** How many of `newestFirst` (sorted by time, newest first) have a time at or after `since`. */
function countSince<E>(newestFirst: readonly E[], since: number, timeOf: (e: E) => number): number {
  let lo = 0;
  let hi = newestFirst.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeOf(newestFirst[mid]!) >= since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A malformed id is a path that does not exist (404) before the query is looked at: in the guide's
 * spelling /portouts/events is no route, it reaches /portouts/{id} with the id "events", and a client
 * probing which spelling answers must get the 404 it looks for whatever query it sent.
 */
function queryErrors(req: ApiRequest, id: string): ApiResponse | undefined {
  if (!UUID_RE.test(id)) return missing();
  const q = new QueryReader(req.query, NO_PARAMS, req.store.config.strictQuery);
  return q.errors.length > 0 ? unprocessable(q.errors) : undefined;
}

function show<E extends AnyEvent>(side: Side<E>, req: ApiRequest, id: string): ApiResponse {
  const refused = queryErrors(req, id);
  if (refused !== undefined) return refused;
  const event = side.find(req.store, id);
  return event === undefined ? missing() : ok({ data: event });
}

/**
 * The spec gives republish no request body at all, so one that comes with any, even `{}`, is refused: a client
 * that sends one is sending something Telnyx does not define and may one day read.
 */
function republish<E extends AnyEvent>(side: Side<E>, req: ApiRequest, id: string): ApiResponse {
  const refused = queryErrors(req, id);
  if (refused !== undefined) return refused;
  if (req.body !== undefined && req.body !== '') return unprocessable([invalidField('/', 'This request takes no body.', 'Unexpected body')]);
  const event = side.find(req.store, id);
  if (event === undefined) return missing();
  if (!req.dryRun) req.store.recordRepublish(side.direction, event.id);
  return noContent();
}

export const listPortinEvents = (req: ApiRequest): ApiResponse => list(PORTIN, req);
export const showPortinEvent = (req: ApiRequest, id: string): ApiResponse => show(PORTIN, req, id);
export const republishPortinEvent = (req: ApiRequest, id: string): ApiResponse => republish(PORTIN, req, id);
export const listPortoutEvents = (req: ApiRequest): ApiResponse => list(PORTOUT, req);
export const showPortoutEvent = (req: ApiRequest, id: string): ApiResponse => show(PORTOUT, req, id);
export const republishPortoutEvent = (req: ApiRequest, id: string): ApiResponse => republish(PORTOUT, req, id);
