// Every page of a list, as fast as the network allows: page 1 says how many pages there are, then the
// rest are fetched a few at a time. Page-number paging shifts when records arrive meanwhile, so the
// result is checked against the newest total and topped up; nothing is returned twice.

import { TelnyxError } from './errors';
import type { Identified } from './paging';
import type { Page } from './types';

export interface FetchAllOptions {
  pageSize: number;
  /** Requests on the wire at once after the first (default 4). */
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

/**
 * Fetches one page. A fetcher that can tell when the answer's last byte has arrived calls `received`
 * then, before it decodes and parses: the request is off the wire, so fetchAll sends the next one while
 * this page is parsed. A fetcher that never calls it frees its slot when it resolves.
 */
export type PageFetcher<T> = (pageNumber: number, pageSize: number, signal?: AbortSignal, received?: () => void) => Promise<Page<T>>;

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
  // Aborted by the caller's signal, or by us when a page fails: the pages still on the wire are not needed.
  const inner = new AbortController();
  const abort = (): void => inner.abort();
  opts.signal?.addEventListener('abort', abort, { once: true });
  let totalPages = 0;
  // Highest page number we may send yet: a guess until page 1 tells the real count.
  let horizon = Math.max(1, opts.expectedTotal === undefined ? 1 : Math.ceil(opts.expectedTotal / Math.max(1, opts.pageSize)));
  let next = 1;
  let onWire = 0;
  let done = 0;
  let firstRead: Promise<void> | undefined;
  const running = new Set<Promise<void>>();
  let fail!: (e: unknown) => void;
  const failure = new Promise<never>((_, reject) => (fail = reject));
  failure.catch(() => undefined); // observed by the race below

  const read = async (n: number, received: () => void): Promise<void> => {
    const page = await fetchPage(n, opts.pageSize, inner.signal, received);
    received();
    if (n === 1) {
      totalPages = page.totalPages;
      horizon = totalPages;
    } else await firstRead;
    // Past the end (the guess was high): an empty page, only counted as a request.
    if (n > Math.max(1, totalPages)) return;
    take(page, (pages[n] = []));
    opts.onProgress?.(++done, totalPages);
    // Page 1 has just moved the horizon to the real page count.
    if (n === 1) pump();
  };

  // Sends pages while slots are free. A slot is a request on the wire: it frees when the answer has
  // arrived, not when it has been parsed, so parsing one page overlaps waiting for the next.
  const pump = (): void => {
    while (onWire < concurrency && next <= horizon && !inner.signal.aborted) {
      const n = next++;
      onWire++;
      requests++;
      let onTheWire = true;
      const received = (): void => {
        if (!onTheWire) return;
        onTheWire = false;
        onWire--;
        pump();
      };
      // The first failure is reported at once and aborts the rest, whose errors are dropped. After the
      // caller cancels, every page fails; checkCancelled below reports that.
      const task = read(n, received).catch((e: unknown) => {
        if (!inner.signal.aborted) {
          inner.abort();
          fail(e);
        }
        received();
      });
      if (n === 1) firstRead = task;
      running.add(task);
      void task.then(() => running.delete(task));
    }
  };

  try {
    pump();
    while (running.size > 0) await Promise.race([Promise.allSettled([...running]), failure]);
  } finally {
    opts.signal?.removeEventListener('abort', abort);
  }
  checkCancelled();

  // Records that arrived while we paged pushed others onto pages we had already read: walk the pages
  // again in order until we hold as many records as the list now has.
  let topUpRequests = 0;
  for (let pass = 0; pass < MAX_TOP_UP_PASSES && held() < latestTotal; pass++) {
    for (let n = 1; held() < latestTotal; n++) {
      checkCancelled();
      const page = await fetchPage(n, opts.pageSize, opts.signal);
      requests++;
      take(page, topUps);
      topUpRequests++;
      if (n >= page.totalPages) break;
    }
  }
  return { items: [...topUps, ...pages.flat()], requests, topUpRequests };
}
