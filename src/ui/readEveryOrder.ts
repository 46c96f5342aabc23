// Every order of a root's direction, read with page progress, for the commands that must look through all of them (Filter by Status
// on port-in, Find Order where the API has no filter): all pages, with cancellable page progress.

import { MAX_PAGE_SIZE, type TelnyxClient } from '../api/client';
import type { FetchAllOptions, FetchAllResult } from '../api/fetchAll';
import type { Order } from '../api/types';
import { readSettings } from '../config';
import type { DirectionRootNode } from '../tree/rootNode';
import { withPagesProgress } from './progress';

/** How to read every page of a root's list; progress and cancel are added by the caller. */
export function scanOptions(root: DirectionRootNode): FetchAllOptions {
  // The unfiltered root's total on screen lets the first pages go out together (one round trip less).
  // It holds for a scan without numbers too: leaving them out changes the bytes, not the count.
  const expectedTotal = root.filter ? undefined : root.total;
  return { pageSize: MAX_PAGE_SIZE, concurrency: readSettings().concurrency, expectedTotal };
}

/**
 * `filters`: extra query for every page, e.g. `withoutNumbers(dir)` when the numbers are not needed. The caller
 * tells the user when the result is not `settled` (some orders may be missing).
 */
export async function readEveryOrder(client: TelnyxClient, root: DirectionRootNode, title: string, filters?: Record<string, string>): Promise<FetchAllResult<Order>> {
  // A refresh, filter or key change of the root while its pages are read abandons the scan.
  return await withPagesProgress(title, (onProgress, signal) => client.allOrders(root.direction, { ...scanOptions(root), onProgress, signal }, filters), root.resetSignal);
}
