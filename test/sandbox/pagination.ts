// Page-number pagination exactly as API.md §2: page[number] ≥ 1 (default 1), page[size] 1–250 (default 20),
// answers `{ data, meta: { page_number, page_size, total_pages, total_results } }`.

import type { QueryReader } from './query';

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

/**
 * One filtering per query while the list is unchanged: paging through N pages would otherwise scan the
 * whole list N times, a cost of this test server (quadratic in size) that a benchmark would blame on the client.
 * Inserting events grows a list (new length) and reset replaces them, so neither is served stale.
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
