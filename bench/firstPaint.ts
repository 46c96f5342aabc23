// Measure 3: expanding a root until its first page of nodes is ready to draw, against one bare round trip
// of the same request. The tree side is the real DirectionRootNode (vscode is the bench's stand-in).

import type { TelnyxClient } from '../src/api/client';
import { direction } from '../src/api/directions';
import type { TreeContext } from '../src/tree/node';
import { DirectionRootNode } from '../src/tree/rootNode';
import type { SandboxProcess } from './sandboxHost';
import { median, timed } from './stats';

/** The extension's default `telnyxPorting.pageSize`. */
export const ROOT_PAGE_SIZE = 25;

export interface FirstPaintResult {
  /** fetch() of the root's request and reading its body: the floor anything can reach. */
  roundTripMs: number;
  /** client.listOrders of the same page: ky, retries wrapper, JSON parse, page envelope. */
  apiMs: number;
  /** DirectionRootNode.getChildren() plus toTreeItem() of every child, as VS Code renders them. */
  treeMs: number;
  /** The most requests any one expand made: must be 1, no chains. */
  requestsPerExpand: number;
  children: number;
  samples: number;
}

export async function measureFirstPaint(sb: SandboxProcess, client: TelnyxClient, samples: number): Promise<FirstPaintResult> {
  const ctx: TreeContext = {
    client: async () => client,
    pageSize: () => ROOT_PAGE_SIZE,
    concurrency: () => 4,
    isNew: () => false,
    watched: () => [],
    showRecentEvents: () => true,
    changed: () => undefined,
  };
  const url = `${sb.apiBaseUrl}/porting_orders?sort%5Bvalue%5D=-created_at&page%5Bnumber%5D=1&page%5Bsize%5D=${ROOT_PAGE_SIZE}`;
  const roundTrip = async (): Promise<void> => {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${sb.apiKey}`, Accept: 'application/json' } });
    await res.arrayBuffer();
  };
  const api = (): Promise<unknown> => client.listOrders(direction('portin'), { pageNumber: 1, pageSize: ROOT_PAGE_SIZE });
  const expand = async (): Promise<number> => {
    const root = new DirectionRootNode(direction('portin'), ctx);
    const children = await root.getChildren();
    root.toTreeItem();
    for (const c of children) c.toTreeItem();
    return children.length;
  };

  // One of each first: the connection pool and the JIT are warm in a running extension too.
  await roundTrip();
  await api();
  await expand();

  const rt: number[] = [];
  const ap: number[] = [];
  const tr: number[] = [];
  const perExpand: number[] = [];
  let children = 0;
  for (let i = 0; i < samples; i++) {
    rt.push((await timed(roundTrip)).ms);
    ap.push((await timed(api)).ms);
    const from = await sb.call({ type: 'mark' });
    const t = await timed(expand);
    tr.push(t.ms);
    children = t.value;
    perExpand.push((await sb.call({ type: 'requests', from })).length);
  }
  return { roundTripMs: median(rt), apiMs: median(ap), treeMs: median(tr), requestsPerExpand: Math.max(...perExpand), children, samples };
}
