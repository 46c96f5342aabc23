// The single ky instance every request goes through: base URL, bearer auth, a log line per attempt, and
// mapping of every failure to TelnyxError. Deadlines, retries and waits are decided here, in one loop per
// call, rather than by ky: ky's timeout stops once the headers are in (a stalled body would hang), its
// retries would nest inside any retry of a broken body, and it retries early, after its maxRetryAfter,
// when an answer asks for a longer wait.
//
// Every abort reaches undici by two strong paths of our own: fetch is given our controller's signal (not the
// one ky's Request carries) and the body is read by our reader, which our abort cancels. See `attempt`.

import * as l10n from '@vscode/l10n';
import ky, { type KyInstance } from 'ky';
import { DEFAULTS } from './defaults';
import { TelnyxError, errorFromStatus, formatWait, statusWords } from './errors';

export interface RequestLogEntry {
  method: string;
  /** Path and query relative to the base URL; never carries the key (it travels in a header only). */
  path: string;
  /** The status once the whole answer is in; 'error' or 'timeout' when the attempt failed, even after its headers. */
  status: number | 'error' | 'timeout';
  /** From sending to the answer's last byte (or the failure). */
  ms: number;
  /** Bytes of the answer's body, once it is all in. */
  bytes?: number;
}

export interface HttpOptions {
  /** Already checked with `checkBaseUrl`. */
  baseUrl: string;
  apiKey: string;
  /** Deadline of each attempt, covering sending, the headers and the whole body. */
  timeoutMs?: number;
  /** Attempts after the first: a call sends at most retries + 1 requests, whatever fails. */
  retries?: number;
  /** Longest Retry-After we wait for; a longer one fails at once with a message saying how long Telnyx asked to wait. */
  maxRetryAfterMs?: number;
  /** Largest answer body read; MAX_ANSWER_BYTES by default. */
  maxAnswerBytes?: number;
  onRequest?: (entry: RequestLogEntry) => void;
}

export type Query = Record<string, string | number | boolean | undefined>;

/** What every read takes from its caller, from a page fetcher down to the request. */
export interface ReadOptions {
  signal?: AbortSignal;
  /**
   * Called once the answer's last byte is in, before it is decoded and parsed: fetchAll then sends its next
   * request while this one is parsed (~10 ms of CPU per page of 250 full orders). Worth it: fetch-all of
   * 5,000 port-in orders stays at 3x the SDK's time (see the README's Performance).
   */
  onReceived?: () => void;
}

export interface RequestOptions extends ReadOptions {
  query?: Query;
  /** Short words naming what we were doing, for messages: "Loading port-in orders". */
  what: string;
}

export interface SendOptions extends RequestOptions {
  /** Sent as JSON (`Content-Type: application/json`); no body when undefined. */
  body?: unknown;
  /** Default `application/json`; a republish (204, no body) sends any-type, as the SDK does. */
  accept?: string;
}

export interface SendResult {
  /** The 2xx status. */
  status: number;
  /** The answer parsed as JSON; undefined when it was empty or could not be read (see bodyUnreadable). */
  body: unknown;
  /** True when a 2xx came with a body that broke off or is not JSON: it was done, but what it made is unknown. */
  bodyUnreadable: boolean;
}

const DEFAULT_TIMEOUT_MS = DEFAULTS.requestTimeoutSeconds * 1000;

/**
 * The largest answer read. The largest the API sends is a page of 250 full orders, about 1.3 MB; 64 MB is
 * fifty times that, yet small enough to hold whole in the extension host. Anything longer is not an API
 * answer (a wrong base URL, a proxy streaming something else), and reading on would grow the process for as
 * long as the server sends.
 */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * A wait longer than this behind a spinner that explains nothing reads as a hang, so we say how long Telnyx
 * asked for and let the user come back. 20 s is less than one attempt's default deadline (30 s), so honouring
 * a Retry-After never costs more than one slow answer would.
 */
const DEFAULT_MAX_RETRY_AFTER_MS = 20_000;

/** What the official SDK retries: request timeout, conflict (a lock), rate limit, and every server error. */
const retriedStatus = (status: number): boolean => status === 408 || status === 409 || status === 429 || status >= 500;

/**
 * Connection failures that happen before a byte of the request leaves this machine: such a request was
 * certainly not processed. Anything else after connecting (a reset, a closed socket) may follow the server's work.
 */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

const utf8 = new TextDecoder();

/** How one attempt failed to bring a whole answer. */
interface Failure {
  reason: 'timeout' | 'cancelled' | 'network';
  /** Whether the status line and headers had arrived. */
  afterHeaders: boolean;
  cause: unknown;
}

type Attempt =
  | { ok: false; failure: Failure }
  /**
   * `body` is undefined when reading it failed (`bodyFailure`) or it was longer than the cap (`tooLarge`, the
   * bytes it declared or that had come when reading stopped); the status and headers still count.
   */
  | { ok: true; status: number; headers: Headers; body?: Uint8Array; bodyFailure?: Failure; tooLarge?: number };

/** Thrown by readCapped when the body is longer than the cap; the read is cancelled by then. */
class BodyTooLarge extends Error {
  constructor(readonly bytes: number) {
    super('body too large');
  }
}

export class Http {
  private readonly ky: KyInstance;
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxAnswerBytes: number;

  constructor(private readonly options: HttpOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = Math.max(0, options.retries ?? DEFAULTS.maxRetries);
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
    this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
    this.base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.ky = ky.create({
      prefixUrl: this.base,
      headers: { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' },
      timeout: false,
      retry: 0,
      throwHttpErrors: false,
      // Redirects are not followed: a 3xx could point at another origin, and the key must only go to the configured one.
      redirect: 'manual',
    });
  }

  /** GET and return the body parsed as JSON (undefined for an empty body). */
  async json(path: string, opts: RequestOptions): Promise<unknown> {
    const text = await this.text(path, opts);
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new TelnyxError('malformed', l10n.t('{0}: Telnyx sent an answer that is not valid JSON ({1} bytes). Try again; if it persists, check the API base URL.', opts.what, text.length));
    }
  }

  /**
   * POST with no body (republish), sent as sendOnce sends it. Resolves with the 2xx status.
   */
  async postOnce(path: string, opts: RequestOptions): Promise<number> {
    return (await this.sendOnce('POST', path, { ...opts, accept: '*/*' })).status;
  }

  /**
   * A write (POST, PATCH) that is never blindly resent, with an optional JSON body. Only a 429 (refused
   * before processing) is sent again, within the Retry-After bound. A 5xx, a 408, a timeout or a connection
   * lost after connecting leaves the outcome unknown ('unknown-outcome'), which the caller must put to the
   * user, as does any unexpected exception once fetch had the request; a connection refused before anything was sent is a plain 'network' error. `x-should-retry: true`
   * does not make a 5xx safe to resend: only a 429 says the request was refused before it was processed.
   * Resolves with the 2xx status and the answer's body parsed as JSON: undefined when empty, and also when
   * it broke off, ran past the cap or is not JSON (`bodyUnreadable` then says so), since the status alone
   * says it was done.
   */
  async sendOnce(method: 'POST' | 'PATCH', path: string, opts: SendOptions): Promise<SendResult> {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    let handed = false;
    try {
      return await this.sendLoop(method, path, payload, opts, () => (handed = true));
    } catch (e) {
      // Only the errors chosen below know what the server may have done; anything else (a bug, a logger that
      // throws) after fetch had the request says nothing about it, and must not come out as one to retry.
      if (e instanceof TelnyxError || !handed) throw e;
      throw new TelnyxError(
        'unknown-outcome',
        l10n.t('{0}: an unexpected problem after the request was sent ({1}), so it may or may not have been processed.', opts.what, (e as Error)?.message ?? String(e)),
      );
    }
  }

  private async sendLoop(method: 'POST' | 'PATCH', path: string, payload: string | undefined, opts: SendOptions, onHanded: () => void): Promise<SendResult> {
    for (let attempt = 0; ; attempt++) {
      this.throwIfCancelled(opts);
      const a = await this.attempt(method, path, undefined, opts.accept ?? 'application/json', opts.signal, payload, onHanded);
      if (!a.ok) {
        const f = a.failure;
        if (f.reason === 'cancelled') throw new TelnyxError('cancelled', l10n.t('{0}: cancelled; it may or may not have been processed.', opts.what));
        if (f.reason === 'network' && !f.afterHeaders && neverSent(f.cause)) throw this.failureError(f, opts.what, 1);
        throw this.unansweredPost(f, opts.what);
      }
      if (isRedirect(a.status)) throw this.redirectError(a.headers, a.status, opts.what);
      // The status says it was done; a body that then breaks off, or runs past the cap, changes nothing about that.
      if (isSuccess(a.status)) return successResult(a.status, a.body);
      const body = a.body ? utf8.decode(a.body) : '';
      if (a.status === 429) {
        const asked = askedWaitMs(a.headers);
        const tooLong = asked !== undefined && asked > this.maxRetryAfterMs;
        if (tooLong || attempt >= this.retries || shouldRetryHeader(a.headers) === false) {
          throw errorFromStatus(a.status, body, opts.what, asked);
        }
        await this.pause(asked ?? backoffMs(attempt), opts);
        continue;
      }
      const err = errorFromStatus(a.status, body, opts.what);
      if (a.status === 408 || a.status >= 500) throw unknownOutcome(err, opts.what);
      throw err;
    }
  }

  /**
   * GET with at most retries + 1 attempts in all. An attempt is retried when it timed out, lost its
   * connection (before or during the body), or got a status the official SDK retries; `x-should-retry`
   * overrides the status either way.
   */
  private async text(path: string, opts: RequestOptions): Promise<string> {
    const searchParams = toSearchParams(opts.query);
    for (let attempt = 0; ; attempt++) {
      this.throwIfCancelled(opts);
      const a = await this.attempt('GET', path, searchParams, 'application/json', opts.signal);
      const last = attempt >= this.retries;
      if (!a.ok) {
        await this.waitOrThrow(a.failure, attempt, opts);
        continue;
      }
      // A 2xx whose body did not arrive whole is a failed attempt; an error status stands even without its body.
      if (isSuccess(a.status) && a.bodyFailure) {
        await this.waitOrThrow(a.bodyFailure, attempt, opts);
        continue;
      }
      if (a.bodyFailure?.reason === 'cancelled') throw cancelledError(opts.what);
      // Not retried: the same request would bring the same answer, another 64 MB on the wire for nothing.
      if (isSuccess(a.status) && a.tooLarge !== undefined) throw this.tooLargeError(a.tooLarge, opts.what);
      if (isRedirect(a.status)) throw this.redirectError(a.headers, a.status, opts.what);
      if (isSuccess(a.status)) {
        if (opts.onReceived) {
          opts.onReceived();
          await letRequestsOut();
        }
        return utf8.decode(a.body ?? new Uint8Array());
      }
      const body = a.body ? utf8.decode(a.body) : '';
      const asked = askedWaitMs(a.headers);
      const says = shouldRetryHeader(a.headers);
      const retry = says ?? retriedStatus(a.status);
      if (!retry || last || (asked !== undefined && asked > this.maxRetryAfterMs)) {
        throw errorFromStatus(a.status, body, opts.what, asked);
      }
      await this.pause(asked ?? backoffMs(attempt), opts);
    }
  }

  /**
   * One request and its whole answer under one deadline. The deadline's timer and the caller's signal
   * abort the same controller, which stops the fetch and the body read alike. `onHanded` is called when
   * the request is given to fetch: from then on it may reach the server.
   */
  private async attempt(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    searchParams: URLSearchParams | undefined,
    accept: string,
    signal: AbortSignal | undefined,
    payload?: string,
    onHanded?: () => void,
  ): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('deadline'));
    }, this.timeoutMs);
    // A listener removed afterwards rather than AbortSignal.any: a fetchAll signal outlives hundreds of attempts.
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const started = Date.now();
    let url = '';
    const log = (status: RequestLogEntry['status'], bytes?: number): void =>
      this.options.onRequest?.({ method, path: url ? relativePath(url, this.base) : path, status, ms: Date.now() - started, bytes });
    const failure = (cause: unknown, afterHeaders: boolean): Failure => {
      const reason = timedOut ? 'timeout' : signal?.aborted ? 'cancelled' : 'network';
      log(reason === 'timeout' ? 'timeout' : 'error');
      return { reason, afterHeaders, cause };
    };
    try {
      let response: Response;
      try {
        response = await this.ky(path, {
          method,
          searchParams,
          signal: controller.signal,
          headers: payload === undefined ? { Accept: accept } : { Accept: accept, 'Content-Type': 'application/json' },
          ...(payload === undefined ? {} : { body: payload }),
          fetch: (input, init) => {
            url = input instanceof Request ? input.url : String(input);
            onHanded?.();
            // Our signal, not the one ky's Request carries. undici makes a Request's signal follow its
            // parent's through a WeakRef (Node issue 55428), and ky's Request (and the AbortSignal.any it
            // follows) is garbage once fetch has copied it: after a GC an abort would never reach the
            // socket. fetch keeps the Request it builds from `init` alive until it ends, so this link holds.
            return fetch(input, { ...init, signal: controller.signal });
          },
        });
      } catch (e) {
        return { ok: false, failure: failure(e, false) };
      }
      try {
        const body = await readCapped(response, controller.signal, this.maxAnswerBytes);
        log(response.status, body.byteLength);
        return { ok: true, status: response.status, headers: response.headers, body };
      } catch (e) {
        if (e instanceof BodyTooLarge) {
          log('error', e.bytes);
          return { ok: true, status: response.status, headers: response.headers, tooLarge: e.bytes };
        }
        return { ok: true, status: response.status, headers: response.headers, bodyFailure: failure(e, true) };
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** After a GET attempt that brought no whole answer: wait before the next one, or throw when none is left. */
  private async waitOrThrow(f: Failure, attempt: number, opts: RequestOptions): Promise<void> {
    if (f.reason === 'cancelled') throw cancelledError(opts.what);
    if (attempt >= this.retries) throw this.failureError(f, opts.what, attempt + 1);
    await this.pause(backoffMs(attempt), opts);
  }

  private failureError(f: Failure, what: string, tries: number): TelnyxError {
    if (f.reason === 'cancelled') return cancelledError(what);
    /** " (a; b; 3 tries)", or nothing: a parenthesis the messages below end with. */
    const notes = (...parts: (string | false)[]): string => {
      const kept = [...parts, tries > 1 && l10n.t('{0} tries', tries)].filter((p): p is string => Boolean(p));
      return kept.length ? ` (${kept.join('; ')})` : '';
    };
    if (f.reason === 'timeout') {
      return new TelnyxError(
        'timeout',
        l10n.t('{0}: Telnyx did not answer within {1}{2}.', what, formatWait(this.timeoutMs), notes(f.afterHeaders && l10n.t('the answer started but stopped part-way'))),
      );
    }
    const origin = safeOrigin(this.options.baseUrl);
    const cause = describeCause(f.cause);
    return new TelnyxError(
      'network',
      f.afterHeaders
        ? l10n.t('{0}: could not reach {1}: the connection broke while the answer was coming in{2}. Check your connection and the API base URL.', what, origin, notes(cause))
        : l10n.t('{0}: could not reach {1}{2}. Check your connection and the API base URL.', what, origin, notes(cause)),
    );
  }

  private tooLargeError(bytes: number, what: string): TelnyxError {
    return new TelnyxError(
      'malformed',
      l10n.t('{0}: Telnyx sent an answer longer than {1} MB ({2} MB or more), which is not read. Check the API base URL.', what, Math.round(this.maxAnswerBytes / 2 ** 20), Math.floor(bytes / 2 ** 20)),
    );
  }

  /** A POST that was sent (or may have been) and got no answer we can trust. */
  private unansweredPost(f: Failure, what: string): TelnyxError {
    const why =
      f.reason === 'timeout'
        ? l10n.t('Telnyx did not answer within {0}', formatWait(this.timeoutMs))
        : l10n.t('the connection to {0} broke after the request was sent ({1})', safeOrigin(this.options.baseUrl), describeCause(f.cause));
    return new TelnyxError('unknown-outcome', l10n.t('{0}: {1}, so it may or may not have been processed.', what, why));
  }

  private redirectError(headers: Headers, status: number, what: string): TelnyxError {
    const location = headers.get('location');
    const to = location === null ? l10n.t('another address') : safeOrigin(location);
    return new TelnyxError(
      'config',
      l10n.t('{0}: the API answered with a redirect to {1}, which is not followed so the API key is never sent elsewhere. Check the API base URL setting.', what, to),
      status || undefined,
    );
  }

  private throwIfCancelled(opts: RequestOptions): void {
    if (opts.signal?.aborted) throw cancelledError(opts.what);
  }

  private async pause(ms: number, opts: RequestOptions): Promise<void> {
    if (ms > 0) await sleep(ms, opts.signal, opts.what);
  }
}

function cancelledError(what: string): TelnyxError {
  return new TelnyxError('cancelled', l10n.t('{0}: cancelled.', what));
}

/** A POST's answer that does not say whether it was done (5xx, 408): the same words, and what they mean for it. */
function unknownOutcome(err: TelnyxError, what: string): TelnyxError {
  const details = err.details.join('; ');
  const head = l10n.t('{0}: {1}, so it may or may not have been processed.', what, statusWords(err.status ?? 0));
  const message = details ? l10n.t('{0} Telnyx said: {1}', head, /[.!?]$/.test(details) ? details : `${details}.`) : head;
  return new TelnyxError('unknown-outcome', message, err.status, err.errors);
}

function successResult(status: number, raw: Uint8Array | undefined): SendResult {
  if (raw === undefined) return { status, body: undefined, bodyUnreadable: true };
  const text = utf8.decode(raw);
  if (text.trim() === '') return { status, body: undefined, bodyUnreadable: false };
  try {
    return { status, body: JSON.parse(text) as unknown, bodyUnreadable: false };
  } catch {
    return { status, body: undefined, bodyUnreadable: true };
  }
}

/**
 * The body, read chunk by chunk under `signal` and at most `cap` bytes (BodyTooLarge past it, before
 * reading when Content-Length says so). Our abort cancels the reader itself, which is what closes the
 * socket, however undici's own link to the signal fared; a read the cancel ends early throws, never
 * passing for a whole body.
 */
async function readCapped(response: Response, signal: AbortSignal, cap: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const cancel = (reason?: unknown): Promise<void> => reader.cancel(reason).catch(() => undefined);
  const onAbort = (): void => void cancel(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal.aborted) {
      await cancel(signal.reason);
      throw signal.reason;
    }
    const declared = Number(response.headers.get('content-length') ?? '');
    if (declared > cap) {
      await cancel();
      throw new BodyTooLarge(declared);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await cancel();
        throw new BodyTooLarge(total);
      }
      chunks.push(value);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** opaqueredirect (status 0) would be a browser's way of saying the same. */
function isRedirect(status: number): boolean {
  return status === 0 || (status >= 300 && status < 400);
}

function neverSent(cause: unknown): boolean {
  const inner = (cause as { cause?: unknown })?.cause ?? cause;
  const code = (inner as { code?: unknown })?.code;
  if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
  // Several addresses tried in turn (IPv6 then IPv4) report as one AggregateError.
  const errors = (inner as { errors?: unknown })?.errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => NOT_SENT_CODES.has(String((e as { code?: unknown })?.code)));
}

/** `x-should-retry: true|false` as the official SDK reads it; undefined when absent or anything else. */
function shouldRetryHeader(headers: Headers): boolean | undefined {
  const v = headers.get('x-should-retry')?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/** The wait an answer asks for: `retry-after-ms` (ms), else `Retry-After` (seconds or an HTTP date). */
function askedWaitMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const header = headers.get('retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** 0.5 s, 1 s, 2 s … (the official SDK starts at 0.5 s) up to 8 s, less up to a quarter so clients that failed together spread out. */
function backoffMs(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** attempt) * (1 - Math.random() * 0.25);
}

function toSearchParams(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v));
  return params;
}

function relativePath(url: string, base: string): string {
  return url.startsWith(base) ? decodeURIComponent(url.slice(base.length)) : url;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return l10n.t('an invalid address');
  }
}

function describeCause(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (e as Error)?.message ?? l10n.t('unknown error');
}

/**
 * Lets a request just started (by onReceived) reach its socket before this thread is busy parsing a page
 * for several ms. fetch writes a request on the second turn of the event loop after the call (measured on
 * Node 20, with and without ky); parsing first would hold the request back for the whole parse.
 */
async function letRequestsOut(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

function sleep(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(what));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
