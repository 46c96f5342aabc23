// What a screen reader says for each row of the tree (TreeItem.accessibilityInformation): one sentence with
// what a sighted user gets from the label, the description, and the icon and its colour. Rows abbreviate
// ("3 h ago", "+1 (+2)", "→") and lean on icons (status, spinner, error); read aloud, "3 h" is "3 aitch" and
// an icon is nothing, so the sentence says it in words. Times come from the views' spoken forms (Intl's words
// in the user's language), not from taking the row's abbreviations apart.

import * as l10n from '@vscode/l10n';
import { rememberWords } from './locale';
import type { Direction } from '../api/directions';
import type { ErrorView } from './errorView';
import type { EventView } from './eventView';
import type { OrderView } from './orderView';
import { readableNumber } from './phoneNumber';

/** "no orders", "1 order", "24 orders". */
function orders(n: number): string {
  return n === 0 ? l10n.t('no orders') : n === 1 ? l10n.t('1 order') : l10n.t('{0} orders', n);
}

/** "4 numbers", "2 more numbers". */
function numbers(n: number, more: boolean): string {
  if (more) return n === 1 ? l10n.t('1 more number') : l10n.t('{0} more numbers', n);
  return n === 0 ? l10n.t('no numbers') : n === 1 ? l10n.t('1 number') : l10n.t('{0} numbers', n);
}

function sentence(parts: readonly (string | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join(', ');
}

/** "Port-in, 24 orders, filtered by Exception". */
export function spokenRoot(dir: Direction, total: number | undefined, filter: string | undefined): string {
  return sentence([dir.label, total !== undefined && orders(total), filter !== undefined && l10n.t('filtered by {0}', filter)]);
}

/** "Recent events: all Port-in events, newest first". */
export function spokenRecentEvents(dir: Direction): string {
  return l10n.t('Recent events: all {0} events, newest first', dir.label);
}

/** "Needs attention, 3 orders": the count is known once the group has been opened. */
export function spokenAttention(total: number | undefined): string {
  return sentence([l10n.t('Needs attention'), total !== undefined && orders(total)]);
}

/** "Watched, 2 orders". */
export function spokenWatched(watched: number): string {
  return sentence([l10n.t('Watched'), orders(watched)]);
}

export interface OrderRowState {
  watched: boolean;
  /** What a search matched on the order ("customer reference"…), in words. */
  matched?: readonly string[];
}

/** "+1 312 555 0100 and 2 more numbers, Exception for 3 hours, FOC in 36 hours, acme-001, watched": the row's order. */
export function spokenOrder(view: OrderView, state: OrderRowState): string {
  const { firstNumber, numberCount } = view.names;
  // The label said in words ("and 2 more numbers" for "(+2)"); the description already ends with the reference.
  const name =
    firstNumber === undefined ? (numberCount > 0 ? numbers(numberCount, false) : view.label)
    : numberCount > 1 ? l10n.t('{0} and {1}', readableNumber(firstNumber), numbers(numberCount - 1, true))
    : readableNumber(firstNumber);
  return sentence([name, view.spokenDescription, state.watched && l10n.t('watched'), !!state.matched?.length && l10n.t('matched {0}', state.matched.join(', '))]);
}

export interface EventRowState {
  /** Arrived while watching and not opened yet. */
  isNew: boolean;
  /** What is being done to the event ("Republishing…"), shown instead of the description. */
  busy?: string;
  /** Its order's name, when the row stands outside it (Recent events): "Port-in order a1b2c3d4". */
  order?: string;
}

/** "Status changed to exception, new, 3 hours ago, payload ready, Port-in order a1b2c3d4". */
export function spokenEvent(view: EventView, state: EventRowState): string {
  return sentence([
    // Rows say a few dozen distinct changes and orders: each is worded once (l10n's formatting is a row's main cost).
    view.change ? rememberWords(`to|${view.kind}|${view.change}`, () => l10n.t('{0} to {1}', view.kind, view.change!)) : view.kind,
    state.busy,
    state.isNew && l10n.t('new'),
    view.spokenWhen,
    view.payloadReady ? l10n.t('payload ready') : l10n.t('payload not generated yet'),
    view.excerpt !== undefined && l10n.t('“{0}”', view.excerpt),
    state.order,
  ]);
}

/** "Load more, 10 of 24 shown"; "Loading more, 10 of 24 shown" while the spinner turns. */
export function spokenLoadMore(shown: number, total: number | undefined, loading: boolean): string {
  return sentence([loading ? l10n.t('Loading more') : l10n.t('Load more'), total !== undefined ? l10n.t('{0} of {1} shown', shown, total) : l10n.t('{0} shown', shown)]);
}

/** "Error: API key refused, <message>. Activate to update the API key." */
export function spokenError(view: ErrorView): string {
  return l10n.t('Error: {0}, {1}. {2}', view.problem, view.description.replace(/[.\s]+$/, ''), view.activate);
}

/** "Warning: Unreadable record, <detail>". */
export function spokenWarning(label: string, detail: string): string {
  return l10n.t('Warning: {0}, {1}', label, detail);
}
