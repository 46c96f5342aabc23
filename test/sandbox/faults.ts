// Programmable failures. Faults wait in a FIFO queue; each API request that matches the first fitting
// fault uses it up once, so a test can say "the next 2 GETs of /porting/events fail with 503".

export interface FaultMatch {
  /** Any method when absent. */
  method?: string;
  /** Substring of the request path (query excluded); a full path like "/v2/porting/events" works too. */
  path?: string;
  /** The path must be `path` exactly: "/v2/portouts" then leaves "/v2/portouts/events" (a watcher's tick) alone. */
  exact?: boolean;
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
}

export interface Fault {
  /** Same as match.times (accepted here too because it reads naturally next to the fault); match.times wins. */
  times?: number;
  /** Answer with this status and, unless `body` is set, a Telnyx errors[] body for it. */
  status?: number;
  /** Sets Retry-After (seconds, or an HTTP-date string). */
  retryAfter?: number | string;
  /** Waits this long first; on its own, the request then proceeds normally (for timeouts). */
  delayMs?: number;
  /** Raw body instead of the normal/error one, e.g. '{"data": [' or HTML. Status defaults to 200. */
  body?: string;
  /** Content-Type for `body`; defaults to text/html when it starts with "<", else application/json. */
  contentType?: string;
  /** Overrides the detail of the generated error body. */
  detail?: string;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /**
   * Sends headers (with the full Content-Length) and half the body, then closes the socket; an empty
   * answer (204) is cut before its first byte. The request has no effect (no republish is recorded).
   */
  reset?: boolean;
  /** Handles the request fully (a republish is recorded), then closes the socket without answering. */
  resetAfterProcessing?: boolean;
  /**
   * Handles the request fully (a republish is recorded), then answers with this error status instead: a
   * gateway's HTML page for 502 and 504, a Telnyx errors[] body otherwise (`body`/`contentType` override it).
   * The client cannot tell that its request took effect, which is the point.
   */
  statusAfterProcessing?: number;
  /**
   * Sends the status line, headers (with the full Content-Length) and the first half of the body, then
   * sends nothing more and keeps the socket open until the client gives up, the sandbox closes or is reset.
   * An empty answer (204) stalls before its first byte. The request has its normal effect.
   */
  stallBody?: boolean;
  /** Answers 302 with this Location. */
  redirectTo?: string;
  /**
   * Parks the request under this name before it is handled (a write has had no effect yet, a read's answer
   * is not made yet) until `release(name)`; then the rest of the fault applies as if it had just arrived.
   * For a test that needs a request still in flight: it waits for it to arrive (`waitHeld`), acts, releases.
   */
  hold?: string;
}

type AnswerField = 'status' | 'reset' | 'resetAfterProcessing' | 'statusAfterProcessing' | 'stallBody' | 'redirectTo';

/** Why a fault's fields cannot go together, or undefined when they can. */
export function faultConflict(f: Fault): string | undefined {
  const isSet = (k: AnswerField): boolean => f[k] !== undefined && f[k] !== false;
  // Each of these decides the fate of the answer in its own way; two at once would have no single meaning.
  const clash = (field: AnswerField, others: readonly AnswerField[]): string | undefined => {
    const given = others.filter(isSet);
    return isSet(field) && given.length > 0 ? `fault.${field} cannot be combined with ${given.map((o) => `fault.${o}`).join(', ')}` : undefined;
  };
  return (
    clash('statusAfterProcessing', ['status', 'reset', 'resetAfterProcessing', 'redirectTo']) ??
    clash('stallBody', ['reset', 'resetAfterProcessing', 'redirectTo'])
  );
}

export interface QueuedFault {
  id: number;
  match: { method?: string; path?: string; exact?: boolean; times: number };
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private queue: QueuedFault[] = [];
  private nextId = 1;

  add(match: FaultMatch, fault: Fault): QueuedFault {
    const times = match.times ?? fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be an integer >= 1');
    const conflict = faultConflict(fault);
    if (conflict !== undefined) throw new RangeError(conflict);
    const queued: QueuedFault = {
      id: this.nextId++,
      match: { ...match, method: match.method?.toUpperCase(), times },
      fault: { ...fault },
      remaining: times,
    };
    this.queue.push(queued);
    return queued;
  }

  clear(): void {
    this.queue = [];
  }

  list(): QueuedFault[] {
    return this.queue.map((q) => ({ ...q }));
  }

  /** The first fault matching this request, with one use consumed. */
  take(method: string, path: string): Fault | undefined {
    const i = this.queue.findIndex(
      (q) => (q.match.method === undefined || q.match.method === method) && (q.match.path === undefined || (q.match.exact === true ? path === q.match.path : path.includes(q.match.path))),
    );
    const q = this.queue[i];
    if (q === undefined) return undefined;
    if (--q.remaining <= 0) this.queue.splice(i, 1);
    return q.fault;
  }
}

const FAULT_FIELDS: readonly string[] = [
  'times',
  'status',
  'retryAfter',
  'delayMs',
  'body',
  'contentType',
  'detail',
  'headers',
  'reset',
  'resetAfterProcessing',
  'statusAfterProcessing',
  'stallBody',
  'redirectTo',
  'hold',
];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates a `POST /__sandbox/faults` body; returns an error message when it is not usable. */
export function parseFaultRequest(body: unknown): { match: FaultMatch; fault: Fault } | string {
  if (!isRecord(body)) return 'body must be {"match": {...}, "fault": {...}}';
  const m = body.match ?? {};
  const f = body.fault;
  if (!isRecord(m)) return 'match must be an object';
  if (!isRecord(f)) return 'fault must be an object';
  const match: FaultMatch = {};
  if (m.method !== undefined) {
    if (typeof m.method !== 'string') return 'match.method must be a string';
    match.method = m.method;
  }
  if (m.path !== undefined) {
    if (typeof m.path !== 'string') return 'match.path must be a string';
    match.path = m.path;
  }
  if (m.exact !== undefined) {
    if (typeof m.exact !== 'boolean') return 'match.exact must be a boolean';
    if (m.path === undefined) return 'match.exact needs match.path';
    match.exact = m.exact;
  }
  const unknownMatch = Object.keys(m).filter((k) => !['method', 'path', 'exact', 'times'].includes(k));
  if (unknownMatch.length > 0) return `unknown match field ${unknownMatch.join(', ')}`;
  if (m.times !== undefined) {
    if (!Number.isInteger(m.times) || (m.times as number) < 1) return 'match.times must be an integer >= 1';
    match.times = m.times as number;
  }

  const fault: Fault = {};
  if (f.times !== undefined) {
    if (!Number.isInteger(f.times) || (f.times as number) < 1) return 'fault.times must be an integer >= 1';
    fault.times = f.times as number;
  }
  if (f.status !== undefined) {
    if (!Number.isInteger(f.status) || (f.status as number) < 100 || (f.status as number) > 599) return 'fault.status must be an HTTP status';
    fault.status = f.status as number;
  }
  if (f.retryAfter !== undefined) {
    if (typeof f.retryAfter !== 'number' && typeof f.retryAfter !== 'string') return 'fault.retryAfter must be seconds or an HTTP-date';
    fault.retryAfter = f.retryAfter;
  }
  if (f.delayMs !== undefined) {
    if (typeof f.delayMs !== 'number' || f.delayMs < 0) return 'fault.delayMs must be a number >= 0';
    fault.delayMs = f.delayMs;
  }
  for (const key of ['body', 'contentType', 'detail', 'redirectTo', 'hold'] as const) {
    const v = f[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') return `fault.${key} must be a string`;
    fault[key] = v;
  }
  if (fault.redirectTo !== undefined && !URL.canParse(fault.redirectTo)) return 'fault.redirectTo must be an absolute URL';
  if (fault.hold === '') return 'fault.hold must be a non-empty name';
  if (f.statusAfterProcessing !== undefined) {
    const v = f.statusAfterProcessing;
    const ok = Number.isInteger(v) && (((v as number) >= 400 && (v as number) <= 599) || ((v as number) >= 200 && (v as number) <= 299 && fault.body !== undefined));
    // A 2xx after processing is only a fault with a body of its own: a write done, and an answer that cannot say what it made.
    if (!ok) return 'fault.statusAfterProcessing must be an HTTP error status (400-599), or a 2xx with a body';
    fault.statusAfterProcessing = v as number;
  }
  for (const key of ['reset', 'resetAfterProcessing', 'stallBody'] as const) {
    const v = f[key];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') return `fault.${key} must be a boolean`;
    fault[key] = v;
  }
  if (f.headers !== undefined) {
    if (!isRecord(f.headers) || !Object.values(f.headers).every((v) => typeof v === 'string')) return 'fault.headers must map names to strings';
    fault.headers = f.headers as Record<string, string>;
  }
  const unknown = Object.keys(f).filter((k) => !FAULT_FIELDS.includes(k));
  if (unknown.length > 0) return `unknown fault field ${unknown.join(', ')}`;
  return faultConflict(fault) ?? { match, fault };
}

/** A request parked by a `hold` fault, as `GET /__sandbox/held` and `waitHeld` show it. */
export interface HeldRequest {
  name: string;
  method: string;
  path: string;
  /** Raw query string without "?". */
  query: string;
  /** When it arrived. */
  at: string;
}

/** How long a wait for held requests waits by default: well inside a test's timeout, far past any fair arrival. */
export const HOLD_WAIT_MS = 15_000;

/** Why a wait for held requests ended without them; the message says what was parked meanwhile. */
export class HoldWaitError extends Error {}

interface Parked {
  req: HeldRequest;
  /** true: go on and handle it; false: it is dropped (reset, close, or the client went away). */
  settle(go: boolean): void;
}

interface Waiter {
  name: string;
  count: number;
  resolve(held: HeldRequest[]): void;
  reject(e: Error): void;
}

/**
 * The requests parked by `hold` faults, and the tests waiting for them to arrive. A test that needs a request
 * in flight must not hope it is slow enough: it holds it, waits until it is parked, acts, then releases it.
 */
export class Holds {
  private parked: Parked[] = [];
  private waiters: Waiter[] = [];

  /** Parks a request; resolves true once released, false once dropped. */
  park(req: HeldRequest): { settled: Promise<boolean>; drop(): void } {
    let entry!: Parked;
    const settled = new Promise<boolean>((resolve) => {
      entry = {
        req,
        settle: (go) => {
          this.parked = this.parked.filter((p) => p !== entry);
          resolve(go);
        },
      };
    });
    this.parked.push(entry);
    this.wake();
    return { settled, drop: () => entry.settle(false) };
  }

  /** What is parked now, under `name` or under any name, in the order it arrived. */
  held(name?: string): HeldRequest[] {
    return this.parked.filter((p) => name === undefined || p.req.name === name).map((p) => ({ ...p.req }));
  }

  /** Lets the requests parked under `name` go on (a request that arrives later parks again); how many went. */
  release(name: string): number {
    const going = this.parked.filter((p) => p.req.name === name);
    for (const p of going) p.settle(true);
    return going.length;
  }

  /**
   * Resolves with the requests parked under `name` once at least `count` are, at once if they already are.
   * Gives up after `timeoutMs` with a HoldWaitError saying what was parked, so a request that never comes
   * fails the test with a reason instead of hanging it.
   */
  wait(name: string, count = 1, timeoutMs = HOLD_WAIT_MS): Promise<HeldRequest[]> {
    const now = this.held(name);
    if (now.length >= count) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const parked = this.held();
        reject(new HoldWaitError(`${this.held(name).length} of ${count} request(s) reached hold "${name}" within ${timeoutMs} ms; parked now: ${parked.length === 0 ? 'none' : parked.map(describeHeld).join(', ')}`));
      }, timeoutMs);
      const waiter: Waiter = {
        name,
        count,
        resolve: (held) => {
          clearTimeout(timer);
          resolve(held);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Drops every parked request and fails every wait: a reset or close must not hand them to the next test. */
  dropAll(why: string): void {
    for (const p of [...this.parked]) p.settle(false);
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(new HoldWaitError(`${why} while waiting for hold "${w.name}"`));
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      const held = this.held(w.name);
      if (held.length < w.count) continue;
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(held);
    }
  }
}

const describeHeld = (h: HeldRequest): string => `"${h.name}": ${h.method} ${h.path}${h.query === '' ? '' : `?${h.query}`}`;

/** A `POST /__sandbox/held` body: `{"wait": name, "count"?, "timeoutMs"?}` or `{"release": name}`. */
export type HeldAction = { wait: string; count: number; timeoutMs: number } | { release: string };

export function parseHeldAction(body: unknown): HeldAction | string {
  const usage = 'body must be {"wait": name, "count"?: integer >= 1, "timeoutMs"?: number > 0} or {"release": name}';
  if (!isRecord(body)) return usage;
  const keys = Object.keys(body);
  if (typeof body.release === 'string' && body.release !== '' && keys.length === 1) return { release: body.release };
  if (typeof body.wait !== 'string' || body.wait === '' || !keys.every((k) => ['wait', 'count', 'timeoutMs'].includes(k))) return usage;
  const count = body.count ?? 1;
  if (!Number.isInteger(count) || (count as number) < 1) return `count must be an integer >= 1; ${usage}`;
  const timeoutMs = body.timeoutMs ?? HOLD_WAIT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) return `timeoutMs must be a number > 0; ${usage}`;
  return { wait: body.wait, count: count as number, timeoutMs };
}
