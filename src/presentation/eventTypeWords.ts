// An event type in words, wherever one is shown: the direction's words for the types the API documents, and
// any other type worded from its name, so a new type never reaches the user as "porting_order.some_new_thing".

import * as l10n from '@vscode/l10n';
import type { Direction } from '../api/directions';
import { looksOf } from './directionLooks';
import { fieldText } from './recordFields';

/** "porting_order.some_new_thing" → "Some new thing". */
function humanize(type: string): string {
  const tail = type.split('.').pop() ?? type;
  const words = tail.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : type;
}

/** Whether the direction has its own words for the type. */
export function knownEventType(dir: Direction, type: unknown): boolean {
  const t = fieldText(type);
  return t !== undefined && looksOf(dir).eventTypes[t] !== undefined;
}

/** "Status changed"; "Unknown" when the event says no type. */
export function eventTypeWords(dir: Direction, type: unknown): string {
  const t = fieldText(type);
  if (t === undefined) return l10n.t('Unknown');
  return looksOf(dir).eventTypes[t] ?? humanize(t);
}
