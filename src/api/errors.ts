// The one error type the API layer throws. Messages are written for the person at the keyboard
// and never carry the API key (it is only ever in a request header, which we never echo).

import * as l10n from '@vscode/l10n';

export interface ApiErrorItem {
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

export type ErrorKind =
  | 'auth' // 401/403: the key is wrong or lacks rights
  | 'not-found'
  | 'invalid' // 400/422: the request was refused as given
  | 'rate-limited' // 429: refused before processing, so sending again later is safe
  | 'server' // a read's 5xx after retries (a POST's 5xx is 'unknown-outcome')
  | 'network' // no answer: connection refused/reset, DNS
  | 'timeout'
  | 'malformed' // an answer we cannot read
  | 'unknown-outcome' // a POST may or may not have been processed: sending it again may do it twice
  | 'cancelled'
  | 'config'; // bad settings or input, caught before any request

export class TelnyxError extends Error {
  override readonly name = 'TelnyxError';

  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly status?: number,
    readonly errors: readonly ApiErrorItem[] = [],
  ) {
    super(message);
  }

  /** Any thrown value as a TelnyxError: what the API layer threw, or an unexpected problem named as such. */
  static from(e: unknown): TelnyxError {
    return e instanceof TelnyxError ? e : new TelnyxError('malformed', l10n.t('Unexpected problem: {0}', (e as Error)?.message ?? String(e)));
  }

  /**
   * Whether trying the same thing again later can help (false for a bad key or bad input). False for an
   * unknown outcome too: a one-click Retry could do it twice, so the caller must ask in its own words.
   */
  get retryable(): boolean {
    return !['auth', 'invalid', 'not-found', 'config', 'cancelled', 'unknown-outcome'].includes(this.kind);
  }

  /** The API's own details, one line each, e.g. "Invalid page size (page[size])". */
  get details(): string[] {
    return formatDetails(this.errors);
  }
}

function formatDetails(items: readonly ApiErrorItem[]): string[] {
  return items
    .map((e) => {
      const text = [e.title, e.detail].filter((s) => s && s.trim()).join(': ');
      const where = e.source?.pointer ?? e.source?.parameter;
      return where ? `${text} (${where})` : text;
    })
    .filter((s) => s.length > 0);
}


/** Pull `errors[]` out of a body of unknown shape; anything unexpected gives []. */
export function parseErrorItems(body: string): ApiErrorItem[] {
  try {
    const parsed: unknown = JSON.parse(body);
    const errors = (parsed as { errors?: unknown })?.errors;
    if (!Array.isArray(errors)) return [];
    return errors.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null).map((e) => {
      const source = typeof e.source === 'object' && e.source !== null ? (e.source as Record<string, unknown>) : undefined;
      return {
        code: e.code === undefined || e.code === null ? undefined : String(e.code),
        title: typeof e.title === 'string' ? e.title : undefined,
        detail: typeof e.detail === 'string' ? e.detail : undefined,
        source: source
          ? {
              pointer: typeof source.pointer === 'string' ? source.pointer : undefined,
              parameter: typeof source.parameter === 'string' ? source.parameter : undefined,
            }
          : undefined,
      };
    });
  } catch {
    return [];
  }
}

/** Looked up in the user's language when an error is made, never at load. */
const STATUS_WORDS: Record<number, () => string> = {
  400: () => l10n.t('The request was refused as invalid'),
  401: () => l10n.t('Telnyx refused the API key (401). Check or update the key'),
  403: () => l10n.t('The API key is not allowed to do this (403)'),
  404: () => l10n.t('Not found (404)'),
  408: () => l10n.t('Telnyx timed out answering (408)'),
  409: () => l10n.t('Conflict (409)'),
  422: () => l10n.t('Telnyx refused the request (422)'),
  429: () => l10n.t('Telnyx is rate-limiting requests (429)'),
};

/**
 * `askedWaitMs`: how long the answer's Retry-After asked us to wait, when we give up instead of waiting;
 * the message then says so, since "try again later" alone leaves the user guessing how much later.
 */
export function errorFromStatus(status: number, body: string, what: string, askedWaitMs?: number): TelnyxError {
  const items = parseErrorItems(body);
  const kind =
    status === 401 || status === 403 ? 'auth'
    : status === 404 ? 'not-found'
    : status === 400 || status === 422 ? 'invalid'
    : status === 429 ? 'rate-limited'
    : status >= 500 ? 'server'
    : 'invalid';
  const words = statusWords(status);
  const head = askedWaitMs === undefined ? words : l10n.t('{0} and asked to wait {1} before trying again; try again later', words, formatWait(askedWaitMs));
  const details = formatDetails(items);
  const message = details.length ? l10n.t('{0}: {1} — {2}', what, head, details.join('; ')) : l10n.t('{0}: {1}', what, head);
  return new TelnyxError(kind, message, status, items);
}

/** What an HTTP status means, in words: "Telnyx refused the API key (401). Check or update the key". */
export function statusWords(status: number): string {
  return STATUS_WORDS[status]?.() ?? (status >= 500 ? l10n.t('Telnyx had a server error ({0})', status) : l10n.t('Unexpected answer ({0})', status));
}

/** "0.3 s", "45 s", "120 s", "15 min", "3 h": seconds up to two minutes, as a Retry-After usually says them. */
export function formatWait(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return l10n.t('{0} s', Math.round(s * 10) / 10);
  if (s <= 120) return l10n.t('{0} s', Math.round(s));
  if (s < 120 * 60) return l10n.t('{0} min', Math.ceil(s / 60));
  return l10n.t('{0} h', Math.ceil(s / 3600));
}
