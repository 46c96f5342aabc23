// Delivers one event to a webhook handler the developer runs: exactly one POST, never retried (a handler
// that answered 500 may still have acted on it), under one deadline that covers the answer's whole body,
// and everything that came back reported as it came, including how it failed.

import * as l10n from '@vscode/l10n';
import ky from 'ky';
import type { KeyObject } from 'node:crypto';
import { DEFAULTS } from './defaults';
import type { PortingEvent } from './types';
import { checkHandlerUrl } from './validate';
import { serializeEnvelope, toEnvelope } from './webhookEnvelope';
import { signatureHeaders } from './webhookSigning';

/**
 * Sent with every delivery so a handler (and its logs) can tell a replay from Telnyx's own delivery, and
 * so whoever reads them knows the envelope was built by the extension by an undocumented mapping.
 */
export const SOURCE_HEADER = ['x-telnyx-porting-source', 'vscode-telnyx-porting replay; envelope mapped from the events API, mapping undocumented by Telnyx'] as const;

export const DEFAULT_HANDLER_TIMEOUT_MS = DEFAULTS.requestTimeoutSeconds * 1000;
/** Enough for any error page or JSON a handler answers with; the rest is counted, not kept. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/**
 * Where counting stops. Counted bytes cost no memory, but an answer this long is no webhook answer (a stream,
 * a file served by mistake), and reading on would keep the socket and a core busy until the deadline.
 */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

export type HandlerFailureKind = 'refused' | 'timeout' | 'reset' | 'cancelled' | 'network';

export type HandlerResult =
  | {
      kind: 'answered';
      /** From sending to the answer's last byte. */
      ms: number;
      status: number;
      statusText: string;
      headers: [name: string, value: string][];
      /** The first maxBodyBytes of the body, as UTF-8. */
      body: string;
      /** Bytes of the whole body, kept or not; when `readAll` is false, of the part read. */
      bodyBytes: number;
      /** Bytes left out of `body`. */
      cutBytes: number;
      /** False when the answer went on past MAX_READ_BYTES: reading stopped there and the connection was closed. */
      readAll: boolean;
    }
  | {
      kind: HandlerFailureKind;
      ms: number;
      message: string;
      /** When the status line had arrived before it failed. */
      status?: number;
    };

export interface PostOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  maxBodyBytes?: number;
}

/**
 * POSTs `body` as JSON to `url` once. Throws only a 'config' TelnyxError, before sending, for a URL that
 * checkHandlerUrl refuses; every failure of the exchange itself is a result.
 */
export async function postToHandler(rawUrl: string, body: string, headers: Record<string, string>, opts: PostOptions = {}): Promise<HandlerResult> {
  const url = checkHandlerUrl(rawUrl);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_HANDLER_TIMEOUT_MS;
  const maxBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('deadline'));
  }, timeoutMs);
  const onAbort = (): void => controller.abort(opts.signal?.reason);
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
  const failed = (cause: unknown, status?: number): HandlerResult => {
    const kind: HandlerFailureKind = timedOut ? 'timeout' : opts.signal?.aborted ? 'cancelled' : connectionKind(cause, status !== undefined);
    return { kind, ms: elapsed(), message: failureMessage(kind, url, timeoutMs, cause, status), ...(status === undefined ? {} : { status }) };
  };
  try {
    let response: Response;
    try {
      response = await ky.post(url, {
        body,
        headers: withContentType(headers),
        signal: controller.signal,
        timeout: false,
        retry: 0,
        throwHttpErrors: false,
        // A redirect is the handler's answer to report, not an invitation to send the event elsewhere.
        redirect: 'manual',
        // Our signal straight to fetch: the one ky's Request carries reaches undici through a WeakRef that a
        // GC breaks once that Request is garbage (Node issue 55428; see src/api/http.ts).
        fetch: (input, init) => fetch(input, { ...init, signal: controller.signal }),
      });
    } catch (e) {
      return failed(e);
    }
    const kept: Uint8Array[] = [];
    let keptBytes = 0;
    let bodyBytes = 0;
    let readAll = true;
    const reader = response.body?.getReader();
    // Cancelling our reader is what closes the socket on the deadline or a cancel, whatever became of undici's signal.
    const onAbort = (): void => void reader?.cancel(controller.signal.reason).catch(() => undefined);
    if (controller.signal.aborted) onAbort();
    else controller.signal.addEventListener('abort', onAbort, { once: true });
    try {
      controller.signal.throwIfAborted();
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
        controller.signal.throwIfAborted();
        bodyBytes += chunk.value.byteLength;
        if (keptBytes < maxBytes) {
          const part = chunk.value.subarray(0, maxBytes - keptBytes);
          kept.push(part);
          keptBytes += part.byteLength;
        }
        if (bodyBytes > MAX_READ_BYTES) {
          readAll = false;
          await reader?.cancel().catch(() => undefined);
          break;
        }
      }
      // A read that our cancel ended reports done: it must not pass for the end of the body.
      controller.signal.throwIfAborted();
    } catch (e) {
      return failed(e, response.status);
    } finally {
      controller.signal.removeEventListener('abort', onAbort);
    }
    return {
      kind: 'answered',
      ms: elapsed(),
      status: response.status,
      statusText: response.statusText,
      headers: headerList(response.headers),
      body: new TextDecoder().decode(Buffer.concat(kept)),
      bodyBytes,
      cutBytes: bodyBytes - keptBytes,
      readAll,
    };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

export interface DeliverOptions extends PostOptions {
  /** Signs with this development private key (PKCS#8 PEM) when given; unsigned otherwise. */
  signingKey?: string | KeyObject;
  /** meta.attempt; 1 by default. */
  attempt?: number;
  /** Unix seconds for telnyx-timestamp; now by default. */
  timestamp?: number;
}

export interface Delivery {
  /** Exactly what was sent, for showing next to what came back. */
  request: { url: string; headers: Record<string, string>; body: string };
  result: HandlerResult;
}

/** One event as a v2 webhook to the handler at `url`: the envelope, signed if asked, POSTed once. Throws a 'config' TelnyxError for a URL it will not send to. */
export async function deliverEvent(event: PortingEvent, url: string, opts: DeliverOptions = {}): Promise<Delivery> {
  const target = checkHandlerUrl(url);
  const body = serializeEnvelope(toEnvelope(event, target, opts.attempt));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [SOURCE_HEADER[0]]: SOURCE_HEADER[1],
    ...(opts.signingKey === undefined ? {} : signatureHeaders(body, opts.signingKey, opts.timestamp)),
  };
  return { request: { url: target, headers, body }, result: await postToHandler(target, body, headers, opts) };
}

function headerList(headers: Headers): [string, string][] {
  const list: [string, string][] = [];
  headers.forEach((value, name) => list.push([name, value]));
  return list;
}

function withContentType(headers: Record<string, string>): Headers {
  const all = new Headers(headers);
  if (!all.has('content-type')) all.set('content-type', 'application/json');
  return all;
}

const REFUSED = new Set(['ECONNREFUSED']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function codesOf(e: unknown): string[] {
  const inner = (e as { cause?: unknown })?.cause ?? e;
  const errors = (inner as { errors?: unknown })?.errors;
  // localhost may be tried as ::1 then 127.0.0.1: undici reports both failures as one AggregateError.
  const all = Array.isArray(errors) ? errors : [inner];
  return all.map((x) => String((x as { code?: unknown })?.code ?? '')).filter((c) => c !== '');
}

function connectionKind(e: unknown, afterHeaders: boolean): HandlerFailureKind {
  const codes = codesOf(e);
  if (!afterHeaders && codes.length > 0 && codes.every((c) => REFUSED.has(c))) return 'refused';
  // undici says "terminated" without a code when the socket closes while a body is read.
  if (afterHeaders || codes.some((c) => RESET.has(c))) return 'reset';
  return 'network';
}

function failureMessage(kind: HandlerFailureKind, url: string, timeoutMs: number, e: unknown, status: number | undefined): string {
  const where = safeTarget(url);
  switch (kind) {
    case 'refused':
      return l10n.t('Nothing is listening at {0}: the connection was refused. Is the handler running?', where);
    case 'timeout':
      return status === undefined
        ? l10n.t('The handler at {0} did not answer within {1} s. It was not sent again.', where, timeoutMs / 1000)
        : l10n.t('The handler at {0} did not answer within {1} s (it had answered {2}, then the body stopped). It was not sent again.', where, timeoutMs / 1000, status);
    case 'reset':
      return status === undefined
        ? l10n.t('The handler at {0} closed the connection without a whole answer. It was not sent again.', where)
        : l10n.t('The handler at {0} closed the connection without a whole answer (it had answered {1}, then the body stopped). It was not sent again.', where, status);
    case 'cancelled':
      return l10n.t('Cancelled; the handler at {0} may or may not have received it.', where);
    case 'network': {
      const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
      return l10n.t('Could not reach the handler at {0} ({1}).', where, cause?.code ?? cause?.message ?? (e as Error)?.message ?? l10n.t('unknown error'));
    }
  }
}

/** Origin and path: a handler URL's query may carry a token of the developer's, so messages leave it out. */
function safeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return l10n.t('the handler URL');
  }
}
