// The sandbox HTTP server: a local, deterministic stand-in for the Telnyx porting API (under /v2) with
// fault injection and a control surface (under /__sandbox) for tests, benchmarks and manual try-outs.

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, handleApi, isAuthorized } from './api';
import { CONTROL_PREFIX, controlRefusal, handleControl, hostnameOf, isLoopbackHost, parseConfigPatch, refuseControl } from './control';
import { errorForStatus, notFound } from './errors';
import type { Fault, FaultMatch, HeldRequest, QueuedFault } from './faults';
import type { SeedData } from './model';
import type { ApiResponse } from './responses';
import type { SeedOptions } from './seed';
import type { PortingComment, PortoutComment } from './model';
import type {
  AnyEvent,
  AnyRecord,
  CompleteEventsRequest,
  DecisionRecord,
  InsertEventsRequest,
  RemoveRecordsRequest,
  RepublishRecord,
  RequestLogEntry,
  RuntimeConfig,
} from './store';
import { LiveWorld } from './live';
import { DEFAULT_CONFIG, SandboxStore } from './store';

export type { Fault, FaultMatch, HeldRequest, QueuedFault } from './faults';
export type * from './model';
export type { SeedOptions } from './seed';
export type {
  AnyEvent,
  AnyRecord,
  CompleteEventsRequest,
  FaultKind,
  InsertEventsRequest,
  ListName,
  ListOrder,
  PortoutEventsPath,
  RemoveEvery,
  RemovePick,
  RemoveRecordsRequest,
  RepublishRecord,
  DecisionRecord,
  RequestLogEntry,
  RuntimeConfig,
} from './store';
export { DEFAULT_CONFIG } from './store';

export const DEFAULT_API_KEY = 'KEYSANDBOX0123456789';

export interface SandboxOptions extends Partial<RuntimeConfig> {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The only key accepted as `Authorization: Bearer <key>`, by the API and the control endpoints. Default DEFAULT_API_KEY. */
  apiKey?: string;
  /**
   * Whether `/__sandbox/*` is served (default true). Off, those paths are unknown API paths (404): the demo
   * shipped to users needs none of them, so it has no side door at all.
   */
  control?: boolean;
  /** Size and seed of the generated data; see DEFAULT_SEED_OPTIONS. */
  seed?: Partial<SeedOptions>;
  /** Called once per API request after it was answered (or cut off). */
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * The sandbox's time in epoch ms (default: none). With one, inserted and live events are stamped with it, and
   * comments and answers too; a test gives one to run hours of a demo without waiting.
   */
  clock?: () => number;
}

export interface Sandbox {
  /** e.g. "http://127.0.0.1:4010" */
  readonly url: string;
  /** url + "/v2": what the extension's telnyxPorting.apiBaseUrl should be. */
  readonly apiBaseUrl: string;
  readonly apiKey: string;
  readonly port: number;
  /**
   * Current ground truth: seed plus inserted events minus removed records, newest first whatever listOrder
   * says. Treat as read-only. A removal replaces the affected list's array, so read it again after one.
   */
  readonly data: SeedData;
  readonly requests: readonly RequestLogEntry[];
  /** Most API requests the sandbox held at once (arrived, not yet answered) since start, reset() or clearRequests(). */
  readonly peakInFlight: number;
  readonly republishes: readonly RepublishRecord[];
  /** Port-outs answered (`PATCH /portouts/{id}/authorized|rejected-pending`) that took effect, in order. */
  readonly decisions: readonly DecisionRecord[];
  /** Each order's comments, oldest first, after posts (seeded from the completed new_comment events). */
  comments(direction: 'portin', orderId: string): readonly PortingComment[];
  comments(direction: 'portout', orderId: string): readonly PortoutComment[];
  readonly faults: readonly QueuedFault[];
  readonly config: Readonly<RuntimeConfig>;
  addFault(match: FaultMatch, fault: Fault): QueuedFault;
  clearFaults(): void;
  /** The requests parked by `hold` faults now, in the order they arrived. */
  readonly held: readonly HeldRequest[];
  /**
   * Resolves once at least `count` (default 1) requests are parked under `name`, with them; rejects after
   * `timeoutMs` (default 15 s) saying what is parked, or when the sandbox is reset or closed meanwhile.
   */
  waitHeld(name: string, count?: number, timeoutMs?: number): Promise<HeldRequest[]>;
  /** Lets the requests parked under `name` go on, handled as if they had just arrived; gives how many. */
  release(name: string): number;
  clearRequests(): void;
  clearRepublishes(): void;
  /** Adds events newer than all existing ones; returns them oldest first. */
  insertEvents(req: InsertEventsRequest): AnyEvent[];
  /**
   * One moment of a running account (test/sandbox/live.ts): real changes of its orders, each with its event,
   * stamped now; returns the new events, oldest first. A reset starts the account over.
   */
  tickLive(): AnyEvent[];
  /** Gives events inserted with `pending: true` their payload (`payload_status` "completed"); returns them. */
  completeEvents(req: CompleteEventsRequest): AnyEvent[];
  /**
   * Removes records from a list (by `ids`, or `count` of them picked 'newest' or 'random') and returns them
   * newest first. Removed orders 404 and leave every list; their events stay. Unknown ids throw, removing none.
   */
  removeRecords(req: RemoveRecordsRequest): AnyRecord[];
  setLatency(ms: number): void;
  configure(patch: Partial<RuntimeConfig>): Readonly<RuntimeConfig>;
  /** Original seed and start-up config; faults, request log, republishes, decisions and posted comments cleared, stalled answers and held requests dropped. */
  reset(): void;
  close(): Promise<void>;
}

interface Outgoing {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function encode(r: ApiResponse): Outgoing {
  if (r.raw !== undefined) return { status: r.status, headers: { 'Content-Type': 'application/json', ...r.headers }, body: Buffer.from(r.raw) };
  if (r.body === undefined) return { status: r.status, headers: { ...r.headers }, body: Buffer.alloc(0) };
  return { status: r.status, headers: { 'Content-Type': 'application/json', ...r.headers }, body: Buffer.from(JSON.stringify(r.body)) };
}

/** A fault that replaces the answer entirely (status and/or raw body), or undefined to answer normally. */
function faultAnswer(fault: Fault): Outgoing | undefined {
  if (fault.status === undefined && fault.body === undefined) return undefined;
  const status = fault.status ?? 200;
  if (fault.body !== undefined) {
    const type = fault.contentType ?? (fault.body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'application/json');
    return { status, headers: { 'Content-Type': type }, body: Buffer.from(fault.body) };
  }
  return status < 400 ? encode({ status }) : encode({ status, body: errorForStatus(status, fault.detail) });
}

/** What a gateway in front of the API sends when the API is slow or broken: HTML, not Telnyx's JSON. */
const GATEWAY_PAGES: Readonly<Record<number, string>> = {
  502: '502 Bad Gateway',
  504: '504 Gateway Time-out',
};

/** The answer of a statusAfterProcessing fault, sent in place of the real one. */
function afterProcessingAnswer(fault: Fault, status: number): Outgoing {
  if (fault.body !== undefined) return faultAnswer({ ...fault, status }) as Outgoing;
  const page = GATEWAY_PAGES[status];
  if (page === undefined) return encode({ status, body: errorForStatus(status, fault.detail) });
  const html = `<html>\r\n<head><title>${page}</title></head>\r\n<body>\r\n<center><h1>${page}</h1></center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { 'Content-Type': 'text/html' }, body: Buffer.from(html) };
}

/**
 * Retry-After only when the fault asks for it, plus the fault's own headers. The API documents no
 * rate-limit headers, so x-ratelimit-* come only with config rateLimitHeaders: a client must work without them.
 */
function withFaultHeaders(out: Outgoing, fault: Fault | undefined, rateLimitHeaders: boolean): Outgoing {
  if (fault === undefined) return out;
  const headers = { ...out.headers, ...fault.headers };
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  if (out.status === 429 && rateLimitHeaders) {
    Object.assign(headers, { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(fault.retryAfter ?? 1) });
  }
  return { ...out, headers };
}

/** Headers plus the first half of the body, then the socket is closed: the client sees a truncated answer. */
function writeTruncated(res: ServerResponse, out: Outgoing): void {
  if (out.body.length === 0) {
    res.socket?.destroy(); // nothing to cut in half: drop the connection before any byte
    return;
  }
  res.writeHead(out.status, { ...out.headers, 'Content-Length': String(out.body.length) });
  // A short pause after the write lets the partial body reach the client before the close.
  const cut = (): void => void setTimeout(() => res.socket?.destroy(), 20);
  const half = Math.floor(out.body.length / 2);
  if (half > 0) res.write(out.body.subarray(0, half), cut);
  else {
    res.flushHeaders();
    cut();
  }
}

/**
 * Headers (with the full Content-Length) and the first half of the body, at least one byte but never all of
 * it, then nothing: the caller keeps the socket open. An empty answer sends nothing at all, since headers
 * with Content-Length 0 would be a complete answer. Returns whether the status line went out.
 */
function writeStalled(res: ServerResponse, out: Outgoing): boolean {
  if (out.body.length === 0) return false;
  res.writeHead(out.status, { ...out.headers, 'Content-Length': String(out.body.length) });
  const part = Math.min(out.body.length - 1, Math.max(1, Math.floor(out.body.length / 2)));
  if (part > 0) res.write(out.body.subarray(0, part));
  else res.flushHeaders();
  return true;
}

/** Bodies of API writes are small (a comment, a reason); anything past this is cut, as a gateway would refuse it. */
const MAX_API_BODY_BYTES = 1 << 20;

/** The request body as text; undefined when none came or the client went away while sending it. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_API_BODY_BYTES) chunks.push(c);
    });
    req.once('end', () => resolve(size === 0 ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.once('error', () => resolve(undefined));
    req.once('close', () => resolve(size === 0 ? undefined : Buffer.concat(chunks).toString('utf8')));
  });
}

function writeFull(res: ServerResponse, out: Outgoing): void {
  res.writeHead(out.status, { ...out.headers, 'Content-Length': String(out.body.length) });
  res.end(out.body);
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = opts.apiKey ?? DEFAULT_API_KEY;
  const given: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof RuntimeConfig)[]) given[key] = opts[key] ?? DEFAULT_CONFIG[key];
  const initial = parseConfigPatch(given);
  if (typeof initial === 'string') throw new Error(initial);
  const store = new SandboxStore(opts.seed ?? {}, initial as RuntimeConfig, opts.clock);
  let live: LiveWorld | undefined;
  store.onReset(() => (live = undefined));
  let requestCounter = 0;
  let inFlight = 0;
  let peakInFlight = 0;

  // Answers held open by stallBody. They would outlive a reset (a later test would inherit them) and keep
  // sockets alive past close(), so both drop them.
  const stalled = new Set<ServerResponse>();
  const dropStalled = (): void => {
    for (const res of stalled) res.destroy();
    stalled.clear();
  };
  store.onReset(dropStalled);

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let arrived = performance.now();
    const method = req.method ?? 'GET';
    // Reads take no body: drain any, so keep-alive connections stay usable. Writes (POST, PATCH) read theirs below.
    const bodyText = method === 'GET' || method === 'HEAD' ? (req.resume(), Promise.resolve(undefined)) : readBody(req);
    const authorized = isAuthorized(req.headers.authorization, apiKey);
    const entry: RequestLogEntry = { method, path: url.pathname, query: url.search.slice(1), status: 0, authorized, accept: req.headers.accept, at: new Date().toISOString() };
    store.requests.push(entry);
    const finish = (status: number): void => {
      entry.status = status;
      opts.onRequest?.(entry);
    };

    // Taken on arrival, so concurrent requests consume faults in the order they came in.
    const fault = store.faults.take(method, url.pathname);
    const body = await bodyText;
    if (body !== undefined && body !== '') entry.body = body;
    if (fault?.hold !== undefined) {
      // Parked before anything is handled: while a test holds it, a write has had no effect and a read no answer.
      entry.held = fault.hold;
      const parked = store.holds.park({ name: fault.hold, method, path: url.pathname, query: entry.query, at: entry.at });
      // A client that gives up meanwhile leaves nothing to release, and no parked request to wait for.
      const gone = (): void => parked.drop();
      res.once('close', gone);
      const go = await parked.settled;
      res.off('close', gone);
      if (!go) {
        // Dropped by a reset or close: cut off unhandled, so no later test inherits its effect.
        res.destroy();
        return finish(0);
      }
      arrived = performance.now();
    }
    const wait = store.config.latencyMs + (fault?.delayMs ?? 0);
    // A read is answered `wait` ms after it arrived, the sandbox's own work included, as a real API's
    // latency includes its servers' work. Working after the wait instead would queue concurrent reads
    // behind one another on this single thread, a cost of the stand-in (not of Telnyx) that would be
    // blamed on a client that sends pages concurrently. Other methods wait first: a request the client
    // gave up on during the wait must stay unprocessed (a republish that timed out never happened).
    const workFirst = method === 'GET';
    if (!workFirst) {
      if (wait > 0) await sleep(wait);
      if (res.destroyed) return finish(0);
    }

    const rateLimitHeaders = store.config.rateLimitHeaders;
    let out: Outgoing;
    if (fault?.redirectTo !== undefined) {
      entry.fault = 'redirect';
      const status = fault.status !== undefined && fault.status >= 300 && fault.status < 400 ? fault.status : 302;
      out = withFaultHeaders({ status, headers: { Location: fault.redirectTo }, body: Buffer.alloc(0) }, { ...fault, status }, rateLimitHeaders);
    } else {
      // The *AfterProcessing faults always run the real handler: their point is a side effect the client never hears about.
      const processed = fault?.resetAfterProcessing === true || fault?.statusAfterProcessing !== undefined;
      const answer = fault === undefined || processed ? undefined : faultAnswer(fault);
      if (answer !== undefined) {
        entry.fault = fault?.body !== undefined ? 'body' : 'status';
        out = answer;
      } else {
        const inApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
        // A reset connection stands for a request the server never acted on; resetAfterProcessing is the other case.
        const dryRun = fault?.reset === true && fault.resetAfterProcessing !== true;
        const apiReq = { method, path: url.pathname.slice(API_PREFIX.length), query: url.searchParams, body, store, dryRun };
        let result: ApiResponse;
        try {
          result = inApi ? handleApi(apiReq, authorized) : { status: 404, body: notFound() };
        } catch (e) {
          result = { status: 500, body: errorForStatus(500, (e as Error).message) };
        }
        out = encode(result);
        if (fault?.delayMs !== undefined) entry.fault = 'delay';
        if (fault?.statusAfterProcessing !== undefined) {
          entry.fault = 'statusAfterProcessing';
          out = afterProcessingAnswer(fault, fault.statusAfterProcessing);
        }
      }
      out = withFaultHeaders(out, fault, rateLimitHeaders);
    }
    out.headers['x-request-id'] = `sandbox-${++requestCounter}`;

    if (workFirst) {
      const rest = wait - (performance.now() - arrived);
      if (rest > 0) await sleep(rest);
      if (res.destroyed) return finish(0);
    }

    if (fault?.resetAfterProcessing === true) {
      entry.fault = 'resetAfterProcessing';
      res.socket?.destroy();
      return finish(0);
    }
    if (fault?.reset === true) {
      entry.fault = 'reset';
      writeTruncated(res, out);
      return finish(out.status);
    }
    if (fault?.stallBody === true) {
      entry.fault = 'stallBody';
      stalled.add(res);
      res.once('close', () => stalled.delete(res));
      return finish(writeStalled(res, out) ? out.status : 0);
    }
    writeFull(res, out);
    finish(out.status);
  }

  function counted(work: Promise<void>): Promise<void> {
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    return work.finally(() => inFlight--);
  }

  const listenHost = opts.host ?? '127.0.0.1';
  // Told to listen on one address of another interface, the sandbox answers to that address as well (not to a name).
  const alsoHost = listenHost === '0.0.0.0' || listenHost === '::' ? undefined : hostnameOf(listenHost.includes(':') ? `[${listenHost}]` : listenHost);
  const controlOn = opts.control ?? true;

  const server = createServer((req, res) => {
    // Before anything is read or logged: a name other than the loopback's is a page that rebound its own name to
    // this address (DNS rebinding), and would otherwise read the API with the public sandbox key.
    if (!isLoopbackHost(req.headers.host, alsoHost)) {
      req.resume();
      const detail = `The sandbox answers only to 127.0.0.1, localhost and [::1], not to the host ${JSON.stringify(req.headers.host ?? '')}.`;
      return writeFull(res, encode({ status: 403, body: errorForStatus(403, detail) }));
    }
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    const isControl = controlOn && (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`));
    const refusal = isControl ? controlRefusal(req, apiKey) : undefined;
    if (refusal) {
      req.resume();
      return refuseControl(res, refusal);
    }
    const work = isControl ? handleControl(req, res, path.slice(CONTROL_PREFIX.length), store) : counted(serveApi(req, res, url));
    work.catch((e: unknown) => {
      if (!res.headersSent) writeFull(res, encode({ status: 500, body: errorForStatus(500, String(e)) }));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`;

  return {
    url,
    apiBaseUrl: url + API_PREFIX,
    apiKey,
    port,
    get data() {
      return store.data;
    },
    get requests() {
      return store.requests;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    get republishes() {
      return store.republishes;
    },
    get decisions() {
      return store.decisions;
    },
    comments: ((direction: 'portin' | 'portout', orderId: string) =>
      direction === 'portin' ? store.commentsOf('portin', orderId) : store.commentsOf('portout', orderId)) as Sandbox['comments'],
    get faults() {
      return store.faults.list();
    },
    get config() {
      return store.config;
    },
    addFault: (match, fault) => store.faults.add(match, fault),
    clearFaults: () => store.faults.clear(),
    get held() {
      return store.holds.held();
    },
    waitHeld: (name, count, timeoutMs) => store.holds.wait(name, count, timeoutMs),
    release: (name) => store.holds.release(name),
    clearRequests: () => {
      store.requests = [];
      peakInFlight = inFlight;
    },
    clearRepublishes: () => {
      store.republishes = [];
    },
    insertEvents: (req) => store.insertEvents(req),
    tickLive: () => (live ??= new LiveWorld(store, opts.seed?.seed ?? 0)).tick(),
    completeEvents: (req) => store.completeEvents(req),
    removeRecords: (req) => store.removeRecords(req),
    setLatency: (ms) => {
      store.config = { ...store.config, latencyMs: ms };
    },
    configure: (patch) => {
      const checked = parseConfigPatch(patch);
      if (typeof checked === 'string') throw new Error(checked);
      store.config = { ...store.config, ...checked };
      return store.config;
    },
    reset: () => {
      store.reset();
      peakInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        dropStalled();
        store.holds.dropAll('the sandbox closed');
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections(); // keep-alive clients would otherwise hold close() open
      }),
  };
}
