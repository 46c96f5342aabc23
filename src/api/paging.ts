// Page-number pagination: reading one page's envelope, and the bookkeeping of a list that
// is loaded a page at a time ("Load more") without showing anything twice.

import { TelnyxError } from './errors';
import type { Page } from './types';

/** Reads `{data, meta}`; a body of the wrong shape is a clear error, missing meta is tolerated. */
export function toPage<T>(body: unknown, pageNumber: number, pageSize: number, what: string): Page<T> {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) {
    throw new TelnyxError('malformed', `Loading ${what}: the answer has no list of records in it.`);
  }
  const items = data.filter((x): x is T => typeof x === 'object' && x !== null);
  const meta = (body as { meta?: Record<string, unknown> }).meta ?? {};
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const number = num(meta.page_number) ?? pageNumber;
  const size = num(meta.page_size) ?? pageSize;
  const totalResults = num(meta.total_results);
  const totalPages =
    num(meta.total_pages) ??
    (totalResults !== undefined ? Math.ceil(totalResults / Math.max(1, size)) : items.length < size ? number : number + 1);
  return { items, pageNumber: number, pageSize: size, totalPages, totalResults: totalResults ?? items.length };
}

export interface Identified {
  id?: string | null;
  created_at?: string | null;
}

/**
 * A list loaded page by page. Records are kept once each by id: page-number paging shifts
 * when new records arrive between requests, so a later page can repeat records already shown.
 */
export class PagedList<T extends Identified> {
  private readonly byId = new Map<string, T>();
  private readonly anonymous: T[] = [];
  private nextPage = 1;
  private pageSize = 0;
  private totalPages: number | undefined;
  private totalResults: number | undefined;

  /** Records in display order. */
  get items(): T[] {
    return [...this.byId.values(), ...this.anonymous];
  }

  get loadedPages(): number {
    return this.nextPage - 1;
  }

  /** True until the first page arrives, and while pages remain after it. */
  get hasMore(): boolean {
    return this.totalPages === undefined || this.nextPage <= this.totalPages;
  }

  get pageToLoad(): number {
    return this.nextPage;
  }

  get total(): number | undefined {
    return this.totalResults;
  }

  /**
   * How many records pages 1..n should have given us but did not. Above 0 when records arrived
   * (or left) upstream between our requests and pushed some across a page boundary we had passed.
   */
  get shortfall(): number {
    if (this.totalResults === undefined) return 0;
    const expected = Math.min(this.totalResults, this.loadedPages * this.pageSize);
    return Math.max(0, expected - this.byId.size - this.anonymous.length);
  }

  /** Adds the next page; returns how many records were new. */
  add(page: Page<T>): number {
    const added = this.merge(page);
    this.nextPage = page.pageNumber + 1;
    this.totalPages = page.totalPages;
    this.pageSize = Math.max(this.pageSize, page.pageSize);
    return added;
  }

  /** Adds records from a page read again (a top-up) without moving the cursor. */
  merge(page: Page<T>): number {
    let added = 0;
    for (const item of page.items) {
      if (!item.id) {
        this.anonymous.push(item);
        added++;
      } else if (!this.byId.has(item.id)) {
        this.byId.set(item.id, item);
        added++;
      }
    }
    this.totalResults = page.totalResults;
    return added;
  }

  reset(): void {
    this.byId.clear();
    this.anonymous.length = 0;
    this.nextPage = 1;
    this.pageSize = 0;
    this.totalPages = undefined;
    this.totalResults = undefined;
  }
}

/** Newest first by `created_at`; records without a date keep their place at the end. */
export function newestFirst<T extends Identified>(items: readonly T[]): T[] {
  // Each date is parsed once, not per comparison: the tree sorts everything loaded on every render.
  const timed = items.map((item, i) => {
    const t = item.created_at ? Date.parse(item.created_at) : NaN;
    return { item, i, t: Number.isNaN(t) ? -Infinity : t };
  });
  // Pages usually arrive newest first already; then there is nothing to sort.
  if (timed.every((x, k) => k === 0 || timed[k - 1]!.t >= x.t)) return timed.map((x) => x.item);
  return timed.sort((a, b) => b.t - a.t || a.i - b.i).map((x) => x.item);
}
