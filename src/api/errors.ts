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
  | 'rate-limited'
  | 'server' // 5xx after retries
  | 'network' // no answer: connection refused/reset, DNS
  | 'timeout'
  | 'malformed' // an answer we cannot read
  | 'unknown-outcome' // a POST may or may not have been processed
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

  /** Whether trying the same thing again later can help (false for a bad key or bad input). */
  get retryable(): boolean {
    return !['auth', 'invalid', 'not-found', 'config', 'cancelled'].includes(this.kind);
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

export function isTelnyxError(e: unknown): e is TelnyxError {
  return e instanceof TelnyxError;
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

export function errorFromStatus(status: number, body: string, what: string): TelnyxError {
  const items = parseErrorItems(body);
  const kind =
    status === 401 || status === 403 ? 'auth'
    : status === 404 ? 'not-found'
    : status === 400 || status === 422 ? 'invalid'
    : status === 429 ? 'rate-limited'
    : status >= 500 ? 'server'
    : 'invalid';
  const head = STATUS_WORDS[status] ?? (status >= 500 ? `Telnyx had a server error (${status})` : `Unexpected answer (${status})`);
  const details = formatDetails(items);
  const message = `${what}: ${head}${details.length ? ` — ${details.join('; ')}` : ''}`;
  return new TelnyxError(kind, message, status, items);
}
