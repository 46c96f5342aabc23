// Republishing many events without sending any twice unasked. A ledger keeps each event's outcome across
// runs: an event is marked 'unknown' before its POST leaves and settled by the answer, so a run that is
// cancelled, fails or dies part-way is simply run again and sends only what was never sent. A 'failed' send
// was certainly not processed and is sent again; an 'unknown' one may have been, and is sent again only
// when the caller asks for it by name.

import * as l10n from '@vscode/l10n';
import type { TelnyxClient } from './client';
import { DEFAULTS } from './defaults';
import { type Direction, type DirectionId, direction as directionOf, eventOrderId } from './directions';
import { TelnyxError } from './errors';
import { fetchAll, type FetchAllOptions } from './fetchAll';
import { newestFirst } from './records';
import type { PortingEvent } from './types';
import { isTelnyxId } from './validate';

/** What is known of an event's republish: done, certainly not done, or perhaps done. */
export type Outcome = 'sent' | 'failed' | 'unknown';

export interface LedgerRecord {
  outcome: Outcome;
  /** ISO time of the outcome. */
  at: string;
  /** Why it failed or is unknown, in the words of the error. */
  detail?: string;
}

/** Records to write at once, by event id: `undefined` removes the event's record. */
export type LedgerBatch = ReadonlyArray<readonly [eventId: string, record: LedgerRecord | undefined]>;

/**
 * Outcomes by event id, for one account. `write` may be async (VS Code's globalState, which rewrites one stored
 * map per write): replay writes in batches, one at a time, and a batch is kept when its promise resolves.
 */
export interface ReplayLedger {
  get(eventId: string): LedgerRecord | undefined;
  write(batch: LedgerBatch): void | PromiseLike<void>;
}

export class MemoryLedger implements ReplayLedger {
  private readonly records = new Map<string, LedgerRecord>();
  /** How many writes it was given, for tests that count them. */
  writes = 0;

  get(eventId: string): LedgerRecord | undefined {
    return this.records.get(eventId);
  }

  set(eventId: string, record: LedgerRecord): void {
    this.write([[eventId, record]]);
  }

  write(batch: LedgerBatch): void {
    this.writes++;
    for (const [id, record] of batch) {
      if (record) this.records.set(id, record);
      else this.records.delete(id);
    }
  }

  entries(): [string, LedgerRecord][] {
    return [...this.records];
  }
}

export interface ReplayTarget {
  id: string;
  direction: DirectionId;
  /** For the report only. */
  eventType?: string;
  orderId?: string;
  /** Send even though the ledger says 'unknown': only when the user chose to, for this event. */
  resendUnknown?: boolean;
}

/** How one event fared in a run: an outcome of this run, or why it was not sent. */
export type ItemOutcome = Outcome | 'skipped-sent' | 'skipped-unknown' | 'not-started';

export interface ReplayItem extends ReplayTarget {
  outcome: ItemOutcome;
  detail?: string;
}

export interface ReplayOptions {
  ledger: ReplayLedger;
  /** Republishes in flight at once (default 2). */
  concurrency?: number;
  /**
   * Stops starting sends; those not started stay unsent ('not-started'). Sends in flight are not cut
   * short but finish within the request deadline, so each of them ends with a known outcome where the
   * answer gives one.
   */
  signal?: AbortSignal;
  /** After each send: sends finished, of those the run will attempt. */
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}

export interface ReplayResult {
  /** One per distinct target, in the order given. */
  items: ReplayItem[];
  counts: Record<ItemOutcome, number>;
  concurrency: number;
  cancelled: boolean;
  /** Why the run stopped before the end without being cancelled (a refused key, rate limiting that outlasted the retries). */
  stoppedBy?: string;
  ms: number;
}

export const DEFAULT_REPLAY_CONCURRENCY = DEFAULTS['replay.concurrency'];

/** Errors that would fail every send after them alike: the run stops rather than repeat them. */
const STOPPING: ReadonlySet<string> = new Set(['auth', 'rate-limited', 'network', 'config']);

export function targetsOf(dir: Direction, events: readonly PortingEvent[]): ReplayTarget[] {
  return events
    .filter((e): e is PortingEvent & { id: string } => typeof e.id === 'string' && e.id !== '')
    .map((e) => ({ id: e.id, direction: dir.id, eventType: e.event_type ?? undefined, orderId: eventOrderId(dir, e) }));
}

export interface ReplayPlan {
  total: number;
  /** Most first, then by name. Events without a type or order count under ''. */
  byType: [eventType: string, count: number][];
  byOrder: [orderId: string, count: number][];
  /** Of total: what the ledger says is done already or perhaps done (and so will be skipped), and what a run would send. */
  alreadySent: number;
  unknown: number;
  toSend: number;
}

/** What a run over these targets would send, for a confirmation before it starts. */
export function planReplay(targets: readonly ReplayTarget[], ledger?: ReplayLedger): ReplayPlan {
  const unique = distinct(targets);
  const tally = (key: (t: ReplayTarget) => string): [string, number][] => {
    const counts = new Map<string, number>();
    for (const t of unique) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const skips = unique.map((t) => skipOf(t, ledger));
  const alreadySent = skips.filter((s) => s === 'skipped-sent').length;
  const unknown = skips.filter((s) => s === 'skipped-unknown').length;
  return {
    total: unique.length,
    byType: tally((t) => t.eventType ?? ''),
    byOrder: tally((t) => t.orderId ?? ''),
    alreadySent,
    unknown,
    toSend: unique.length - alreadySent - unknown,
  };
}

export interface EventRange {
  /** Inclusive ISO date-times (or Dates) of created_at. */
  from: string | Date;
  to: string | Date;
  eventType?: string;
  orderId?: string;
}

/**
 * A direction's events created in a time range, optionally of one type and one order, oldest first (the
 * order they happened, which is the order to replay them in). Filtered by the API (API.md §6/§7), every page read.
 */
export async function listEventsInRange(
  client: TelnyxClient,
  dir: Direction,
  range: EventRange,
  opts: Omit<FetchAllOptions, 'pageSize'> & { pageSize?: number } = {},
): Promise<{ events: PortingEvent[]; settled: boolean }> {
  const from = isoTime(range.from, 'start');
  const to = isoTime(range.to, 'end');
  if (Date.parse(from) > Date.parse(to)) throw new TelnyxError('config', l10n.t('The time range starts ({0}) after it ends ({1}).', from, to));
  const result = await fetchAll(
    (pageNumber, pageSize, signal, onReceived) =>
      client.listEvents(dir, { createdFrom: from, createdTo: to, eventType: range.eventType, orderId: range.orderId, pageNumber, pageSize, signal, onReceived }),
    { ...opts, pageSize: opts.pageSize ?? 250 },
  );
  return { events: newestFirst(result.items).reverse(), settled: result.settled };
}

/** At least this many sends are marked in one ledger write (see replay). */
const MARK_WINDOW = 100;

/** Republishes each target whose ledger allows it, `concurrency` at a time. Never throws for a send that failed: see the items. */
export async function replay(client: TelnyxClient, targets: readonly ReplayTarget[], opts: ReplayOptions): Promise<ReplayResult> {
  const started = performance.now();
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_REPLAY_CONCURRENCY));
  const now = opts.now ?? ((): Date => new Date());
  const items: ReplayItem[] = distinct(targets).map((t) => {
    const skip = skipOf(t, opts.ledger);
    return skip === undefined ? { ...t, outcome: 'not-started' } : { ...t, outcome: skip, detail: opts.ledger.get(t.id)?.detail };
  });
  const queue = items.filter((i) => i.outcome === 'not-started');
  let next = 0;
  let done = 0;
  let stoppedBy: string | undefined;

  // One ledger write per window of sends, not two per send (5,000 events were 10,000 rewrites of the whole map):
  // a window's events are marked 'unknown' in one write before any of them leaves, and outcomes ride along with
  // the next window's marks or the last write. Dying mid-window leaves its events 'unknown': perhaps sent, so
  // never resent unasked, which is what one write per send bought. Marked events never sent get back what they had.
  const window = Math.max(MARK_WINDOW, concurrency * 4);
  const pending = new Map<string, LedgerRecord | undefined>();
  const priors = new Map<string, LedgerRecord | undefined>();
  let writes: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    const batch = [...pending];
    pending.clear();
    if (batch.length > 0) writes = writes.then(() => opts.ledger.write(batch));
    return writes;
  };
  const entry = (outcome: Outcome, detail?: string): LedgerRecord => ({ outcome, at: now().toISOString(), ...(detail === undefined ? {} : { detail }) });
  let marked = 0;
  let marking: Promise<void> | undefined;
  const markThrough = async (index: number): Promise<void> => {
    while (index >= marked) {
      if (!marking) {
        const end = Math.min(queue.length, marked + window);
        // An id that is not one never leaves (the client refuses it), so it need not first be called perhaps sent.
        for (const item of queue.slice(marked, end).filter((i) => isTelnyxId(i.id))) {
          priors.set(item.id, opts.ledger.get(item.id));
          pending.set(item.id, entry('unknown', l10n.t('The send was started but its answer was never recorded.')));
        }
        marking = flush()
          .then(() => void (marked = end))
          .finally(() => (marking = undefined));
      }
      await marking;
    }
  };

  const worker = async (): Promise<void> => {
    while (next < queue.length && !opts.signal?.aborted && stoppedBy === undefined) {
      const index = next++;
      const item = queue[index]!;
      await markThrough(index);
      if (opts.signal?.aborted || stoppedBy !== undefined) break;
      priors.delete(item.id);
      let outcome: Outcome;
      try {
        await client.republish(directionOf(item.direction), item.id);
        outcome = 'sent';
        item.detail = undefined;
      } catch (e) {
        const err = TelnyxError.from(e);
        outcome = mayHaveBeenProcessed(e) ? 'unknown' : 'failed';
        item.detail = err.message;
        if (outcome === 'failed' && STOPPING.has(err.kind)) stoppedBy ??= err.message;
      }
      item.outcome = outcome;
      pending.set(item.id, entry(outcome, item.detail));
      opts.onProgress?.(++done, queue.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  } finally {
    for (const [id, prior] of priors) pending.set(id, prior);
    await flush();
  }

  const counts: Record<ItemOutcome, number> = { sent: 0, failed: 0, unknown: 0, 'skipped-sent': 0, 'skipped-unknown': 0, 'not-started': 0 };
  for (const i of items) counts[i.outcome]++;
  return {
    items,
    counts,
    concurrency,
    cancelled: opts.signal?.aborted === true && counts['not-started'] > 0,
    ...(stoppedBy === undefined ? {} : { stoppedBy }),
    ms: performance.now() - started,
  };
}

/**
 * Only an error the API layer names as not processed counts as 'failed': a refusal (4xx, 429 after its
 * retries), a connection never made, or the GET that finds the events path before the POST. Anything else,
 * unexpected errors included, may have followed the republish.
 */
function mayHaveBeenProcessed(e: unknown): boolean {
  return !(e instanceof TelnyxError) || e.kind === 'unknown-outcome' || e.kind === 'cancelled' || e.kind === 'malformed';
}

function skipOf(t: ReplayTarget, ledger: ReplayLedger | undefined): 'skipped-sent' | 'skipped-unknown' | undefined {
  const outcome = ledger?.get(t.id)?.outcome;
  if (outcome === 'sent') return 'skipped-sent';
  if (outcome === 'unknown' && !t.resendUnknown) return 'skipped-unknown';
  return undefined;
}

/** The first of each id: an event listed twice is still one event. */
function distinct(targets: readonly ReplayTarget[]): ReplayTarget[] {
  const byId = new Map<string, ReplayTarget>();
  for (const t of targets) if (!byId.has(t.id)) byId.set(t.id, t);
  return [...byId.values()];
}

function isoTime(value: string | Date, end: 'start' | 'end'): string {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) {
    const text = String(value);
    throw new TelnyxError('config', end === 'start' ? l10n.t('The time range\'s start "{0}" is not a date and time.', text) : l10n.t('The time range\'s end "{0}" is not a date and time.', text));
  }
  return new Date(ms).toISOString();
}
