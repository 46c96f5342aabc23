// What an API handler returns, before the server writes it (and before faults may mangle it).

import type { TelnyxError } from './errors';
import { notFound } from './errors';
import type { SandboxStore } from './store';

export interface ApiRequest {
  method: string;
  /** Path below /v2, e.g. "/porting/events". */
  path: string;
  query: URLSearchParams;
  store: SandboxStore;
  /** Answer as usual but change nothing (no republish recorded, no events inserted): the request "never arrived". */
  dryRun: boolean;
}

export interface ApiResponse {
  status: number;
  /** Serialised as JSON; absent means an empty body (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): ApiResponse => ({ status: 200, body });
export const noContent = (): ApiResponse => ({ status: 204 });
export const missing = (detail?: string): ApiResponse => ({ status: 404, body: notFound(detail) });
export const unprocessable = (errors: TelnyxError[]): ApiResponse => ({ status: 422, body: { errors } });
