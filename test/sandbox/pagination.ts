// Page-number pagination exactly as API.md §2: page[number] ≥ 1 (default 1), page[size] 1–250 (default 20),
// answers `{ data, meta: { page_number, page_size, total_pages, total_results } }`.

import type { QueryReader } from './query';
import type { ListOrder } from './store';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 250;

export interface PageRequest {
  number: number;
  size: number;
}

export interface PageMeta {
  page_number: number;
  page_size: number;
  total_pages: number;
  total_results: number;
}

export interface Page<T> {
  data: T[];
  meta: PageMeta;
}

export function readPage(q: QueryReader): PageRequest {
  return {
    number: q.integer('page[number]', 1, 1, Number.MAX_SAFE_INTEGER),
    size: q.integer('page[size]', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  };
}

/**
 * A page past the end is not an error: it has empty data and the true totals.
 * `emptyTotalPages` is what total_pages says when there are no results at all — ceil(0/size) = 0 by
 * default; 1 is configurable because some APIs report a single empty page and clients must cope with both.
 */
export function paginate<T>(items: readonly T[], page: PageRequest, emptyTotalPages: 0 | 1): Page<T> {
  const total = items.length;
  const start = (page.number - 1) * page.size;
  return {
    data: start < total ? items.slice(start, start + page.size) : [],
    meta: {
      page_number: page.number,
      page_size: page.size,
      total_pages: total === 0 ? emptyTotalPages : Math.ceil(total / page.size),
      total_results: total,
    },
  };
}

// Any fixed text works; it only has to make the order unrelated to creation time and to the ids' own order.
const SHUFFLE_SALT = 'telnyx-sandbox-list-order';
const shuffleKeys = new WeakMap<object, number>();

/** FNV-1a of salt + id: a fixed pseudo-random place per record, like a database's unspecified row order. */
function shuffleKey(record: { id: string }): number {
  let key = shuffleKeys.get(record);
  if (key === undefined) {
    let h = 0x811c9dc5;
    const text = SHUFFLE_SALT + record.id;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    shuffleKeys.set(record, (key = h >>> 0));
  }
  return key;
}

/**
 * `newestFirst` (the store's own order: created_at desc, then id desc) rearranged to `order`. 'shuffled'
 * depends only on each record's id, so it is the same on every request, page-number paging partitions it, and
 * a record added later lands anywhere in it rather than at an end, as in a table read without ORDER BY.
 * Sorts in place and returns `newestFirst`.
 */
export function arrange<E extends { id: string }>(newestFirst: E[], order: ListOrder): E[] {
  if (order === 'asc') return newestFirst.reverse();
  if (order === 'shuffled') return newestFirst.sort((a, b) => shuffleKey(a) - shuffleKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return newestFirst;
}

/**
 * One filtering per query while the list is unchanged: paging through N pages would otherwise scan the
 * whole list N times, a cost of this test server (quadratic in size) that a benchmark would blame on the client.
 * Inserting events grows a list (new length); removing records and reset replace the array, so none is served stale.
 * `key` must hold everything the result depends on besides the list (filters, sort, list order).
 */
const filtered = new WeakMap<readonly object[], Map<string, { length: number; result: readonly object[] }>>();
export function filteredOnce<E extends object>(all: readonly E[], key: string, filter: () => E[]): readonly E[] {
  let byKey = filtered.get(all);
  if (!byKey) filtered.set(all, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.length === all.length) return hit.result as readonly E[];
  const result = filter();
  byKey.set(key, { length: all.length, result });
  return result;
}
