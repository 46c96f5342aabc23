// The single ky instance every request goes through: base URL, bearer auth, timeout,
// retry of 408/429/5xx honouring Retry-After, a log line per attempt, and mapping of every
// failure to TelnyxError.

import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import { TelnyxError, errorFromStatus } from './errors';

export interface RequestLogEntry {
  method: string;
  /** Path and query relative to the base URL; never carries the key (it travels in a header only). */
  path: string;
  status: number | 'error' | 'timeout';
  ms: number;
}

export interface HttpOptions {
  /** Already checked with `checkBaseUrl`. */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  retries?: number;
  /** Longest Retry-After we wait for; longer answers fail with a message instead. */
  maxRetryAfterMs?: number;
  onRequest?: (entry: RequestLogEntry) => void;
  /** For tests: a fetch implementation; the real one otherwise. */
  fetch?: typeof fetch;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Query;
  signal?: AbortSignal;
  /** Short words naming what we were doing, for messages: "Loading port-in orders". */
  what: string;
  /** Called once the answer's last byte is in, before it is decoded and parsed (see fetchAll). */
  onReceived?: () => void;
}

const utf8 = new TextDecoder();

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];

export class Http {
  private readonly ky: KyInstance;
  private readonly retries: number;
  private readonly maxRetryAfterMs: number;

  constructor(private readonly options: HttpOptions) {
    this.retries = options.retries ?? 2;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.ky = ky.create({
      prefixUrl: base,
      headers: { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' },
      timeout: options.timeoutMs ?? 30_000,
      // Redirects are not followed: a 3xx could point at another origin, and the key must only go to the configured one.
      redirect: 'manual',
      retry: {
        limit: this.retries,
        methods: ['get'],
        statusCodes: RETRY_STATUS,
        afterStatusCodes: [413, 429, 503],
        maxRetryAfter: this.maxRetryAfterMs,
        backoffLimit: 10_000,
      },
      fetch: async (input, init) => {
        const started = Date.now();
        const request = input instanceof Request ? input : new Request(input, init);
        const path = relativePath(request.url, base);
        try {
          const response = await baseFetch(input, init);
          options.onRequest?.({ method: request.method, path, status: response.status, ms: Date.now() - started });
          return response;
        } catch (e) {
          const status = (e as Error)?.name === 'AbortError' || (e as Error)?.name === 'TimeoutError' ? 'timeout' : 'error';
          options.onRequest?.({ method: request.method, path, status, ms: Date.now() - started });
          throw e;
        }
      },
    });
  }

  /** GET or POST and return the body parsed as JSON (undefined for an empty body). */
  async json(path: string, opts: RequestOptions): Promise<unknown> {
    const text = await this.text(path, opts);
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new TelnyxError('malformed', `${opts.what}: Telnyx sent an answer that is not valid JSON (${text.length} bytes). Try again; if it persists, check the API base URL.`);
    }
  }

  /**
   * POST that is never blindly resent: only a 429 (refused before processing) is retried.
   * A lost connection or timeout after sending leaves the outcome unknown, which the caller must surface.
   */
  async postOnce(path: string, opts: RequestOptions): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.ky.post(path, { signal: opts.signal, retry: 0, headers: { Accept: '*/*' } });
        await response.arrayBuffer().catch(() => undefined);
        return response.status;
      } catch (e) {
        if (e instanceof HTTPError && e.response.status === 429 && attempt < this.retries) {
          const wait = retryAfterMs(e.response.headers.get('Retry-After'), attempt);
          if (wait <= this.maxRetryAfterMs) {
            await sleep(wait, opts.signal);
            continue;
          }
        }
        const err = await this.toError(e, opts.what);
        if (err.kind === 'network' || err.kind === 'timeout' || err.kind === 'malformed') {
          throw new TelnyxError(
            'unknown-outcome',
            `${opts.what}: the connection failed after the request was sent (${err.message.replace(`${opts.what}: `, '')}), so it may or may not have been processed.`,
            err.status,
          );
        }
        throw err;
      }
    }
  }

  private async text(path: string, opts: RequestOptions): Promise<string> {
    const searchParams = toSearchParams(opts.query);
    // ky retries failures before the headers arrive; a body cut off mid-way is retried here (GETs only).
    for (let attempt = 0; ; attempt++) {
      let bodyPhase = false;
      try {
        const response = await this.ky(path, { method: opts.method ?? 'GET', searchParams, signal: opts.signal });
        bodyPhase = true;
        const bytes = await response.arrayBuffer();
        if (opts.onReceived) {
          opts.onReceived();
          await letRequestsOut();
        }
        return utf8.decode(bytes);
      } catch (e) {
        const err = await this.toError(e, opts.what);
        if (bodyPhase && err.kind === 'network' && (opts.method ?? 'GET') === 'GET' && attempt < this.retries) continue;
        throw err;
      }
    }
  }

  private async toError(e: unknown, what: string): Promise<TelnyxError> {
    if (e instanceof TelnyxError) return e;
    if (e instanceof HTTPError) {
      const status = e.response.status;
      if (status >= 300 && status < 400) {
        const to = e.response.headers.get('location') ?? 'another address';
        return new TelnyxError('config', `${what}: the API answered with a redirect to ${safeOrigin(to)}, which is not followed so the API key is never sent elsewhere. Check the API base URL setting.`, status);
      }
      const body = await e.response.text().catch(() => '');
      return errorFromStatus(status, body, what);
    }
    if (e instanceof TimeoutError) {
      return new TelnyxError('timeout', `${what}: Telnyx did not answer within ${Math.round((this.options.timeoutMs ?? 30_000) / 1000)} s.`);
    }
    const name = (e as Error)?.name;
    if (name === 'AbortError') return new TelnyxError('cancelled', `${what}: cancelled.`);
    const cause = describeCause(e);
    return new TelnyxError('network', `${what}: could not reach ${safeOrigin(this.options.baseUrl)} (${cause}). Check your connection and the API base URL.`);
  }
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
    return 'an invalid address';
  }
}

function describeCause(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (e as Error)?.message ?? 'unknown error';
}

/** Retry-After in seconds or as an HTTP date; exponential backoff when absent. */
export function retryAfterMs(header: string | null, attempt: number): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return Math.min(10_000, 300 * 2 ** attempt);
}

/**
 * Lets a request just started (by onReceived) reach its socket before this thread is busy parsing a page
 * for several ms. fetch writes a request on the second turn of the event loop after the call (measured on
 * Node 20, with and without ky); parsing first would hold the request back for the whole parse.
 */
async function letRequestsOut(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new TelnyxError('cancelled', 'Cancelled.'));
    }, { once: true });
  });
}
