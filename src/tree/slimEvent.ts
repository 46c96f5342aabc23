// The tree's storage format for events: what it keeps of each one it lists. Plain Node (no vscode), so it
// is tested next to the labels it must keep reading the same.

import type { PortingEvent } from '../api/types';
import { commentText, payloadField } from '../presentation/recordFields';

/**
 * What the tree keeps of an event: the fields labels, tooltips and commands read, and of the payload only
 * the parts that go into words. Payloads can be large and documents fetch them fresh, so a tree of tens of
 * thousands of events stays small.
 */
export function slimEvent(event: PortingEvent): PortingEvent {
  const comment = commentText(event);
  const status = payloadField(event, 'status');
  // Only the keys that carry something: at tens of thousands of events, empty keys add up.
  const slim: Record<string, unknown> = {};
  if (typeof status === 'object' && status !== null) slim.status = { value: (status as { value?: unknown }).value };
  else if (status !== undefined) slim.status = status;
  const foc = payloadField(event, 'foc_date');
  if (foc !== undefined) slim.foc_date = foc;
  const messaging = payloadField(event, 'messaging', 'messaging_port_status');
  if (messaging !== undefined) slim.messaging = { messaging_port_status: messaging };
  if (comment !== undefined) slim.comment = { body: comment.length > 500 ? `${comment.slice(0, 500)}…` : comment };
  const reason = payloadField(event, 'rejection_reason');
  if (reason !== undefined) slim.rejection_reason = reason;
  // An event without a top-level created_at (porting_order.deleted) is placed and labelled by its payload's times.
  if (!event.created_at) {
    for (const k of ['deleted_at', 'created_at', 'updated_at']) {
      const v = payloadField(event, k);
      if (v !== undefined) slim[k] = v;
    }
  }
  const out: PortingEvent = {
    id: event.id,
    event_type: event.event_type,
    payload_status: event.payload_status,
    available_notification_methods: event.available_notification_methods,
    created_at: event.created_at,
    ...(event.created_at ? {} : { updated_at: event.updated_at }),
    payload: event.payload === null || event.payload === undefined ? event.payload : slim,
  };
  if (event.porting_order_id !== undefined) out.porting_order_id = event.porting_order_id;
  if (event.portout_id !== undefined) out.portout_id = event.portout_id;
  return out;
}
