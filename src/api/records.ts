// What a record is to the lists: when it happened (what lists are ordered by and "5 min ago" is measured
// from), what tells two records apart, and newest-first order.
//
// The spec marks no field required, and its `porting_order.deleted` event has no top-level `created_at`
// (only `payload.deleted_at` / `payload.updated_at`), so the time is looked for where each shape keeps it.

export interface Timed {
  created_at?: string | null;
  updated_at?: string | null;
  payload?: unknown;
}

function parsed(value: unknown): number {
  return typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : NaN;
}

/** The record's ISO time as sent, or undefined when it carries none that parses. */
export function recordTimeText(record: Timed): string | undefined {
  const payload = typeof record.payload === 'object' && record.payload !== null ? (record.payload as Record<string, unknown>) : {};
  for (const value of [record.created_at, payload.deleted_at, payload.created_at, record.updated_at, payload.updated_at]) {
    if (!Number.isNaN(parsed(value))) return value as string;
  }
  return undefined;
}

/** Epoch ms of recordTimeText, NaN when there is none. */
export function recordTime(record: Timed): number {
  return parsed(recordTimeText(record));
}

export interface Identified extends Timed {
  id?: string | null;
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
