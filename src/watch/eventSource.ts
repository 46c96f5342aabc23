// What the watcher asks of Telnyx: one page of a direction's events created since a time, and one event by
// id. A small interface of its own, so the watcher is tested against anything that lists pages; the adapter
// below is the real thing, TelnyxClient.

import type { TelnyxClient } from '../api/client';
import type { Direction } from '../api/directions';
import type { Page, PortingEvent } from '../api/types';

export interface EventQuery {
  /** ISO date-time: only events created at or after it (`filter[created_at][gte]`); every event when absent. */
  createdFrom?: string;
  pageNumber: number;
  pageSize: number;
}

export interface EventSource {
  page(dir: Direction, query: EventQuery, signal: AbortSignal): Promise<Page<PortingEvent>>;
  get(dir: Direction, id: string, signal: AbortSignal): Promise<PortingEvent>;
}

/** The watcher's EventSource on a TelnyxClient (its retries, deadlines and log apply to every request). */
export function clientEventSource(client: TelnyxClient): EventSource {
  return {
    page: (dir, query, signal) =>
      client.listEvents(dir, { createdFrom: query.createdFrom, pageNumber: query.pageNumber, pageSize: query.pageSize, signal }),
    get: (dir, id, signal) => client.getEvent(dir, id, signal),
  };
}
