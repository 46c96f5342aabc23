// How each direction looks: words for its statuses and event types, codicons and theme colours, its root's
// icon and tooltip. The wire's facts are in ../api/directions.ts; this is the other half of a direction's
// entry. Ids are plain strings so this stays vscode-free; the tree turns them into ThemeIcons.

import type { Direction, DirectionId } from '../api/directions';
import type { StatusColor } from './statusColors';

/** How a status looks: a codicon id and a status colour (see statusColors.ts). */
export interface StatusLook {
  label: string;
  icon: string;
  color: StatusColor;
}

export interface DirectionLooks {
  /** Codicon of the direction's root. */
  rootIcon: string;
  rootTooltip: string;
  /**
   * Keyed by the status values the API sends (API.md). The wire needs no list of them: status filters send
   * whatever was picked, so these keys are the one list, and Filter by Status offers them.
   */
  statuses: Readonly<Record<string, StatusLook>>;
  /** Words for the event types the API sends, keyed by type; other types are worded from their name. */
  eventTypes: Readonly<Record<string, string>>;
}

const UNKNOWN_STATUS: StatusLook = { label: 'Unknown status', icon: 'question', color: 'inactive' };

// Keyed by DirectionId, so a direction added to the wire table without its looks does not compile.
const LOOKS: Readonly<Record<DirectionId, DirectionLooks>> = {
  portin: {
    rootIcon: 'arrow-circle-down',
    rootTooltip: 'Porting orders: numbers moving to Telnyx',
    statuses: {
      draft: { label: 'Draft', icon: 'edit', color: 'inactive' },
      'in-process': { label: 'In process', icon: 'sync', color: 'inProgress' },
      submitted: { label: 'Submitted', icon: 'send', color: 'inProgress' },
      exception: { label: 'Exception', icon: 'warning', color: 'exception' },
      'foc-date-confirmed': { label: 'FOC date confirmed', icon: 'calendar', color: 'focConfirmed' },
      ported: { label: 'Ported', icon: 'pass-filled', color: 'ported' },
      cancelled: { label: 'Cancelled', icon: 'circle-slash', color: 'inactive' },
      'cancel-pending': { label: 'Cancel pending', icon: 'clock', color: 'pending' },
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
  },
  portout: {
    rootIcon: 'arrow-circle-up',
    rootTooltip: 'Port-outs: numbers moving away from Telnyx',
    statuses: {
      pending: { label: 'Pending', icon: 'clock', color: 'pending' },
      authorized: { label: 'Authorized', icon: 'verified', color: 'inProgress' },
      ported: { label: 'Ported', icon: 'pass-filled', color: 'ported' },
      rejected: { label: 'Rejected', icon: 'error', color: 'rejected' },
      'rejected-pending': { label: 'Rejected (pending)', icon: 'warning', color: 'exception' },
      canceled: { label: 'Canceled', icon: 'circle-slash', color: 'inactive' },
    },
    eventTypes: {
      'portout.status_changed': 'Status changed',
      'portout.new_comment': 'New comment',
      'portout.foc_date_changed': 'FOC date changed',
    },
  },
};

export function looksOf(dir: Direction): DirectionLooks {
  return LOOKS[dir.id];
}

export function statusLook(dir: Direction, status: string | undefined | null): StatusLook {
  if (!status) return UNKNOWN_STATUS;
  return looksOf(dir).statuses[status] ?? { ...UNKNOWN_STATUS, label: status };
}
