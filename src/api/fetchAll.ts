// Every page of a list, as fast as the network allows: page 1 says how many pages there are, then the
// rest are fetched a few at a time. Page-number paging shifts when records arrive meanwhile, so the
// result is checked against the newest total and topped up; nothing is returned twice.

import { TelnyxError } from './errors';
import type { Identified } from './paging';
import type { Page } from './types';

export interface FetchAllOptions {
  pageSize: number;
  /** Pages in flight at once after the first (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called after each page with pages done and the total known so far. */
  onProgress?: (done: number, total: number) => void;
  /**
   * How many records the list probably holds, e.g. the total of a page already on screen. With it the
   * first `concurrency` pages go out together instead of page 1 alone: one round trip less. A wrong
   * guess costs at most concurrency-1 empty pages past the end, never records (top-up still checks).
   */
  expectedTotal?: number;
}

export type PageFetcher<T> = (pageNumber: number, pageSize: number, signal?: AbortSignal) => Promise<Page<T>>;

export interface FetchAllResult<T> {
  items: T[];
  /** Requests made, including top-up passes. */
  requests: number;
  /** Extra pages fetched because records shifted while paging. */
  topUpRequests: number;
}

/** Most top-up passes before we accept that the list keeps moving under us. */
const MAX_TOP_UP_PASSES = 3;

export async function fetchAll<T extends Identified>(fetchPage: PageFetcher<T>, opts: FetchAllOptions): Promise<FetchAllResult<T>> {
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 4));
  const seen = new Set<string>();
  let anonymous = 0;
  // Pages finish out of order; keeping them by number returns records in the API's order.
  const pages: T[][] = [];
  const topUps: T[] = [];
  let requests = 0;
  let latestTotal = 0;
  const take = (page: Page<T>, into: T[]): void => {
    requests++;
    latestTotal = page.totalResults;
    for (const item of page.items) {
      if (item.id && seen.has(item.id)) continue;
      if (item.id) seen.add(item.id);
      else anonymous++;
      into.push(item);
    }
  };
  const held = (): number => seen.size + anonymous;
  const checkCancelled = (): void => {
    if (opts.signal?.aborted) throw new TelnyxError('cancelled', 'Cancelled.');
  };

  checkCancelled();
  const guessedPages = opts.expectedTotal === undefined ? 1 : Math.ceil(opts.expectedTotal / Math.max(1, opts.pageSize));
  const early = Array.from({ length: Math.max(1, Math.min(concurrency, guessedPages)) }, (_, i) => fetchPage(i + 1, opts.pageSize, opts.signal));
  // If page 1 fails, the others' failures must not surface as unhandled rejections.
  for (const p of early) p.catch(() => undefined);
  const first = await early[0]!;
  take(first, (pages[1] = []));
  const totalPages = first.totalPages;
  let done = 1;
  opts.onProgress?.(done, totalPages);

  // A shared cursor: each worker first finishes the page it may have started early, then takes the next
  // page number until none remain.
  let next = early.length + 1;
  const worker = async (head?: Promise<Page<T>>, headNumber = 0): Promise<void> => {
    if (head) {
      const page = await head;
      // Past the end (the guess was high): an empty page, only counted as a request.
      if (headNumber <= totalPages) {
        take(page, (pages[headNumber] = []));
        opts.onProgress?.(++done, totalPages);
      } else requests++;
    }
    while (next <= totalPages) {
      checkCancelled();
      const n = next++;
      take(await fetchPage(n, opts.pageSize, opts.signal), (pages[n] = []));
      opts.onProgress?.(++done, totalPages);
    }
  };
  const workers = Math.max(early.length - 1, Math.min(concurrency, Math.max(0, totalPages - 1)));
  await Promise.all(Array.from({ length: workers }, (_, i) => worker(early[i + 1], i + 2)));

  // Records that arrived while we paged pushed others onto pages we had already read: walk the pages
  // again in order until we hold as many records as the list now has.
  let topUpRequests = 0;
  for (let pass = 0; pass < MAX_TOP_UP_PASSES && held() < latestTotal; pass++) {
    for (let n = 1; held() < latestTotal; n++) {
      checkCancelled();
      const page = await fetchPage(n, opts.pageSize, opts.signal);
      take(page, topUps);
      topUpRequests++;
      if (n >= page.totalPages) break;
    }
  }
  return { items: [...topUps, ...pages.flat()], requests, topUpRequests };
}
