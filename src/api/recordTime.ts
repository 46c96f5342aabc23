// When a record happened, in epoch ms: what lists are ordered by and what "5 min ago" is measured from.
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
