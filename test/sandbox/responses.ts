// What an API handler returns, before the server writes it (and before faults may mangle it).

import type { TelnyxError } from './errors';
import { notFound } from './errors';
import type { SandboxStore } from './store';

export interface ApiRequest {
  method: string;
  /** Path below /v2, e.g. "/porting/events". */
  path: string;
  query: URLSearchParams;
  /** The request body as text (POST, PATCH); undefined when none was sent. */
  body?: string;
  store: SandboxStore;
  /** Answer as usual but change nothing (no republish recorded, no events inserted): the request "never arrived". */
  dryRun: boolean;
}

export interface ApiResponse {
  status: number;
  /** Serialised as JSON; absent means an empty body (204). */
  body?: unknown;
  /** A JSON body already serialised (takes the place of `body`). */
  raw?: string;
  headers?: Record<string, string>;
}

/**
 * A list page from records whose JSON text is already known. Seeded records never change, so the text of
 * each is made once: a server that re-serialises megabytes per page would burn the CPU the client under
 * test shares on this machine, which a real API's servers do not.
 */
export const okPage = (texts: readonly string[], meta: unknown): ApiResponse => ({
  status: 200,
  raw: `{"data":[${texts.join(',')}],"meta":${JSON.stringify(meta)}}`,
});

export const ok = (body: unknown): ApiResponse => ({ status: 200, body });
export const noContent = (): ApiResponse => ({ status: 204 });
export const missing = (detail?: string): ApiResponse => ({ status: 404, body: notFound(detail) });
export const unprocessable = (errors: TelnyxError[]): ApiResponse => ({ status: 422, body: { errors } });
export const created = (body: unknown): ApiResponse => ({ status: 201, body });

const texts = new WeakMap<object, string>();

/** The JSON text of a record that never changes once made (seeded or inserted events), made once. */
export function jsonOf(record: object): string {
  let text = texts.get(record);
  if (text === undefined) texts.set(record, (text = JSON.stringify(record)));
  return text;
}
