// Reading API fields for words. The spec marks no field required and types no payload, so every read copes
// with null, numbers and missing parts. The payload readers are also what the tree keeps of an event
// (../tree/slimEvent.ts): what is read here is what a slimmed event must still carry.

import type { PortingEvent } from '../api/types';

/** A field as text: a non-blank string, or a number; anything else is absent. */
export function fieldText(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function payloadField(event: PortingEvent, ...path: string[]): unknown {
  let v: unknown = event.payload;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Where a status-changed event keeps its new status: `payload.status` or `payload.status.value`. */
export function payloadStatus(event: PortingEvent): string | undefined {
  const p = event.payload as { status?: unknown } | null | undefined;
  const s = p?.status;
  if (typeof s === 'string') return s;
  if (typeof s === 'object' && s !== null) return fieldText((s as { value?: unknown }).value);
  return undefined;
}

/** The text of a comment event: `payload.comment.body` (port-in) or `payload.comment` (port-out). */
export function commentText(event: PortingEvent): string | undefined {
  return fieldText(payloadField(event, 'comment', 'body')) ?? fieldText(payloadField(event, 'comment'));
}
