// What a screen reader says for each row of the tree (TreeItem.accessibilityInformation): one sentence with
// what a sighted user gets from the label, the description, and the icon and its colour. Rows abbreviate
// ("3 h ago", "+1 (+2)", "→") and lean on icons (status, spinner, error); read aloud, "3 h" is "3 aitch" and
// an icon is nothing, so the sentence says it in words.

import type { Direction } from '../api/directions';
import type { ErrorView } from './errorView';
import type { EventView } from './eventView';
import type { OrderView } from './orderView';

const UNITS: Readonly<Record<string, string>> = { min: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' };

/**
 * "3 h ago" → "3 hours ago", "Exception for 9 d · FOC in 36 h" → "Exception for 9 days, FOC in 36 hours". For
 * the tree's own time words (relativeTime, span), not API text.
 */
export function spokenUnits(text: string): string {
  return text
    .replace(/\b(\d+) (min|h|d|mo|y)\b/g, (_, n: string, unit: string) => `${n} ${UNITS[unit]}${n === '1' ? '' : 's'}`)
    .split(' · ')
    .join(', ');
}

/** "no orders", "1 order", "24 orders". */
function count(n: number, noun: string): string {
  return n === 0 ? `no ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function sentence(parts: readonly (string | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join(', ');
}

/** "Port-in, 24 orders, filtered by Exception". */
export function spokenRoot(dir: Direction, total: number | undefined, filter: string | undefined): string {
  return sentence([dir.label, total !== undefined && count(total, 'order'), filter !== undefined && `filtered by ${filter}`]);
}

/** "Recent events: all Port-in events, newest first". */
export function spokenRecentEvents(dir: Direction): string {
  return `Recent events: all ${dir.label} events, newest first`;
}

/** "Needs attention, 3 orders": the count is known once the group has been opened. */
export function spokenAttention(total: number | undefined): string {
  return sentence(['Needs attention', total !== undefined && count(total, 'order')]);
}

/** "Watched, 2 orders". */
export function spokenWatched(watched: number): string {
  return sentence(['Watched', count(watched, 'order')]);
}

export interface OrderRowState {
  watched: boolean;
  /** What a search matched on the order ("customer reference"…). */
  matched?: readonly string[];
}

/** "+13125550100 and 2 more numbers, acme-001, Exception for 3 hours, FOC in 36 hours, watched". */
export function spokenOrder(view: OrderView, state: OrderRowState): string {
  const { firstNumber, numberCount, reference } = view.names;
  const numbers =
    firstNumber === undefined ? (numberCount > 0 ? count(numberCount, 'number') : undefined)
    : numberCount > 1 ? `${firstNumber} and ${count(numberCount - 1, 'more number')}`
    : firstNumber;
  // Nothing to name it by: the row's own fallback ("Port-in order a1b2c3d4").
  const name = numbers || reference ? sentence([numbers, reference]) : view.label;
  return sentence([name, spokenUnits(view.description), state.watched && 'watched', !!state.matched?.length && `matched ${state.matched.join(', ')}`]);
}

export interface EventRowState {
  /** Arrived while watching and not opened yet. */
  isNew: boolean;
  /** What is being done to the event ("Republishing…"), shown instead of the description. */
  busy?: string;
  /** The short id of its order, when the row stands outside it (Recent events). */
  order?: string;
}

/** "Status changed to exception, new, 3 hours ago, payload ready, order a1b2c3d4". */
export function spokenEvent(view: EventView, state: EventRowState): string {
  return sentence([
    view.change ? `${view.kind} to ${view.change}` : view.kind,
    state.busy,
    state.isNew && 'new',
    spokenUnits(view.when),
    view.payloadReady ? 'payload ready' : 'payload not generated yet',
    view.excerpt !== undefined && `“${view.excerpt}”`,
    state.order !== undefined && `order ${state.order}`,
  ]);
}

/** "Load more, 10 of 24 shown"; "Loading more, 10 of 24 shown" while the spinner turns. */
export function spokenLoadMore(shown: number, total: number | undefined, loading: boolean): string {
  return sentence([loading ? 'Loading more' : 'Load more', total !== undefined ? `${shown} of ${total} shown` : `${shown} shown`]);
}

/** "Error: API key refused, <message>. Activate to update the API key." */
export function spokenError(view: ErrorView): string {
  return `Error: ${view.problem}, ${view.description.replace(/[.\s]+$/, '')}. Activate to ${view.does}.`;
}

/** "Warning: Unreadable record, <detail>". */
export function spokenWarning(label: string, detail: string): string {
  return `Warning: ${label}, ${detail}`;
}
