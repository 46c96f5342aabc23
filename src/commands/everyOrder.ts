// Every order of a root's direction, for the commands that must filter on our side (Filter by Status on
// port-in, Find Order where the API has no filter): all pages, with cancellable page progress.

import { MAX_PAGE_SIZE, type TelnyxClient } from '../api/client';
import type { Order } from '../api/types';
import { readSettings } from '../config';
import type { DirectionRootNode } from '../tree/rootNode';
import { withPagesProgress } from '../ui/progress';

export async function everyOrder(client: TelnyxClient, root: DirectionRootNode, title: string): Promise<Order[]> {
  // The unfiltered root's total on screen lets the first pages go out together (one round trip less).
  const expectedTotal = root.filter ? undefined : root.total;
  const all = await withPagesProgress(title, (onProgress, signal) =>
    client.allOrders(root.direction, { pageSize: MAX_PAGE_SIZE, concurrency: readSettings().concurrency, expectedTotal, onProgress, signal }),
  );
  return all.items;
}
