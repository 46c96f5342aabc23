// One scheduled tick of one window, put together: take or renew the lease (only the leader polls), read what is
// new, keep what notifies, and claim it so no other window notifies it too. Then how to show it: one
// notification per event, or one for a burst. The VS Code side calls this from its timer (see schedule.ts for
// when) and turns the outcome into tree updates, a badge and notifications.

import type { Order } from '../api/types';
import { type ActionContext, type ActionKind, DEFAULT_NOTIFY_KINDS, needsAction, notificationLine, notifies, summarize } from '../presentation/needsAction';
import type { EventWatcher, TickResult, WatchedEvent } from './eventWatcher';
import type { Leader } from './leader';

export interface WatchTickInput {
  watcher: EventWatcher;
  leader: Leader;
  focused: boolean;
  /** How long the lease lasts from now: a few of this window's intervals (leaseMsFor). */
  leaseMs: number;
  signal: AbortSignal;
  /** Kinds that notify; default DEFAULT_NOTIFY_KINDS. */
  kinds?: readonly ActionKind[];
  context?: ActionContext;
  /** Whether an event may notify at all, e.g. only events of watched orders. Default: every event. */
  mayNotify?: (item: WatchedEvent) => boolean;
  /** Why this window must not poll (leaseRefusal): it then gives up the lease and reads nothing. */
  refused?: string;
}

export interface WatchTickOutcome {
  /** False: another window polls; nothing was read. */
  leading: boolean;
  /** The watcher's tick, when this window polled: every new and completed event, for the tree and the badge. */
  result?: TickResult;
  /**
   * What to notify now, newest first: new events and events whose payload was just generated, of a kind that
   * notifies, claimed by this window. An event with a payload not generated yet is kind 'payload-pending', so
   * it notifies (once) when it completes, by its real kind.
   */
  notify: WatchedEvent[];
}

export async function watchTick(input: WatchTickInput): Promise<WatchTickOutcome> {
  const lease = { focused: input.focused, leaseMs: input.leaseMs, ...(input.refused === undefined ? {} : { refused: input.refused }) };
  if (!(await input.leader.acquire(lease))) return { leading: false, notify: [] };
  const result = await input.watcher.tick(input.signal);
  const kinds = input.kinds ?? DEFAULT_NOTIFY_KINDS;
  const candidates = [...result.fresh, ...result.completed].filter(
    (w) => !!w.event.id && notifies(needsAction(w.direction, w.event, input.context), kinds) && (input.mayNotify?.(w) ?? true),
  );
  const claimed = new Set(await input.leader.claim(candidates.map((w) => w.event.id!)));
  const notify: WatchedEvent[] = [];
  for (const w of candidates) {
    if (claimed.delete(w.event.id!)) notify.push(w);
  }
  return { leading: true, result, notify };
}

export type NotificationPlan =
  /** One notification per event (actions: Open Event, Reveal Order). */
  | { kind: 'each'; items: { item: WatchedEvent; line: string }[] }
  /** One notification for the burst (e.g. an action that reveals Recent events). */
  | { kind: 'burst'; line: string; items: WatchedEvent[] };

/**
 * How to show what notifies: up to `maxSeparate` (default 3) as one notification each, more as one line for the
 * burst, counted over every new event of the tick ("5 port-in events, 2 need action"). `orderOf` gives an
 * event's order when it is loaded, for its name.
 */
export function planNotifications(
  notify: readonly WatchedEvent[],
  fresh: readonly WatchedEvent[],
  opts: { maxSeparate?: number; orderOf?: (item: WatchedEvent) => Order | undefined; kinds?: readonly ActionKind[]; context?: ActionContext } = {},
): NotificationPlan | undefined {
  if (notify.length === 0) return undefined;
  if (notify.length <= (opts.maxSeparate ?? 3)) {
    return { kind: 'each', items: notify.map((item) => ({ item, line: notificationLine(item.direction, item.event, opts.orderOf?.(item), opts.context) })) };
  }
  // The burst line counts the new events; completed ones that notify are counted in as well.
  const freshIds = new Set(fresh.map((f) => f.event.id));
  const all = [...fresh, ...notify.filter((n) => !freshIds.has(n.event.id))];
  return { kind: 'burst', line: summarize(all, opts.kinds, opts.context), items: [...notify] };
}
