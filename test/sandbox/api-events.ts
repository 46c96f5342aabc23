// Event endpoints of both directions (API.md §6–§8). They differ only in names — port-in filters by
// filter[type] / filter[porting_order_id], port-out by filter[event_type] / filter[portout_id] — so one
// implementation serves both, driven by a small description of each side.

import type { Direction, PortingEvent, PortoutEvent } from './model';
import { PORTIN_EVENT_TYPES, PORTOUT_EVENT_TYPES } from './model';
import { filteredOnce, paginate, readPage } from './pagination';
import { UUID_RE } from './prng';
import { QueryReader } from './query';
import type { ApiRequest, ApiResponse } from './responses';
import { jsonOf, missing, noContent, ok, okPage, unprocessable } from './responses';
import type { AnyEvent, SandboxStore } from './store';

interface Side<E extends AnyEvent> {
  direction: Direction;
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
  typeParam: 'filter[event_type]',
  types: PORTOUT_EVENT_TYPES,
  orderParam: 'filter[portout_id]',
  orderIdOf: (e) => e.portout_id,
  events: (s) => s.data.portoutEvents,
  find: (s, id) => s.portoutEvent(id),
  orderExists: (s, id) => s.portout(id) !== undefined,
};

function list<E extends AnyEvent>(side: Side<E>, req: ApiRequest): ApiResponse {
  const q = new QueryReader(req.query);
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

  const all = side.events(store);
  const events = filteredOnce(all, `${type}|${orderId}|${gte}|${lte}`, () =>
    all.filter((e) => {
      const t = gte === undefined && lte === undefined ? 0 : store.timeOf(e);
      return (
        (type === undefined || e.event_type === type) &&
        (orderId === undefined || side.orderIdOf(e) === orderId) &&
        (gte === undefined || t >= gte) &&
        (lte === undefined || t <= lte)
      );
    }),
  );
  const result = paginate(events, page, store.config.emptyListTotalPages);
  return okPage(result.data.map(jsonOf), result.meta);
}

function show<E extends AnyEvent>(side: Side<E>, req: ApiRequest, id: string): ApiResponse {
  const event = UUID_RE.test(id) ? side.find(req.store, id) : undefined;
  return event === undefined ? missing() : ok({ data: event });
}

function republish<E extends AnyEvent>(side: Side<E>, req: ApiRequest, id: string): ApiResponse {
  const event = UUID_RE.test(id) ? side.find(req.store, id) : undefined;
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
