// Telnyx error envelopes (API.md §9): `{ errors: [{ code (string), title, detail, source?, meta? }] }`.
// Codes and titles follow Telnyx's published error-code list.

export interface TelnyxError {
  code: string;
  title: string;
  detail: string;
  source?: { pointer?: string; parameter?: string };
  meta?: { url: string };
}

export interface ErrorBody {
  errors: TelnyxError[];
}

const docUrl = (code: string): { url: string } => ({ url: `https://developers.telnyx.com/docs/overview/errors/${code}` });

/** Exactly the body Telnyx sends for a missing or wrong API key. */
export const AUTH_FAILED: ErrorBody = {
  errors: [
    {
      code: '10009',
      title: 'Authentication failed',
      detail: 'The required authentication headers were either invalid or not included in the request.',
    },
  ],
};

export function notFound(detail = 'The requested resource or URL could not be found.'): ErrorBody {
  return { errors: [{ code: '10005', title: 'Resource not found', detail, meta: docUrl('10005') }] };
}

/** A bad query parameter: `source.parameter` names it, as the spec's Error schema allows. */
export function invalidParameter(parameter: string, detail: string): TelnyxError {
  return { code: '10015', title: 'Bad Request', detail, source: { parameter }, meta: docUrl('10015') };
}

/** A bad field of a request body: `source.pointer` points at it (`/body`, `/reason`), as Telnyx's 422s do. */
export function invalidField(pointer: string, detail: string, title = 'Invalid value'): TelnyxError {
  return { code: '10015', title, detail, source: { pointer }, meta: docUrl('10015') };
}

/** A request body that is not JSON at all. */
export function malformedBody(): ErrorBody {
  return { errors: [{ code: '10015', title: 'Bad Request', detail: 'The request body is not valid JSON.', source: { pointer: '/' }, meta: docUrl('10015') }] };
}

/** The default body for an injected fault with this status. */
export function errorForStatus(status: number, detail?: string): ErrorBody {
  const one = (code: string, title: string, fallback: string, extra: Partial<TelnyxError> = {}): ErrorBody => ({
    errors: [{ code, title, detail: detail ?? fallback, ...extra, meta: docUrl(code) }],
  });
  switch (status) {
    case 400:
      return one('10015', 'Bad Request', 'The request failed because it was not well-formed.');
    case 401:
      return detail === undefined ? AUTH_FAILED : one('10009', 'Authentication failed', detail);
    case 403:
      return one('10010', 'Authorization failed', 'You do not have permission to perform the requested action on the specified resource or resources.');
    case 404:
      return notFound(detail);
    case 408:
      return one('10008', 'Request timeout', 'The request timed out.');
    case 422:
      return one('10015', 'Bad Request', 'Injected validation failure.', { source: { pointer: '/' } });
    case 429:
      return one('10011', 'Too many requests', 'You have exceeded the maximum number of allowed requests.');
    case 502:
      return one('10007', 'Bad gateway', 'The upstream service returned an invalid response.');
    case 503:
      return one('10007', 'Service unavailable', 'The service is temporarily unavailable. Please try again later.');
    default:
      return one('10007', 'Unexpected error', 'An unexpected error occured.'); // sic, Telnyx's wording
  }
}
