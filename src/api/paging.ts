// Page-number pagination: reading one page's envelope, a record's identity, and newest-first order.

import { TelnyxError } from './errors';
import { recordTime, type Timed } from './recordTime';
import type { Page } from './types';

export interface Identified extends Timed {
  id?: string | null;
}

/** Reads `{data, meta}`; a body of the wrong shape is a clear error, missing meta is tolerated. */
export function toPage<T extends Identified>(body: unknown, pageNumber: number, pageSize: number, what: string): Page<T> {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) {
    throw new TelnyxError('malformed', `Loading ${what}: the answer has no list of records in it.`);
  }
  const items: T[] = [];
  const malformed: string[] = [];
  data.forEach((x: unknown, i) => {
    const problem = recordProblem(x);
    if (problem) malformed.push(`Record ${i + 1} of page ${pageNumber} of ${what} could not be read: ${problem}.`);
    else items.push(x as T);
  });
  const meta = (body as { meta?: Record<string, unknown> }).meta ?? {};
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const number = num(meta.page_number) ?? pageNumber;
  const size = num(meta.page_size) ?? pageSize;
  const totalResults = num(meta.total_results);
  const totalPages =
    num(meta.total_pages) ??
    (totalResults !== undefined ? Math.ceil(totalResults / Math.max(1, size)) : data.length < size ? number : number + 1);
  return { items, malformed, pageNumber: number, pageSize: size, totalPages, totalResults: totalResults ?? data.length };
}

/** Why one list entry is not a record we can show, or undefined when it is one. */
function recordProblem(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return `expected an object, got ${x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x}`;
  const id = (x as { id?: unknown }).id;
  if (id !== undefined && id !== null && typeof id !== 'string') return `its id is a ${typeof id}, not a string`;
  return undefined;
}

/**
 * What tells two records apart: the id, or for a record without one (the spec marks no field required)
 * its content. Equal content is the same record seen twice; the tree's node ids are built from this, so
 * they stay unique and stable across refreshes.
 */
export function recordKey(record: Identified): string {
  if (record.id) return record.id;
  return `no-id-${hash(JSON.stringify(record))}`;
}

/** FNV-1a, 32 bits, as hex: short, stable, and enough to tell apart the few id-less records of one list. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Newest first by recordTime; records without a time keep their relative place at the end. */
export function newestFirst<T extends Identified>(items: readonly T[]): T[] {
  // Each time is computed once, not per comparison: the tree sorts everything loaded on every render.
  const timed = items.map((item, i) => {
    const t = recordTime(item);
    return { item, i, t: Number.isNaN(t) ? -Infinity : t };
  });
  // Lists usually arrive sorted already; then there is nothing to sort.
  if (timed.every((x, k) => k === 0 || timed[k - 1]!.t >= x.t)) return timed.map((x) => x.item);
  return timed.sort((a, b) => b.t - a.t || a.i - b.i).map((x) => x.item);
}
