// The path of an event document, `/<direction>/<event id>/<event type> <short id>.json`: the
// direction and id say what to fetch, the last segment gives the tab a readable title and the
// `.json` ending gives the language. Plain string work, so it is unit-tested outside VS Code.

import { isDirectionId, type DirectionId } from '../api/directions';
import { isUuid } from '../api/validate';

export const EVENT_SCHEME = 'telnyx-porting';

export function eventPath(direction: DirectionId, id: string, eventType?: string | null): string {
  const type = (eventType ?? 'event').replace(/[^\w.-]+/g, '_') || 'event';
  return `/${direction}/${encodeURIComponent(id)}/${type} ${id.slice(0, 8)}.json`;
}

export function parseEventPath(path: string): { direction: DirectionId; id: string } | undefined {
  const parts = path.split('/');
  return parts.length === 4 && parts[0] === '' ? documentOf(parts[1], parts[2], parts[3]) : undefined;
}

/** The direction and id a document path names, from its segments; undefined unless all three are well formed. */
export function documentOf(direction: string | undefined, encodedId: string | undefined, name: string | undefined): { direction: DirectionId; id: string } | undefined {
  let id: string;
  try {
    id = decodeURIComponent(encodedId ?? '');
  } catch {
    return undefined;
  }
  if (!isDirectionId(direction) || !isUuid(id) || !name?.endsWith('.json')) return undefined;
  return { direction, id };
}
