// How each direction looks: words for its statuses and event types, codicons and theme colours, its root's
// icon and tooltip. The wire's facts are in ../api/directions.ts; this is the other half of a direction's
// entry. Ids are plain strings so this stays vscode-free; the tree turns them into ThemeIcons.

import * as l10n from '@vscode/l10n';
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

/**
 * A look whose label is looked up in the user's language each time it is read: the table is built when the module
 * loads, before the extension has told l10n which language that is.
 */
function look(label: () => string, icon: string, color: StatusColor): StatusLook {
  return {
    get label() {
      return label();
    },
    icon,
    color,
  };
}

/** Words keyed by event type, each looked up when read (see look). */
function words(table: Readonly<Record<string, () => string>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, word] of Object.entries(table)) Object.defineProperty(out, key, { get: word, enumerable: true });
  return out;
}

const UNKNOWN_STATUS: StatusLook = look(() => l10n.t('Unknown status'), 'question', 'inactive');

// Keyed by DirectionId, so a direction added to the wire table without its looks does not compile.
const LOOKS: Readonly<Record<DirectionId, DirectionLooks>> = {
  portin: {
    rootIcon: 'arrow-circle-down',
    get rootTooltip() {
      return l10n.t('Porting orders: numbers moving to Telnyx');
    },
    statuses: {
      draft: look(() => l10n.t('Draft'), 'edit', 'inactive'),
      'in-process': look(() => l10n.t('In process'), 'sync', 'inProgress'),
      submitted: look(() => l10n.t('Submitted'), 'send', 'inProgress'),
      exception: look(() => l10n.t('Exception'), 'warning', 'exception'),
      'foc-date-confirmed': look(() => l10n.t('FOC date confirmed'), 'calendar', 'focConfirmed'),
      ported: look(() => l10n.t('Ported'), 'pass-filled', 'ported'),
      cancelled: look(() => l10n.t('Cancelled'), 'circle-slash', 'inactive'),
      'cancel-pending': look(() => l10n.t('Cancel pending'), 'clock', 'pending'),
    },
    eventTypes: words({
      'porting_order.status_changed': () => l10n.t('Status changed'),
      'porting_order.new_comment': () => l10n.t('New comment'),
      'porting_order.messaging_changed': () => l10n.t('Messaging changed'),
      'porting_order.split': () => l10n.t('Order split'),
      'porting_order.deleted': () => l10n.t('Order deleted'),
      'porting_order.loa_updated': () => l10n.t('LOA updated'),
      'porting_order.sharing_token_expired': () => l10n.t('Sharing token expired'),
    }),
  },
  portout: {
    rootIcon: 'arrow-circle-up',
    get rootTooltip() {
      return l10n.t('Port-outs: numbers moving away from Telnyx');
    },
    statuses: {
      pending: look(() => l10n.t('Pending'), 'clock', 'pending'),
      authorized: look(() => l10n.t('Authorized'), 'verified', 'inProgress'),
      ported: look(() => l10n.t('Ported'), 'pass-filled', 'ported'),
      rejected: look(() => l10n.t('Rejected'), 'error', 'rejected'),
      'rejected-pending': look(() => l10n.t('Rejected (pending)'), 'warning', 'exception'),
      canceled: look(() => l10n.t('Canceled'), 'circle-slash', 'inactive'),
    },
    eventTypes: words({
      'portout.status_changed': () => l10n.t('Status changed'),
      'portout.new_comment': () => l10n.t('New comment'),
      'portout.foc_date_changed': () => l10n.t('FOC date changed'),
    }),
  },
};

export function looksOf(dir: Direction): DirectionLooks {
  return LOOKS[dir.id];
}

export function statusLook(dir: Direction, status: string | undefined | null): StatusLook {
  if (!status) return UNKNOWN_STATUS;
  return looksOf(dir).statuses[status] ?? { ...UNKNOWN_STATUS, label: status };
}
