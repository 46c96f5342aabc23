// Port-in and port-out differ only in data: paths, filter names, status enums and words.
// Everything that varies between them lives in this table so the code that uses it is written once.

import type { Order, PortingEvent, PortingOrder, PortoutDetails } from './types';

export type DirectionId = 'portin' | 'portout';

/** How a status looks: a codicon id and a theme colour id, kept as plain strings so this file stays vscode-free. */
export interface StatusLook {
  label: string;
  icon: string;
  color: string;
}

export interface Direction {
  id: DirectionId;
  label: string;
  /** List and show path of the orders, relative to the base URL. */
  ordersPath: string;
  /** Candidate paths of the events endpoints, first the spec's, then fallbacks tried on a 404 (see API.md). */
  eventsPaths: readonly string[];
  /** Query filter naming the order whose events we want. */
  eventOrderFilter: string;
  /** Query filter for the event type (port-in says `type`, port-out `event_type`). */
  eventTypeFilter: string;
  /** Field of an event holding its order id. */
  eventOrderField: 'porting_order_id' | 'portout_id';
  /** Extra query sent with every order list request. */
  orderListQuery: Readonly<Record<string, string>>;
  statuses: Readonly<Record<string, StatusLook>>;
  eventTypes: Readonly<Record<string, string>>;
  notificationMethods: readonly string[];
  statusOf(order: Order): string | undefined;
}

const UNKNOWN_STATUS: StatusLook = { label: 'Unknown status', icon: 'question', color: 'disabledForeground' };

export const PORT_IN: Direction = {
  id: 'portin',
  label: 'Port-in',
  ordersPath: 'porting_orders',
  eventsPaths: ['porting/events'],
  eventOrderFilter: 'filter[porting_order_id]',
  eventTypeFilter: 'filter[type]',
  eventOrderField: 'porting_order_id',
  // Newest orders first; the API's default is the same, but saying it keeps pages stable if that default changes.
  orderListQuery: { 'sort[value]': '-created_at' },
  statuses: {
    draft: { label: 'Draft', icon: 'edit', color: 'disabledForeground' },
    'in-process': { label: 'In process', icon: 'sync', color: 'charts.blue' },
    submitted: { label: 'Submitted', icon: 'send', color: 'charts.blue' },
    exception: { label: 'Exception', icon: 'warning', color: 'charts.orange' },
    'foc-date-confirmed': { label: 'FOC date confirmed', icon: 'calendar', color: 'charts.purple' },
    ported: { label: 'Ported', icon: 'pass-filled', color: 'charts.green' },
    cancelled: { label: 'Cancelled', icon: 'circle-slash', color: 'disabledForeground' },
    'cancel-pending': { label: 'Cancel pending', icon: 'clock', color: 'charts.yellow' },
  },
  eventTypes: {
    'porting_order.status_changed': 'Status changed',
    'porting_order.new_comment': 'New comment',
    'porting_order.messaging_changed': 'Messaging changed',
    'porting_order.split': 'Order split',
    'porting_order.deleted': 'Order deleted',
    'porting_order.loa_updated': 'LOA updated',
    'porting_order.sharing_token_expired': 'Sharing token expired',
  },
  notificationMethods: ['email', 'webhook', 'webhook_v1'],
  statusOf: (order) => (order as PortingOrder).status?.value ?? undefined,
};

export const PORT_OUT: Direction = {
  id: 'portout',
  label: 'Port-out',
  ordersPath: 'portouts',
  // The spec and every SDK say `portouts/events`; Telnyx's guide says `portout/events`.
  eventsPaths: ['portouts/events', 'portout/events'],
  eventOrderFilter: 'filter[portout_id]',
  eventTypeFilter: 'filter[event_type]',
  eventOrderField: 'portout_id',
  orderListQuery: {},
  statuses: {
    pending: { label: 'Pending', icon: 'clock', color: 'charts.yellow' },
    authorized: { label: 'Authorized', icon: 'verified', color: 'charts.blue' },
    ported: { label: 'Ported', icon: 'pass-filled', color: 'charts.green' },
    rejected: { label: 'Rejected', icon: 'error', color: 'charts.red' },
    'rejected-pending': { label: 'Rejected (pending)', icon: 'warning', color: 'charts.orange' },
    canceled: { label: 'Canceled', icon: 'circle-slash', color: 'disabledForeground' },
  },
  eventTypes: {
    'portout.status_changed': 'Status changed',
    'portout.new_comment': 'New comment',
    'portout.foc_date_changed': 'FOC date changed',
  },
  notificationMethods: ['email', 'webhook'],
  statusOf: (order) => (order as PortoutDetails).status ?? undefined,
};

export const DIRECTIONS: readonly Direction[] = [PORT_IN, PORT_OUT];

export function direction(id: DirectionId): Direction {
  return id === 'portin' ? PORT_IN : PORT_OUT;
}

export function isDirectionId(value: unknown): value is DirectionId {
  return value === 'portin' || value === 'portout';
}

export function statusLook(dir: Direction, status: string | undefined | null): StatusLook {
  if (!status) return UNKNOWN_STATUS;
  return dir.statuses[status] ?? { ...UNKNOWN_STATUS, label: status };
}

export function eventOrderId(dir: Direction, event: PortingEvent): string | undefined {
  return event[dir.eventOrderField] ?? undefined;
}
