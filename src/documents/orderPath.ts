// The path of an order document, `/<direction>/orders/<order id>/<numbers or key>.json`: the direction and id
// say what to fetch, the last segment gives the tab a title a person recognises. Plain string work, unit-tested.

import type { DirectionId } from '../api/directions';
import { documentOf } from './eventPath';

export function orderPath(direction: DirectionId, id: string, title: string): string {
  // Characters a file name cannot hold, and control characters (API text), become "_".
  const name = [...title].map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').trim().slice(0, 80) || id.slice(0, 8);
  return `/${direction}/orders/${encodeURIComponent(id)}/${name}.json`;
}

export function parseOrderPath(path: string): { direction: DirectionId; id: string } | undefined {
  const parts = path.split('/');
  return parts.length === 5 && parts[0] === '' && parts[2] === 'orders' ? documentOf(parts[1], parts[3], parts[4]) : undefined;
}
