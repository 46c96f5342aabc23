// Every page of a list, as fast as the network allows: page 1 says how many pages there are, then the
// rest are fetched a few at a time. Page-number paging shifts when records arrive or leave meanwhile, so
// a pass that saw the list change is followed by another; nothing is returned twice.

import * as l10n from '@vscode/l10n';
import { DEFAULTS } from './defaults';
import { TelnyxError } from './errors';
import { recordKey, type Identified } from './records';
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
  /** Requests made, including extra passes. */
  requests: number;
  /** Requests of the extra passes made because the list changed while it was read. */
  topUpRequests: number;
  /**
   * False when records may be missing, and the caller says so rather than showing a partial list as whole: the
   * list was still changing in the last pass allowed, or the read was cut short (see `cut`).
   */
  settled: boolean;
  /**
   * True when the pages stopped before the list's claimed end: a page brought no record not already seen in its
   * pass, or the list claimed more than MAX_SCAN_PAGES pages. Such a list is not read again (`settled` is false).
   */
  cut: boolean;
}

/** Most extra passes before we accept that the list keeps moving under us. */
const MAX_EXTRA_PASSES = 3;

/**
 * Most pages one pass reads, whatever the meta claims. A large account is 50,000 events, 200 pages of 250; the
 * bench's largest scale (16x) reads about 2,300. 4,000 pages is 1,000,000 records at 250 a page: past any real
 * list, yet it bounds a server whose every page brings new records while claiming no end.
 */
export const MAX_SCAN_PAGES = 4_000;

/** What one pass over every page saw. */
interface Pass<T> {
  /** Page records by page number, in the API's order. */
  pages: T[][];
  /** total_results of every page answered: more than one value means the list changed during the pass. */
  totals: Set<number>;
  /** Stopped before the claimed end (see FetchAllResult.cut). */
  cut: boolean;
}

export async function fetchAll<T extends Identified>(fetchPage: PageFetcher<T>, opts: FetchAllOptions): Promise<FetchAllResult<T>> {
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? DEFAULTS.concurrency));
  const held = new Map<string, T>();
  let requests = 0;
  const checkCancelled = (): void => {
    if (opts.signal?.aborted) throw new TelnyxError('cancelled', l10n.t('Cancelled.'));
  };
  checkCancelled();

  const first = await onePass(fetchPage, opts, concurrency, opts.expectedTotal, () => requests++, opts.onProgress);
  checkCancelled();
  const keep = (pass: Pass<T>): number => {
    let distinct = 0;
    const inPass = new Set<string>();
    for (const x of pass.pages.flat()) {
      const key = recordKey(x);
      if (!inPass.has(key)) distinct++;
      inPass.add(key);
      if (!held.has(key)) held.set(key, x);
    }
    return distinct;
  };
  let distinct = keep(first);
  let last = first;
  // Records added or removed while the pages were read shift others across page boundaries, so a page
  // read early and its neighbour read late can both miss one. A pass whose pages disagree on the total,
  // or whose records do not add up to it, is followed by another; what each pass adds is merged by key.
  // A pass cut short is not: it stopped because the list does not deliver what it claims, and another pass
  // would only meet the same answers.
  let topUpRequests = 0;
  for (let extra = 0; extra < MAX_EXTRA_PASSES && !last.cut && changed(last, distinct); extra++) {
    last = await onePass(fetchPage, opts, concurrency, Math.max(...last.totals), () => {
      requests++;
      topUpRequests++;
    });
    checkCancelled();
    distinct = keep(last);
  }
  return { items: [...held.values()], requests, topUpRequests, settled: !last.cut && !changed(last, distinct), cut: last.cut };
}

function changed<T>(pass: Pass<T>, distinct: number): boolean {
  return pass.totals.size > 1 || distinct !== [...pass.totals][0];
}

async function onePass<T extends Identified>(
  fetchPage: PageFetcher<T>,
  opts: FetchAllOptions,
  concurrency: number,
  expectedTotal: number | undefined,
  counted: () => void,
  onProgress?: (done: number, total: number) => void,
): Promise<Pass<T>> {
  // Pages finish out of order; keeping them by number returns records in the API's order.
  const pages: T[][] = [];
  const totals = new Set<number>();
  // Aborted by the caller's signal, or by us when a page fails: the pages still on the wire are not needed.
  const inner = new AbortController();
  const abort = (): void => inner.abort();
  opts.signal?.addEventListener('abort', abort, { once: true });
  // Page 1's count (toPage has already held it to what total_results fills), within MAX_SCAN_PAGES.
  let totalPages = 0;
  // Highest page number we may send yet: a guess until page 1 tells the real count.
  let horizon = Math.min(MAX_SCAN_PAGES, Math.max(1, expectedTotal === undefined ? 1 : Math.ceil(expectedTotal / Math.max(1, opts.pageSize))));
  /** The list claims more than MAX_SCAN_PAGES: the first that many are read. */
  let capped = false;
  /** A page brought nothing new: no more are sent. */
  let stalled = false;
  /** Keys met in this pass, to tell a page that brings something from one that only repeats. */
  const seen = new Set<string>();
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
      totalPages = Math.min(page.totalPages, MAX_SCAN_PAGES);
      horizon = totalPages;
      capped = page.totalPages > MAX_SCAN_PAGES;
    } else await firstRead;
    // Past the end (the guess was high): an empty page, only counted as a request.
    if (n > Math.max(1, totalPages)) return;
    let fresh = 0;
    for (const x of page.items) {
      const key = recordKey(x);
      if (!seen.has(key)) fresh++;
      seen.add(key);
    }
    // Nothing new on a page its own meta places inside the list (a page past its end is a list that shrank: the
    // next pass reads it again): the pages repeat, or are empty, however many are claimed. Only the ones not sent
    // yet are given up; when none is left, the pass ended anyway.
    if (fresh === 0 && n <= page.totalPages && next <= horizon) stalled = true;
    totals.add(page.totalResults);
    pages[n] = page.items;
    onProgress?.(++done, totalPages);
    // Page 1 has just moved the horizon to the real page count.
    if (n === 1) pump();
  };

  // Sends pages while slots are free. A slot is a request on the wire: it frees when the answer has
  // arrived, not when it has been parsed, so parsing one page overlaps waiting for the next.
  const pump = (): void => {
    while (onWire < concurrency && next <= horizon && !stalled && !inner.signal.aborted) {
      const n = next++;
      onWire++;
      counted();
      let onTheWire = true;
      const received = (): void => {
        if (!onTheWire) return;
        onTheWire = false;
        onWire--;
        pump();
      };
      // The first failure is reported at once and aborts the rest, whose errors are dropped. After the
      // caller cancels, every page fails; the caller's check reports that.
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
  if (opts.signal?.aborted) throw new TelnyxError('cancelled', l10n.t('Cancelled.'));
  return { pages: pages.filter(Boolean), totals, cut: capped || stalled };
}
