// Reads a list a page at a time and shows it newest first, whatever order the server lists it in.
//
// Telnyx documents no sort for /porting/events, /portouts/events and /portouts, so page 1 may hold the
// newest records, the oldest, or any. Page 1 tells the order (from its records' times) and how many pages
// there are; then:
// - newest first: read forward. Records deleted upstream pull later ones back across a page we have read,
//   so each Load more also reads the previous page again and takes what moved into it (loss is found by
//   id overlap, not by counting); with no overlap at all it walks further back.
// - oldest first: the newest are on the last page; read backward from it. Deletions then only move records
//   toward pages not read yet, except into page 1, which is read again when the walk reaches it. Records
//   from page 1 stay hidden until then, so nothing is shown above a gap.
// - no order: every page is read (bounded concurrency, fetchAll), sorted, and revealed a page at a time.
// A page that contradicts the order assumed so far switches to reading everything.

import { MAX_PAGE_SIZE } from './defaults';
import type { Page } from './types';
import { newestFirst, recordKey, recordTime, type Identified } from './records';

export type ListOrder = 'newest-first' | 'oldest-first' | 'unordered';

export interface ReaderSource<T> {
  page(pageNumber: number, pageSize: number, signal: AbortSignal): Promise<Page<T>>;
  /** Every record of the list (used when it has no order to read it by); see FetchAllResult.settled. */
  all(signal: AbortSignal): Promise<{ items: T[]; settled: boolean }>;
}

type Mode = { kind: 'start' } | { kind: 'forward'; next: number } | { kind: 'backward'; next: number } | { kind: 'all' } | { kind: 'done' };

/** The order of a page's records by time, or undefined when it cannot tell (fewer than two dated records, all equal). */
export function orderOf(items: readonly Identified[]): ListOrder | undefined {
  let down = false;
  let up = false;
  let last = NaN;
  for (const item of items) {
    const t = recordTime(item);
    if (Number.isNaN(t)) continue;
    if (!Number.isNaN(last)) {
      if (t < last) down = true;
      if (t > last) up = true;
    }
    last = t;
  }
  if (down && up) return 'unordered';
  return down ? 'newest-first' : up ? 'oldest-first' : undefined;
}

function keysOf(page: Page<Identified>): Set<string> {
  return new Set(page.items.map(recordKey));
}

/**
 * The page (number and size) holding at least `margin` positions each side of `boundary` (the index of the
 * first record after it). Page-number paging only has windows that start at a multiple of their size, so
 * the size is searched; the widest margin found is taken when none reaches the one asked for.
 */
export function windowAround(boundary: number, margin: number): { number: number; size: number } {
  let best = { number: 1, size: Math.min(MAX_PAGE_SIZE, boundary + margin), reach: -1 };
  for (let size = 2; size <= MAX_PAGE_SIZE; size++) {
    const start = Math.floor((boundary - 1) / size) * size;
    const reach = Math.min(boundary - start, start + size - boundary);
    if (reach >= margin) return { number: start / size + 1, size };
    if (reach > best.reach) best = { number: start / size + 1, size, reach };
  }
  return { number: best.number, size: best.size };
}

export class NewestFirstReader<T extends Identified> {
  private readonly held = new Map<string, T>();
  /** items, until the next change. */
  private shown: T[] | undefined;
  /** Time of the oldest record shown, kept as records arrive so a Load more need not scan them all. */
  private oldest = Infinity;
  /** Keys known only from the first read of page 1 while reading backward: not shown until it is read again. */
  private hidden = new Set<string>();
  private mode: Mode = { kind: 'start' };
  private totalPages = 0;
  private totalResults: number | undefined;
  /** In 'all' mode: how many of the sorted records are shown. */
  private revealed = 0;
  private sorted: T[] | undefined;
  readonly malformed: string[] = [];
  /** Set when a whole-list read ended while the list was still changing: records may be missing. */
  unsettled = false;
  /** What the server's order looked like, once known. */
  order: ListOrder | undefined;
  /** Requests made, for tests and the log. */
  requests = 0;

  constructor(
    private readonly source: ReaderSource<T>,
    private readonly pageSize: number,
  ) {}

  get started(): boolean {
    return this.mode.kind !== 'start';
  }

  get hasMore(): boolean {
    switch (this.mode.kind) {
      case 'start':
        return true;
      case 'forward':
        return this.mode.next <= this.totalPages;
      case 'backward':
        return true;
      case 'all':
        return this.revealed < (this.sorted?.length ?? 0);
      case 'done':
        return false;
    }
  }

  /** Records the list holds according to the last page read (undefined before the first). */
  get total(): number | undefined {
    return this.mode.kind === 'all' || this.mode.kind === 'done' ? this.held.size : this.totalResults;
  }

  /** What can be shown: newest first, and never a record older than one not read yet. */
  get items(): T[] {
    if (this.mode.kind === 'all') return (this.sorted ?? []).slice(0, this.revealed);
    // Kept until the next change: the tree asks on every render, and sorting tens of thousands each time adds up.
    this.shown ??= newestFirst(this.hidden.size === 0 ? [...this.held.values()] : [...this.held].filter(([k]) => !this.hidden.has(k)).map(([, v]) => v));
    return this.shown;
  }

  /**
   * Records that arrived after the list was read (the watcher's new events): shown at once, as they are newer
   * than everything read. Before the first page nothing is added; that page will bring them. Returns how many
   * were new here.
   */
  add(records: readonly T[]): number {
    if (this.mode.kind === 'start') return 0;
    const fresh: T[] = [];
    for (const x of records) {
      const key = recordKey(x);
      if (this.held.has(key)) continue;
      this.held.set(key, x);
      fresh.push(x);
    }
    const added = fresh.length;
    if (added === 0) return 0;
    // New records are normally newer than all shown: put them in front instead of sorting everything again.
    const sortedFresh = newestFirst(fresh);
    const top = this.shown?.[0];
    this.shown = this.shown && (top === undefined || recordTime(sortedFresh.at(-1)!) >= recordTime(top)) ? [...sortedFresh, ...this.shown] : undefined;
    if (this.totalResults !== undefined) this.totalResults += added;
    if (this.mode.kind === 'all') {
      this.sorted = newestFirst([...this.held.values()]);
      this.revealed += added;
    }
    return added;
  }

  /** Replaces a held record by a newer copy of itself (a payload generated since), keeping its place. */
  replace(record: T): boolean {
    const key = recordKey(record);
    if (!this.held.has(key)) return false;
    this.held.set(key, record);
    this.shown = undefined;
    if (this.sorted) this.sorted = this.sorted.map((x) => (recordKey(x) === key ? record : x));
    return true;
  }

  /** Reads what the next Load more shows (page 1 on the first call). The signal abandons it. */
  async loadNext(signal: AbortSignal): Promise<void> {
    const mode = this.mode;
    switch (mode.kind) {
      case 'start':
        return this.first(signal);
      case 'forward':
        return this.forward(mode.next, signal);
      case 'backward':
        return this.backward(mode.next, signal);
      case 'all':
        this.revealed = Math.min(this.sorted?.length ?? 0, this.revealed + this.pageSize);
        return;
      case 'done':
        return;
    }
  }

  private async first(signal: AbortSignal): Promise<void> {
    const page = await this.read(1, signal);
    const keys = this.take(page);
    if (page.totalPages <= 1) {
      this.order = orderOf(page.items);
      this.mode = { kind: 'done' };
      return;
    }
    this.order = orderOf(page.items);
    if (this.order === 'unordered') return this.readAll(signal);
    if (this.order === 'oldest-first') {
      this.hide(new Set(keys));
      return this.backward(page.totalPages, signal);
    }
    // Newest first, or too few dated records to tell: reading forward is what a sorted API expects.
    this.mode = { kind: 'forward', next: 2 };
  }

  private async forward(n: number, signal: AbortSignal): Promise<void> {
    const oldestShown = this.oldestShownTime();
    const boundary = (n - 1) * this.pageSize;
    const [page, probe] = await Promise.all([this.read(n, signal), this.readAround(boundary, this.margin, signal)]);
    if (this.contradicts(page.items, oldestShown)) return this.readAll(signal);
    const right = keysOf(page);
    // Held before this page: what the window must reach on the left (records of the page held already count too).
    const heldBefore = new Set([...right].filter((k) => this.held.has(k)));
    const isLeft = (k: string): boolean => this.held.has(k) && (!right.has(k) || heldBefore.has(k));
    this.take(page);
    if (!(await this.join(probe, boundary, isLeft, right, signal))) return this.readAll(signal);
    this.mode = { kind: 'forward', next: n + 1 };
  }

  /**
   * Makes sure nothing was lost between what we held and a page read now (or two pages read at once), by id
   * overlap: `probe` is a window across their boundary, read beside them. When it holds a record of each side
   * it is one snapshot running from one to the other, and the list is sorted by time, so whatever moved into
   * the gap while the pages were read (records deleted upstream shift the rest) is in it. When it does not
   * (more moved than its margin), a wider window is read. False when even the widest cannot join them.
   */
  private async join(probe: Page<T>, boundary: number, isLeft: (key: string) => boolean, right: ReadonlySet<string>, signal: AbortSignal): Promise<boolean> {
    for (let margin = this.margin; ; ) {
      const keys = probe.items.map(recordKey);
      const touchesLeft = keys.some(isLeft);
      const touchesRight = right.size === 0 || keys.some((k) => right.has(k));
      if (touchesLeft && touchesRight) {
        this.take(probe);
        return true;
      }
      if (margin * 2 > MAX_PAGE_SIZE) return false;
      margin *= 2;
      probe = await this.readAround(boundary, margin, signal);
    }
  }

  /** Records either side of the boundary on a page at least `margin` wide each way (its totals are not the list's paging). */
  private async readAround(boundary: number, margin: number, signal: AbortSignal): Promise<Page<T>> {
    const window = windowAround(boundary, margin);
    this.requests++;
    return this.source.page(window.number, window.size, signal);
  }

  private get margin(): number {
    return Math.max(1, Math.ceil(this.pageSize / 2));
  }

  private async backward(n: number, signal: AbortSignal): Promise<void> {
    const oldestShown = this.oldestShownTime();
    const pages = [n];
    // A short last page is topped up with the one before it, so the first rows fill a page as a sorted list's would.
    const lastPageSize = (this.totalResults ?? 0) - (this.totalPages - 1) * this.pageSize;
    if (n === this.totalPages && lastPageSize < this.pageSize && n - 1 >= 2) pages.push(n - 1);
    const lowest = pages.at(-1)!;
    // Reaching page 2: read page 1 again beside it, since deletions since the first read may have moved records into it.
    if (lowest === 2) pages.push(1);
    // Pages read at once may each have seen the list before or after a change: each pair is joined by a window.
    const boundaries = pages.slice(1).map((k) => k * this.pageSize);
    const [read, probes] = await Promise.all([
      Promise.all(pages.map((k) => this.read(k, signal))),
      Promise.all(boundaries.map((b) => this.readAround(b, this.margin, signal))),
    ]);
    if (read.some((page) => this.contradicts(page.items, oldestShown))) return this.readAll(signal);
    for (const page of read) this.take(page);
    for (const [i, probe] of probes.entries()) {
      const left = keysOf(read[i + 1]!);
      if (!(await this.join(probe, boundaries[i]!, (k) => left.has(k), keysOf(read[i]!), signal))) return this.readAll(signal);
    }
    if (lowest <= 2) {
      this.hide(new Set());
      this.mode = { kind: 'done' };
      return;
    }
    this.mode = { kind: 'backward', next: lowest - 1 };
  }

  private async readAll(signal: AbortSignal): Promise<void> {
    this.order = 'unordered';
    const all = await this.source.all(signal);
    this.unsettled = !all.settled;
    this.held.clear();
    this.hide(new Set());
    for (const x of all.items) this.held.set(recordKey(x), x);
    this.sorted = newestFirst([...this.held.values()]);
    this.revealed = Math.min(this.sorted.length, Math.max(this.pageSize, this.revealed));
    this.mode = { kind: 'all' };
  }

  private async read(n: number, signal: AbortSignal): Promise<Page<T>> {
    this.requests++;
    const page = await this.source.page(n, this.pageSize, signal);
    this.totalPages = page.totalPages;
    this.totalResults = page.totalResults;
    return page;
  }

  /** Adds a page's records; returns their keys. A hidden record seen again on a page read now is shown. */
  private take(page: Page<T>): string[] {
    for (const m of page.malformed ?? []) if (!this.malformed.includes(m)) this.malformed.push(m);
    this.shown = undefined;
    return page.items.map((x) => {
      const key = recordKey(x);
      if (!this.held.has(key)) this.held.set(key, x);
      this.hidden.delete(key);
      const t = recordTime(x);
      if (t < this.oldest) this.oldest = t;
      return key;
    });
  }

  /** Hides (or, with an empty set, shows again) the records of the first read of page 1. */
  private hide(keys: Set<string>): void {
    this.hidden = keys;
    this.shown = undefined;
    this.oldest = Infinity;
    for (const [k, x] of this.held) {
      const t = recordTime(x);
      if (!keys.has(k) && t < this.oldest) this.oldest = t;
    }
  }

  private oldestShownTime(): number {
    return this.oldest;
  }

  private newestHiddenTime(): number {
    let newest = -Infinity;
    for (const k of this.hidden) {
      const t = recordTime(this.held.get(k)!);
      if (!Number.isNaN(t) && t > newest) newest = t;
    }
    return newest;
  }

  /**
   * A new record that does not fit between what is shown and what is hidden (page 1 while reading backward):
   * the list is not in the order assumed. Records already held may reappear anywhere (pages shift).
   */
  private contradicts(items: readonly T[], oldestShown: number): boolean {
    const newestHidden = this.newestHiddenTime();
    return items.some((x) => {
      if (this.held.has(recordKey(x))) return false;
      const t = recordTime(x);
      return t > oldestShown || t < newestHidden;
    });
  }
}
