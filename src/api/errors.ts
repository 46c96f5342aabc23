// The one error type the API layer throws. Messages are written for the person at the keyboard
// and never carry the API key (it is only ever in a request header, which we never echo).

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
    return e instanceof TelnyxError ? e : new TelnyxError('malformed', `Unexpected problem: ${(e as Error)?.message ?? String(e)}`);
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

const STATUS_WORDS: Record<number, string> = {
  400: 'The request was refused as invalid',
  401: 'Telnyx refused the API key (401). Check or update the key',
  403: 'The API key is not allowed to do this (403)',
  404: 'Not found (404)',
  408: 'Telnyx timed out answering (408)',
  409: 'Conflict (409)',
  422: 'Telnyx refused the request (422)',
  429: 'Telnyx is rate-limiting requests (429)',
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
  const head = STATUS_WORDS[status] ?? (status >= 500 ? `Telnyx had a server error (${status})` : `Unexpected answer (${status})`);
  const wait = askedWaitMs === undefined ? '' : ` and asked to wait ${formatWait(askedWaitMs)} before trying again; try again later`;
  const details = formatDetails(items);
  const message = `${what}: ${head}${wait}${details.length ? ` — ${details.join('; ')}` : ''}`;
  return new TelnyxError(kind, message, status, items);
}

/** "0.3 s", "45 s", "120 s", "15 min", "3 h": seconds up to two minutes, as a Retry-After usually says them. */
export function formatWait(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${Math.round(s * 10) / 10} s`;
  if (s <= 120) return `${Math.round(s)} s`;
  if (s < 120 * 60) return `${Math.ceil(s / 60)} min`;
  return `${Math.ceil(s / 3600)} h`;
}
