// The two fetch-all workloads of the issue, each written once for the extension's API layer and once
// for the official SDK, plus the ground truth to check both against.

import type { Telnyx } from 'telnyx';
import type { TelnyxClient } from '../src/api/client';
import { direction } from '../src/api/directions';
import { fetchAll } from '../src/api/fetchAll';
import type { DirectionName, EventCounts, Ready } from './protocol';
import type { SandboxProcess } from './sandboxHost';
import { sdkEventIds, sdkPortinOrderIds } from './sdk';

export interface FetchCase {
  label: string;
  api(client: TelnyxClient, concurrency: number): Promise<{ ids: string[]; requests: number }>;
  sdk(sdk: Telnyx): Promise<string[]>;
  truth(sb: SandboxProcess): Promise<string[]>;
}

export interface EventSlice {
  direction: DirectionName;
  /** undefined: every event of the direction. */
  eventType: string | undefined;
}

export function portinOrdersCase(pageSize: number): FetchCase {
  return {
    label: 'Port-in orders',
    api: async (client, concurrency) => {
      const r = await client.allOrders(direction('portin'), { pageSize, concurrency });
      return { ids: r.items.map((o) => o.id ?? ''), requests: r.requests + r.topUpRequests };
    },
    sdk: (sdk) => sdkPortinOrderIds(sdk, pageSize),
    truth: (sb) => sb.call({ type: 'portinOrderIds' }),
  };
}

export function eventsCase(slice: EventSlice, pageSize: number): FetchCase {
  const dir = direction(slice.direction);
  const filterName = dir.eventTypeFilter;
  return {
    label: `${dir.label} events${slice.eventType ? ` ${filterName}=${slice.eventType}` : ''}`,
    api: async (client, concurrency) => {
      // allEvents takes no type filter, so a type slice goes through fetchAll + listEvents: the same two
      // pieces allEvents is made of.
      const r = slice.eventType
        ? await fetchAll(
            (pageNumber, size, signal, onReceived) => client.listEvents(dir, { eventType: slice.eventType, pageNumber, pageSize: size, signal, onReceived }),
            { pageSize, concurrency },
          )
        : await client.allEvents(dir, { pageSize, concurrency });
      return { ids: r.items.map((e) => e.id ?? ''), requests: r.requests + r.topUpRequests };
    },
    sdk: (sdk) => sdkEventIds(sdk, slice.direction, pageSize, slice.eventType),
    truth: (sb) => sb.call({ type: 'eventIds', direction: slice.direction, eventType: slice.eventType }),
  };
}

/**
 * The seeded directions do not come out at 40 pages (port-in has ~144, port-out ~56 at 250 a page), so
 * the slice closest to `targetPages` is used: a whole direction or one event type of it.
 */
export function pickEventSlice(counts: Ready['counts'], pageSize: number, targetPages: number): EventSlice & { records: number } {
  const options: (EventSlice & { records: number })[] = [];
  const add = (d: DirectionName, c: EventCounts): void => {
    options.push({ direction: d, eventType: undefined, records: c.total });
    for (const [t, n] of Object.entries(c.byType)) options.push({ direction: d, eventType: t, records: n });
  };
  add('portin', counts.portin);
  add('portout', counts.portout);
  const distance = (o: { records: number }): number => Math.abs(Math.ceil(o.records / pageSize) - targetPages);
  // Ties go to a whole direction, then to the larger slice: fewer filters, more data.
  options.sort((a, b) => distance(a) - distance(b) || Number(a.eventType !== undefined) - Number(b.eventType !== undefined) || b.records - a.records);
  return options[0]!;
}
