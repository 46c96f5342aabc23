// What makes an order urgent now, from the order's own dates: a port-in in exception and for how long, a port-out
// waiting for the account's answer and for how long, a FOC date within 48 hours. Where the urgency is Telnyx policy
// rather than API data, the note says so. Rows, tooltips and the "Needs attention" group show these.

import * as l10n from '@vscode/l10n';
import type { Direction, DirectionId } from '../api/directions';
import type { Order } from '../api/types';
import { fieldText } from './recordFields';
import { span, spokenSpan } from './relativeTime';

export interface Attention {
  reason: 'exception' | 'awaiting-answer' | 'foc-soon';
  /** For a row's description: "exception for 9 d", "pending for 20 h", "FOC in 2 d". */
  label: string;
  /** The label said in words, for screen readers: "exception for 9 days", "FOC in 2 days". */
  spoken: string;
  /** Epoch ms the clock counts from (exception, pending) or to (FOC). */
  at: number;
  /** For the tooltip, where the deadline is Telnyx policy rather than API data, and where the clock's start is a guess. */
  note?: string;
}

const HOUR = 3_600_000;
/** A FOC date this close is urgent. */
export const FOC_SOON_MS = 48 * HOUR;

function time(v: unknown): number {
  const text = fieldText(v);
  return text === undefined ? NaN : Date.parse(text);
}

/**
 * What makes an order urgent now, most urgent first (empty when nothing): a port-in in exception (Telnyx
 * cancels one left without a response for about 14 days), a port-out waiting for the account's answer
 * (authorized automatically after 24–48 hours), a FOC date within 48 hours. Port-in exception time is
 * counted from the order's last update, the nearest the order's own dates come to when it entered exception.
 */
export function attentionOf(dir: Direction, order: Order, now: number): Attention[] {
  const out: Attention[] = [];
  const waiting = WAITING[dir.id];
  const since = time(dir.waitingSince(order));
  if (!Number.isNaN(since)) {
    out.push({ reason: waiting.reason, label: waiting.label(span(now - since)), spoken: waiting.label(spokenSpan(now - since)), at: since, note: waiting.note() });
  }
  pushFoc(out, time(dir.upcomingFoc(order)), now);
  return out;
}

/**
 * What waiting on the account means in each direction, in words, with the Telnyx policy behind its urgency.
 * Functions, not strings: the words are looked up in the user's language when used, never at load.
 */
const WAITING: Readonly<Record<DirectionId, { reason: Attention['reason']; label: (span: string) => string; note: () => string }>> = {
  portin: {
    reason: 'exception',
    label: (span) => l10n.t('exception for {0}', span),
    note: () => l10n.t("Counted from the order's last update. Telnyx's porting policy cancels a port request left in exception without a response for about 14 days (policy, not API data)."),
  },
  portout: {
    reason: 'awaiting-answer',
    label: (span) => l10n.t('pending for {0}', span),
    note: () => l10n.t("Telnyx's port-out guide: a request not answered within 24–48 hours is authorized automatically and proceeds on the requested FOC date (policy, not API data)."),
  },
};

function pushFoc(out: Attention[], at: number, now: number): void {
  if (Number.isNaN(at) || at < now || at - now > FOC_SOON_MS) return;
  out.push({ reason: 'foc-soon', label: l10n.t('FOC in {0}', span(at - now)), spoken: l10n.t('FOC in {0}', spokenSpan(at - now)), at });
}
