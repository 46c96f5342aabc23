// Words and Markdown for orders and events, kept free of vscode so they are tested in plain Node.
// All text from the API is untrusted: it is escaped before it goes into Markdown.

import { type Direction, type StatusLook, statusLook } from './directions';
import { recordTimeText } from './recordTime';
import type { Order, PortingEvent, PortingOrder, PortoutDetails } from './types';

export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return 'unknown time';
  const s = Math.round((now - t) / 1000);
  const future = s < 0;
  const a = Math.abs(s);
  const [n, unit] =
    a < 45 ? [0, 'now'] : a < 3600 ? [Math.round(a / 60), 'min'] : a < 86400 ? [Math.round(a / 3600), 'h'] : a < 86400 * 45 ? [Math.round(a / 86400), 'd'] : a < 86400 * 365 ? [Math.round(a / (86400 * 30)), 'mo'] : [Math.round(a / (86400 * 365)), 'y'];
  if (unit === 'now') return 'just now';
  return future ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

/** Escapes text so Markdown renders it literally: no links, no command URIs, no HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, '  \n');
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : 'no id';
}

export function orderNumbers(dir: Direction, order: Order): string[] {
  if (dir.id === 'portin') {
    return ((order as PortingOrder).phone_numbers ?? []).map((p) => p?.phone_number).filter((p): p is string => !!p);
  }
  return ((order as PortoutDetails).phone_numbers ?? []).filter((p): p is string => typeof p === 'string' && p !== '');
}

function numberCount(dir: Direction, order: Order): number {
  const count = dir.id === 'portin' ? (order as PortingOrder).porting_phone_numbers_count : undefined;
  return typeof count === 'number' ? count : orderNumbers(dir, order).length;
}

function numbersSummary(dir: Direction, order: Order): string | undefined {
  const numbers = orderNumbers(dir, order);
  const count = Math.max(numberCount(dir, order), numbers.length);
  if (numbers.length === 0) return count > 0 ? `${count} number${count === 1 ? '' : 's'}` : undefined;
  return count > 1 ? `${numbers[0]} (+${count - 1})` : numbers[0];
}

function orderReference(dir: Direction, order: Order): string | undefined {
  if (dir.id === 'portin') {
    const o = order as PortingOrder;
    return str(o.customer_reference) ?? str(o.support_key) ?? str(o.end_user?.admin?.entity_name);
  }
  const o = order as PortoutDetails;
  return str(o.support_key) ?? str(o.end_user_name) ?? str(o.pon);
}

export interface OrderView {
  label: string;
  description: string;
  status: StatusLook;
  statusValue: string;
  tooltip: string;
}

export function orderView(dir: Direction, order: Order, now: number = Date.now()): OrderView {
  const raw = dir.statusOf(order);
  const statusValue = raw ?? 'unknown';
  const status = statusLook(dir, raw);
  const parts = [numbersSummary(dir, order), orderReference(dir, order)].filter((s): s is string => !!s);
  const label = parts.length ? parts.join(' · ') : `${dir.label} order ${shortId(order.id)}`;
  const when = order.updated_at ?? order.created_at;
  return {
    label,
    description: `${status.label} · ${relativeTime(when, now)}`,
    status,
    statusValue,
    // A getter: labels are read on every render, tooltips only on hover.
    get tooltip() {
      return orderTooltip(dir, order, status);
    },
  };
}

function line(name: string, value: unknown): string | undefined {
  const v = str(value);
  return v === undefined ? undefined : `**${name}:** ${escapeMarkdown(v)}`;
}

function orderTooltip(dir: Direction, order: Order, status: StatusLook): string {
  const lines: (string | undefined)[] = [`**${escapeMarkdown(dir.label)} order** — ${escapeMarkdown(status.label)}`, ''];
  if (dir.id === 'portin') {
    const o = order as PortingOrder;
    for (const d of o.status?.details ?? []) {
      lines.push(`- ${escapeMarkdown([str(d?.code), str(d?.description)].filter(Boolean).join(': '))}`);
    }
    lines.push(
      line('Customer reference', o.customer_reference),
      line('Support key', o.support_key),
      line('Parent support key', o.parent_support_key),
      line('End user', o.end_user?.admin?.entity_name),
      line('FOC requested', o.activation_settings?.foc_datetime_requested),
      line('FOC actual', o.activation_settings?.foc_datetime_actual),
      line('Type', o.misc?.type),
    );
  } else {
    const o = order as PortoutDetails;
    lines.push(
      line('Rejection reason', o.reason),
      line('Rejection code', o.rejection_code),
      line('Support key', o.support_key),
      line('Winning carrier', o.carrier_name),
      line('SPID', o.spid),
      line('PON', o.pon),
      line('FOC date', o.foc_date),
      line('Requested FOC date', o.requested_foc_date),
      line('End user', o.end_user_name),
    );
  }
  const numbers = orderNumbers(dir, order);
  const count = numberCount(dir, order);
  if (numbers.length) {
    const shown = numbers.slice(0, 10).map(escapeMarkdown).join(', ');
    lines.push(`**Numbers (${count}):** ${shown}${count > 10 ? ', …' : ''}`);
  }
  lines.push(line('Created', order.created_at), line('Updated', order.updated_at), line('Id', order.id));
  return lines.filter((l): l is string => l !== undefined).join('  \n');
}

const EVENT_ICONS: Record<string, string> = {
  new_comment: 'comment',
  messaging_changed: 'mail',
  split: 'split-horizontal',
  deleted: 'trash',
  loa_updated: 'file-text',
  sharing_token_expired: 'key',
  foc_date_changed: 'calendar',
  status_changed: 'arrow-swap',
};

export interface EventView {
  label: string;
  description: string;
  icon: string;
  /** Theme colour id for the icon, when the event carries a status. */
  color?: string;
  tooltip: string;
  known: boolean;
}

/** Where a status-changed event keeps its new status: `payload.status` or `payload.status.value`. */
function payloadStatus(event: PortingEvent): string | undefined {
  const p = event.payload as { status?: unknown } | null | undefined;
  const s = p?.status;
  if (typeof s === 'string') return s;
  if (typeof s === 'object' && s !== null) return str((s as { value?: unknown }).value);
  return undefined;
}

function payloadField(event: PortingEvent, ...path: string[]): unknown {
  let v: unknown = event.payload;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** "porting_order.some_new_thing" → "Some new thing": unknown types still read as words. */
function humanize(type: string): string {
  const tail = type.split('.').pop() ?? type;
  const words = tail.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : type;
}

export function eventView(dir: Direction, event: PortingEvent, now: number = Date.now()): EventView {
  const type = str(event.event_type) ?? 'unknown';
  const base = dir.eventTypes[type];
  const suffix = type.split('.').pop() ?? '';
  let label = base ?? humanize(type);
  let color: string | undefined;
  if (suffix === 'status_changed') {
    const s = payloadStatus(event);
    if (s) {
      label += ` → ${s}`;
      color = statusLook(dir, s).color;
    }
  } else if (suffix === 'foc_date_changed') {
    const foc = str(payloadField(event, 'foc_date'));
    if (foc) label += ` → ${foc.slice(0, 10)}`;
  } else if (suffix === 'messaging_changed') {
    const m = str(payloadField(event, 'messaging', 'messaging_port_status'));
    if (m) label += ` → ${m}`;
  }
  const payloadReady = event.payload_status !== 'created';
  const comment = suffix === 'new_comment' ? commentText(event) : undefined;
  const excerpt = comment ? ` · ${comment.replace(/\s+/g, ' ').slice(0, 60)}${comment.length > 60 ? '…' : ''}` : '';
  const description = `${relativeTime(recordTimeText(event), now)}${payloadReady ? excerpt : ' · payload not generated yet'}`;
  return {
    label,
    description,
    icon: EVENT_ICONS[suffix] ?? 'symbol-event',
    color,
    get tooltip() {
      return eventTooltip(dir, event, label);
    },
    known: base !== undefined,
  };
}

/** The text of a comment event, for the tooltip. */
function commentText(event: PortingEvent): string | undefined {
  return str(payloadField(event, 'comment', 'body')) ?? str(payloadField(event, 'comment'));
}

function eventTooltip(dir: Direction, event: PortingEvent, label: string): string {
  const lines: (string | undefined)[] = [`**${escapeMarkdown(label)}**`, ''];
  const comment = commentText(event);
  if (comment) lines.push(`> ${escapeMarkdown(comment.length > 500 ? `${comment.slice(0, 500)}…` : comment)}`, '');
  const reason = str(payloadField(event, 'rejection_reason'));
  if (reason) lines.push(line('Rejection reason', reason));
  lines.push(
    line('Type', event.event_type),
    line(event.created_at ? 'Created' : 'Time', recordTimeText(event)),
    line('Payload', event.payload_status === 'created' ? 'not generated yet (created)' : (event.payload_status ?? 'unknown')),
    line('Notifications', (event.available_notification_methods ?? []).join(', ')),
    line('Event id', event.id),
    line('Order id', event[dir.eventOrderField]),
  );
  return lines.filter((l): l is string => l !== undefined).join('  \n');
}

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
