// Find Order on the wire: the API's filters for the meanings it can answer, every page for the rest (see
// searchPlan), all at once, merged into one list with what each order matched on.

import { withNumbers } from './fillNumbers';
import type { TelnyxClient } from './client';
import type { Direction } from './directions';
import type { FetchAllOptions } from './fetchAll';
import { newestFirst } from './records';
import { type MatchField, MATCH_FIELDS, matchedFields, searchPlan } from './search';
import type { Order } from './types';

export interface FoundOrders {
  /** Each matching order once, newest first. */
  orders: Order[];
  /** Order id → the fields it matched on, in MATCH_FIELDS order. */
  matchedBy: ReadonlyMap<string, readonly MatchField[]>;
  /** Whether every page of the direction was read (false: the API's filters answered everything). */
  scanned: boolean;
  /** False when a list kept changing or was cut short (FetchAllResult.settled): some matches may be missing. */
  settled: boolean;
}

/**
 * `opts.expectedTotal` is the unfiltered list's size: it only applies to the scan. Progress adds up all the
 * lists being read. A failed request aborts the others.
 */
export async function findOrders(client: TelnyxClient, dir: Direction, text: string, opts: FetchAllOptions): Promise<FoundOrders> {
  const plan = searchPlan(dir, text);
  const inner = new AbortController();
  const abort = (): void => inner.abort();
  if (opts.signal?.aborted) inner.abort();
  opts.signal?.addEventListener('abort', abort, { once: true });
  const progress: { done: number; total: number }[] = [];
  const track = (): FetchAllOptions['onProgress'] => {
    const mine = { done: 0, total: 0 };
    progress.push(mine);
    return (done, total) => {
      mine.done = done;
      mine.total = total;
      opts.onProgress?.(
        progress.reduce((n, p) => n + p.done, 0),
        progress.reduce((n, p) => n + p.total, 0),
      );
    };
  };
  const base = { pageSize: opts.pageSize, concurrency: opts.concurrency, signal: inner.signal };
  let settled = true;
  const read = async (filters: Record<string, string> | undefined, extra: Partial<FetchAllOptions>): Promise<Order[]> => {
    try {
      const all = await client.allOrders(dir, { ...base, ...extra, onProgress: track() }, filters);
      settled &&= all.settled;
      return all.items;
    } catch (e) {
      inner.abort();
      throw e;
    }
  };
  try {
    const [server, scanned] = await Promise.all([
      Promise.all(plan.server.map(async (s) => ({ field: s.field, items: await read(s.filters, {}) }))),
      plan.scan ? read(plan.scan.filters, { expectedTotal: opts.expectedTotal }) : undefined,
    ]);
    const byId = new Map<string, { order: Order; fields: Set<MatchField> }>();
    const anonymous: Order[] = [];
    const add = (order: Order, fields: readonly MatchField[]): void => {
      if (!order.id) {
        anonymous.push(order);
        return;
      }
      const known = byId.get(order.id);
      if (known) for (const f of fields) known.fields.add(f);
      else byId.set(order.id, { order, fields: new Set(fields) });
    };
    // Server answers first: on port-in they carry the numbers a scan left out, and the first copy is kept.
    for (const s of server) for (const o of s.items) add(o, [s.field, ...matchedFields(dir, o, text)]);
    for (const o of scanned ?? []) {
      const fields = matchedFields(dir, o, text);
      if (fields.length) add(o, fields);
    }
    const matchedBy = new Map<string, readonly MatchField[]>();
    for (const [id, m] of byId) matchedBy.set(id, MATCH_FIELDS.filter((f) => m.fields.has(f)));
    const orders = await withNumbers(client, dir, newestFirst([...[...byId.values()].map((m) => m.order), ...anonymous]), { concurrency: opts.concurrency ?? 1, signal: inner.signal });
    return { orders, matchedBy, scanned: scanned !== undefined, settled };
  } finally {
    opts.signal?.removeEventListener('abort', abort);
  }
}
