// Finds what is new in each direction's events list, a tick at a time, without timers of its own (the caller
// schedules ticks: see schedule.ts) and without VS Code (state lives in an injected SharedStore).
//
// Per direction the store keeps a cursor: the newest created_at the server has shown. A tick asks only for
// events created since then (`filter[created_at][gte]`, page size 250, every page of it: usually one, often
// empty) and tells new from seen by id. The lists document no sort, so nothing here relies on one.
//
// - The query starts `overlapMs` before the cursor (the floor), and every id seen since the floor is kept: an
//   event stamped a little before one already seen but listed only after it (committed later) is still found,
//   and the ids make the overlap cost no repeat. Once the clock is `overlapMs` past the cursor, the floor rises
//   to the cursor, so quiet ticks after a burst stay small. With `overlapMs: 0` the floor is the cursor and the ids kept
//   are those at exactly its time, which is what de-duplicates the `gte` boundary.
// - A first tick (no cursor for the direction yet) reads history to set the cursor and reports only what was
//   created at or after `watchingSince`, the moment watching began (the caller's: the window opened, a key was
//   set, an account chosen); what is older is history and is taken as seen. It reads page 1 of the list
//   (small). When that is not the whole list, its newest time is only a first guess unless the list is newest
//   first, so: if page 1 does not look newest first the last page is read too (the newest of
//   a list sorted oldest first); then `gte` that guess is asked, 250 a page, until what answers fits on one page
//   (each round raises the guess to the newest it saw; in a list without order 250 answers cut what is left to
//   about a 250th). That one page then holds everything since the floor, so the ids to keep are known. When
//   the list's newest is at or after `watchingSince` and what was read does not reach back to it, everything
//   since that moment is read too (`gte` it, every page), so an event between the moment and the first tick is
//   reported however many came with it.
// - Paging through a burst while events keep arriving or going can move records between pages. A read whose
//   total changed between its pages is read again (up to three passes); when it never settles, the new events
//   are still reported but the floor does not move, so the next tick asks for the same span again.
// - Nothing is written until a direction's whole tick has succeeded: a tick that fails (429, 5xx, network)
//   changes nothing, and the next one reports what this one would have, once. Directions fail separately.
// - Events whose payload is not generated yet (`payload_status: "created"`) are reported when new and kept;
//   later ticks read a few of them again by id and report each once as completed (one listed again within
//   the overlap needs no read). They are dropped after `pendingMaxAgeMs` or a 404.

import * as l10n from '@vscode/l10n';
import { DIRECTIONS, type Direction, type DirectionId } from '../api/directions';
import { TelnyxError } from '../api/errors';
import { orderOf } from '../api/newestFirstReader';
import { recordKey, recordTime } from '../api/records';
import type { Page, PortingEvent } from '../api/types';
import type { EventSource } from './eventSource';
import { storeKey, type SharedStore } from './sharedStore';

/** The API's largest page: a tick's query is usually one small page of it. */
export const WATCH_PAGE_SIZE = 250;

export interface EventWatcherOptions {
  source: EventSource;
  store: SharedStore;
  /** Names the account in the store's keys, e.g. a hash of the base URL and the key's id. Never the API key. */
  accountKey: string;
  /** Default: both. */
  directions?: readonly Direction[];
  /** Epoch ms; default Date.now. Only used for the ages of pending payloads. */
  now?: () => number;
  /**
   * Epoch ms: when watching began (the window opened, the key was set, the account chosen). A direction's first
   * tick reports what was created at or after it and takes only what is older as seen. Absent: a first tick
   * reports nothing. A direction with a stored cursor (later ticks, another window's, a reload) never uses it.
   */
  watchingSince?: number;
  /** How far before the cursor each tick asks again (ms). Default 60 000. */
  overlapMs?: number;
  /** Page size of a first tick's read of history. Default 50. */
  firstPageSize?: number;
  /** Pending payloads read again per direction and tick, at most. Default 3. */
  pendingChecksPerTick?: number;
  /** A payload still not generated after this long is no longer watched (ms). Default 24 h. */
  pendingMaxAgeMs?: number;
  /** Pending payloads kept per direction, at most (the oldest go first). Default 50. */
  maxPending?: number;
  /** Ids kept per direction since the floor, at most; past it the floor is raised. Default 2 000. */
  maxSeen?: number;
}

/** One direction's part of a tick. */
export interface DirectionTick {
  direction: Direction;
  /** The direction's first tick: its cursor was set from history, and only what came since `watchingSince` was reported. */
  started: boolean;
  /** New events, newest first. */
  fresh: PortingEvent[];
  /** Events reported earlier with `payload_status: "created"` whose payload is now generated, as read now. */
  completed: PortingEvent[];
  /** Requests this direction made in this tick. */
  requests: number;
  /** What went wrong without failing the tick: unreadable list entries, a pending payload that could not be read. */
  problems: string[];
  /** Set when the direction's tick failed: nothing of it was kept, and the next tick tries again. */
  error?: TelnyxError;
}

export interface WatchedEvent {
  direction: Direction;
  event: PortingEvent;
}

export interface TickResult {
  /** True when a tick was already running: this call did nothing. */
  busy: boolean;
  directions: DirectionTick[];
  /** Every direction's new events, newest first. */
  fresh: WatchedEvent[];
  completed: WatchedEvent[];
  requests: number;
  /** The directions' errors (their other fields say which direction). */
  errors: TelnyxError[];
}

/** What the watcher remembers of a direction, as kept in the store; its parts are described in the file's header. */
export interface DirectionState {
  v: 1;
  /** Epoch ms of the newest created_at the server has shown (0 when the list was empty). */
  cursor: number;
  /** Ticks ask for events created at or after this; every id seen since is in `seen`. */
  floor: number;
  /** [id, time]: every id seen with a time at or after the floor (an id without a time: the cursor when seen). */
  seen: [string, number][];
  pending: PendingPayload[];
}

export interface PendingPayload {
  id: string;
  /** When it was first kept (the watcher's clock). */
  since: number;
  /** When it was last read again (`since` before any read). */
  checked: number;
}

const MAX_PASSES = 3;
const MAX_GUESSES = 8;
/** Pages of one read, at most: 100,000 events since the floor would be a runaway, not a burst. */
const MAX_PAGES = 400;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The newest time among records, or -Infinity when none has one. */
function newestTime(items: readonly PortingEvent[]): number {
  let newest = -Infinity;
  for (const e of items) {
    const t = recordTime(e);
    if (t > newest) newest = t;
  }
  return newest;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** The stored state if it has the shape this version writes; anything else is no state (a first tick again). */
export function readState(raw: unknown): DirectionState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Partial<DirectionState>;
  if (s.v !== 1 || !isFiniteNumber(s.cursor) || !isFiniteNumber(s.floor) || !Array.isArray(s.seen) || !Array.isArray(s.pending)) return undefined;
  const seen = s.seen.filter((x): x is [string, number] => Array.isArray(x) && typeof x[0] === 'string' && isFiniteNumber(x[1]));
  const pending = s.pending
    .filter((p): p is PendingPayload => typeof p === 'object' && p !== null && typeof p.id === 'string' && isFiniteNumber(p.since) && isFiniteNumber(p.checked))
    .map((p) => ({ id: p.id, since: p.since, checked: p.checked }));
  return { v: 1, cursor: s.cursor, floor: s.floor, seen: seen.map(([id, t]) => [id, t]), pending };
}

/** Counts one direction's requests and collects its problems. */
class Run {
  requests = 0;
  readonly problems: string[] = [];

  constructor(
    readonly dir: Direction,
    private readonly source: EventSource,
    readonly signal: AbortSignal,
  ) {}

  async page(createdFrom: string | undefined, pageNumber: number, pageSize: number): Promise<Page<PortingEvent>> {
    this.requests++;
    const page = await this.source.page(this.dir, { ...(createdFrom === undefined ? {} : { createdFrom }), pageNumber, pageSize }, this.signal);
    for (const m of page.malformed ?? []) this.problems.push(m);
    return page;
  }

  async get(id: string): Promise<PortingEvent> {
    this.requests++;
    return this.source.get(this.dir, id, this.signal);
  }
}

/**
 * Every event created since `from`, whatever order the pages come in. `settled` is false when the list's
 * total kept changing between pages through every pass: records may have moved past the pages read.
 */
async function readSince(run: Run, from: string): Promise<{ items: PortingEvent[]; settled: boolean }> {
  const byKey = new Map<string, PortingEvent>();
  let changed = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    changed = false;
    let total: number | undefined;
    let last = 1;
    const thisPass = new Set<string>();
    for (let n = 1; n <= last && n <= MAX_PAGES; n++) {
      const page = await run.page(from, n, WATCH_PAGE_SIZE);
      let added = 0;
      for (const e of page.items) {
        const key = recordKey(e);
        if (!thisPass.has(key)) {
          thisPass.add(key);
          added++;
        }
        // A later reading of the same event wins: its payload may have been generated meanwhile.
        byKey.set(key, e);
      }
      if (total !== undefined && page.totalResults !== total) changed = true;
      total = page.totalResults;
      // meta.total_pages is only the server's word: so many results fill no more pages than that, and a page that
      // repeats what this pass has read (or is empty) means the rest would too.
      const size = Math.max(1, Math.min(WATCH_PAGE_SIZE, page.pageSize));
      last = Math.min(page.totalPages, Math.ceil(page.totalResults / size));
      if (added === 0) break;
    }
    if (!changed) break;
  }
  return { items: [...byKey.values()], settled: !changed };
}

export class EventWatcher {
  private readonly directions: readonly Direction[];
  private readonly now: () => number;
  private readonly overlapMs: number;
  private readonly firstPageSize: number;
  private readonly pendingChecksPerTick: number;
  private readonly pendingMaxAgeMs: number;
  private readonly maxPending: number;
  private readonly maxSeen: number;
  private readonly watchingSince: number | undefined;
  private ticking = false;
  /** Ticks and expectPayload run one after another: each reads the state, then writes it. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: EventWatcherOptions) {
    this.directions = opts.directions ?? DIRECTIONS;
    this.now = opts.now ?? Date.now;
    this.overlapMs = Math.max(0, opts.overlapMs ?? 60_000);
    this.firstPageSize = Math.max(1, Math.min(WATCH_PAGE_SIZE, opts.firstPageSize ?? 50));
    this.pendingChecksPerTick = Math.max(0, opts.pendingChecksPerTick ?? 3);
    this.pendingMaxAgeMs = opts.pendingMaxAgeMs ?? 24 * 3600_000;
    this.maxPending = Math.max(0, opts.maxPending ?? 50);
    this.maxSeen = Math.max(1, opts.maxSeen ?? 2_000);
    this.watchingSince = opts.watchingSince !== undefined && Number.isFinite(opts.watchingSince) ? opts.watchingSince : undefined;
  }

  /** The store key of a direction's state. */
  stateKey(dir: Direction | DirectionId): string {
    return storeKey(this.opts.accountKey, 'events', typeof dir === 'string' ? dir : dir.id);
  }

  /** A direction's state as stored now (undefined before its first tick). */
  state(dir: Direction | DirectionId): DirectionState | undefined {
    return readState(this.opts.store.get<unknown>(this.stateKey(dir)));
  }

  /**
   * Reads what is new in every direction (see the file's header). Resolves even when directions fail (their
   * `error`); rejects only when the signal was aborted (nothing is then kept) or the store could not be written.
   * A call while a tick runs returns at once with `busy`.
   */
  async tick(signal: AbortSignal): Promise<TickResult> {
    if (this.ticking) return { busy: true, directions: [], fresh: [], completed: [], requests: 0, errors: [] };
    this.ticking = true;
    try {
      return await this.exclusive(() => this.runTick(signal));
    } finally {
      this.ticking = false;
    }
  }

  /**
   * Watches one event's payload until it is generated, e.g. one the user opened while it was `created`: later
   * ticks read it again and report it as completed. Events found new with a `created` payload need not be given.
   * Does nothing before the direction's first tick.
   */
  expectPayload(dir: Direction, id: string): Promise<void> {
    return this.exclusive(async () => {
      const state = this.state(dir);
      if (!state || state.pending.some((p) => p.id === id)) return;
      const now = this.now();
      state.pending.push({ id, since: now, checked: now });
      await this.opts.store.update(this.stateKey(dir), { ...state, pending: this.boundPending(state.pending, now) });
    });
  }

  /** Forgets every direction's state (the next tick is a first tick again). */
  forget(): Promise<void> {
    return this.exclusive(async () => {
      for (const dir of this.directions) await this.opts.store.update(this.stateKey(dir), undefined);
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async runTick(signal: AbortSignal): Promise<TickResult> {
    const now = this.now();
    const outcomes = await Promise.all(
      this.directions.map(async (dir) => {
        const run = new Run(dir, this.opts.source, signal);
        const before = this.state(dir);
        try {
          const step = before ? await this.follow(run, before, now) : await this.start(run, now);
          // An idle tick changes nothing: no write (globalState is written to disk and passed to every window).
          const changed = JSON.stringify(step.next) !== JSON.stringify(before);
          return { dir, run, started: !before, ...step, next: changed ? step.next : undefined, error: undefined };
        } catch (e) {
          return { dir, run, started: !before, next: undefined, fresh: [], completed: [], error: TelnyxError.from(e) };
        }
      }),
    );
    // Results handed to nobody must not move the cursors, or they would be lost.
    if (signal.aborted) throw new TelnyxError('cancelled', l10n.t('Watching for new events was cancelled.'));
    for (const o of outcomes) if (o.next) await this.opts.store.update(this.stateKey(o.dir), o.next);

    const directions: DirectionTick[] = outcomes.map((o) => ({
      direction: o.dir,
      started: o.started,
      fresh: byTimeDesc(o.fresh),
      completed: o.completed,
      requests: o.run.requests,
      problems: o.run.problems,
      ...(o.error ? { error: o.error } : {}),
    }));
    const all = (pick: (d: DirectionTick) => PortingEvent[]): WatchedEvent[] =>
      byTimeDesc(directions.flatMap((d) => pick(d).map((event) => ({ direction: d.direction, event }))), (w) => w.event);
    return {
      busy: false,
      directions,
      fresh: all((d) => d.fresh),
      completed: all((d) => d.completed),
      requests: directions.reduce((n, d) => n + d.requests, 0),
      errors: directions.flatMap((d) => (d.error ? [d.error] : [])),
    };
  }

  /** A first tick: sets the cursor from history and reports what came since watching began (see the file's header). */
  private async start(run: Run, now: number): Promise<{ next: DirectionState; fresh: PortingEvent[]; completed: PortingEvent[] }> {
    const first = await run.page(undefined, 1, this.firstPageSize);
    let newest = newestTime(first.items);
    let known = first.items;
    /** What `known` holds: every event created at or after this (the whole list when page 1 was all of it). */
    let knownFrom = -Infinity;
    if (first.totalPages > 1) {
      if (orderOf(first.items) !== 'newest-first') {
        const last = await run.page(undefined, first.totalPages, this.firstPageSize);
        newest = Math.max(newest, newestTime(last.items));
      }
      if (newest === -Infinity) newest = 0;
      let whole = false;
      for (let round = 0; round < MAX_GUESSES && !whole; round++) {
        const fromMs = this.floorOf(newest);
        const from = iso(fromMs);
        const page = await run.page(from, 1, WATCH_PAGE_SIZE);
        let reached = Math.max(newest, newestTime(page.items));
        if (page.totalPages <= 1) {
          known = page.items;
          knownFrom = fromMs;
          newest = reached;
          whole = true;
          break;
        }
        if (orderOf(page.items) !== 'newest-first') {
          const last = await run.page(from, page.totalPages, WATCH_PAGE_SIZE);
          reached = Math.max(reached, newestTime(last.items));
        }
        if (reached <= newest) break; // no progress: read the rest whole
        newest = reached;
      }
      if (!whole) {
        knownFrom = this.floorOf(newest);
        known = (await readSince(run, iso(knownFrom))).items;
        newest = Math.max(newest, newestTime(known));
      }
    }
    const since = this.watchingSince;
    if (since !== undefined && newest >= since && since < knownFrom) {
      // Events came since watching began, and more than what was read: everything since that moment, every page.
      const byKey = new Map(known.map((e) => [recordKey(e), e]));
      for (const e of (await readSince(run, iso(since))).items) byKey.set(recordKey(e), e);
      known = [...byKey.values()];
      newest = Math.max(newest, newestTime(known));
    }
    const cursor = newest === -Infinity ? 0 : newest;
    const floor = this.floorOf(cursor);
    const seen = new Map<string, number>();
    const fresh: PortingEvent[] = [];
    const pending: PendingPayload[] = [];
    for (const e of known) {
      const t = recordTime(e);
      if (Number.isNaN(t)) seen.set(recordKey(e), cursor);
      else if (t >= floor) seen.set(recordKey(e), t);
      // An event without a time cannot be told from history: it is taken as seen.
      if (since !== undefined && t >= since) {
        fresh.push(e);
        if (e.id && e.payload_status === 'created') pending.push({ id: e.id, since: now, checked: now });
      }
    }
    const next = this.bounded({ v: 1, cursor, floor, seen: [...seen], pending: this.boundPending(pending, now) });
    return { next, fresh, completed: [] };
  }

  /** A later tick: what was created since the floor and not seen yet, and payloads generated since. */
  private async follow(run: Run, state: DirectionState, now: number): Promise<{ next: DirectionState; fresh: PortingEvent[]; completed: PortingEvent[] }> {
    const { items, settled } = await readSince(run, iso(state.floor));
    const cursor = Math.max(state.cursor, newestTime(items));
    const seen = new Map(state.seen);
    const fresh: PortingEvent[] = [];
    for (const e of items) {
      const key = recordKey(e);
      if (seen.has(key)) continue;
      const t = recordTime(e);
      seen.set(key, Number.isNaN(t) ? cursor : Math.max(t, state.floor));
      fresh.push(e);
    }

    const pending = new Map(state.pending.map((p) => [p.id, { ...p }]));
    const completed: PortingEvent[] = [];
    // Listed again (within the overlap): its state is known without a read.
    const listed = new Set<string>();
    for (const e of items) {
      const p = e.id ? pending.get(e.id) : undefined;
      if (!p) continue;
      if (e.payload_status !== 'created') {
        completed.push(e);
        pending.delete(p.id);
      } else {
        p.checked = now;
        listed.add(p.id);
      }
    }
    const added = new Set<string>();
    for (const e of fresh) {
      if (e.id && e.payload_status === 'created') {
        pending.set(e.id, { id: e.id, since: now, checked: now });
        added.add(e.id);
      }
    }
    const due = [...pending.values()]
      .filter((p) => !added.has(p.id) && !listed.has(p.id))
      .sort((a, b) => a.checked - b.checked)
      .slice(0, this.pendingChecksPerTick);
    for (const p of due) {
      try {
        const e = await run.get(p.id);
        if (e.payload_status !== 'created') {
          completed.push(e);
          pending.delete(p.id);
        } else p.checked = now;
      } catch (err) {
        const error = TelnyxError.from(err);
        if (run.signal.aborted || error.kind === 'cancelled' || error.kind === 'auth') throw error;
        if (error.kind === 'not-found') pending.delete(p.id);
        else p.checked = now; // tried again on a later tick, after the others
        run.problems.push(l10n.t('Reading {0} event {1} again: {2}', run.dir.label, p.id, error.message));
      }
    }

    const floor = settled ? Math.max(state.floor, this.floorOf(cursor)) : state.floor;
    const next = this.bounded({ v: 1, cursor, floor, seen: [...seen], pending: this.boundPending([...pending.values()], now) });
    return { next, fresh, completed };
  }

  /**
   * The overlap guards against events committed late with an earlier stamp, which happens within moments of
   * their time: once the clock is `overlapMs` past the cursor the floor may rise to the cursor itself, so an idle
   * tick after a burst does not list that burst again and again.
   */
  private floorOf(cursor: number): number {
    const late = Math.max(cursor - this.overlapMs, this.now() - this.overlapMs);
    return Math.max(0, Math.min(cursor, late));
  }

  /** Keeps the ids since the floor; past maxSeen, raises the floor to the oldest time kept. */
  private bounded(state: DirectionState): DirectionState {
    let seen = state.seen.filter(([, t]) => t >= state.floor);
    let floor = state.floor;
    if (seen.length > this.maxSeen) {
      seen = seen.sort((a, b) => b[1] - a[1]);
      floor = seen[this.maxSeen - 1]![1];
      seen = seen.filter(([, t]) => t >= floor);
    }
    return { ...state, floor, seen };
  }

  private boundPending(pending: PendingPayload[], now: number): PendingPayload[] {
    const kept = pending.filter((p) => now - p.since <= this.pendingMaxAgeMs);
    return kept.length <= this.maxPending ? kept : kept.sort((a, b) => b.since - a.since).slice(0, this.maxPending);
  }
}

/** Newest first by recordTime; records without a time last, in their order. */
function byTimeDesc<T>(items: readonly T[], eventOf: (x: T) => PortingEvent = (x) => x as unknown as PortingEvent): T[] {
  return items
    .map((x, i) => ({ x, i, t: recordTime(eventOf(x)) }))
    .sort((a, b) => (Number.isNaN(b.t) ? -Infinity : b.t) - (Number.isNaN(a.t) ? -Infinity : a.t) || a.i - b.i)
    .map((y) => y.x);
}
