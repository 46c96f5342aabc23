// One page of a list as Telnyx answers it, `{data, meta}`, read defensively: the spec marks no field
// required, so missing meta is derived and entries that are not records are reported, not fatal.

import * as l10n from '@vscode/l10n';
import { TelnyxError } from './errors';
import type { Identified } from './records';
import type { Page } from './types';

/** Reads `{data, meta}`; a body of the wrong shape is a clear error, missing meta is tolerated. */
export function toPage<T extends Identified>(body: unknown, pageNumber: number, pageSize: number, what: string): Page<T> {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) {
    throw new TelnyxError('malformed', l10n.t('Loading {0}: the answer has no list of records in it.', what));
  }
  const items: T[] = [];
  const malformed: string[] = [];
  data.forEach((x: unknown, i) => {
    const problem = recordProblem(x);
    if (problem) malformed.push(l10n.t('Record {0} of page {1} of {2} could not be read: {3}.', i + 1, pageNumber, what, problem));
    else items.push(x as T);
  });
  const meta = (body as { meta?: Record<string, unknown> }).meta ?? {};
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const number = num(meta.page_number) ?? pageNumber;
  const size = num(meta.page_size) ?? pageSize;
  const totalResults = num(meta.total_results);
  const byResults = totalResults !== undefined ? Math.ceil(totalResults / Math.max(1, size)) : undefined;
  const reported = num(meta.total_pages);
  // When both are given the smaller wins: pages past what total_results fills could only repeat or be empty, and an
  // answer claiming 10^9 pages of a short list would otherwise send a scan after every one of them.
  const totalPages =
    reported !== undefined && byResults !== undefined ? Math.min(reported, byResults) : (reported ?? byResults ?? (data.length < size ? number : number + 1));
  return { items, malformed, pageNumber: number, pageSize: size, totalPages, totalResults: totalResults ?? data.length };
}

/** Why one list entry is not a record we can show, or undefined when it is one. */
function recordProblem(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    // null and JavaScript's type names are what the API sent, not words to translate.
    return Array.isArray(x) ? l10n.t('expected an object, got an array') : l10n.t('expected an object, got {0}', x === null ? 'null' : typeof x);
  }
  const id = (x as { id?: unknown }).id;
  if (id !== undefined && id !== null && typeof id !== 'string') return l10n.t('its id is a {0}, not a string', typeof id);
  return undefined;
}
