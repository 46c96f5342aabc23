// Measure 4 (memory): every event of both directions loaded into the real tree nodes through "Recent events",
// then rendered to TreeItems, which VS Code's extension host keeps for every node it has shown.

import { TelnyxClient } from '../src/api/client';
import { DIRECTIONS } from '../src/api/directions';
import type { TreeContext, TreeNode } from '../src/tree/node';
import { RecentEventsNode } from '../src/tree/recentEventsNode';
import { DirectionRootNode } from '../src/tree/rootNode';
import type { Ready } from './protocol';
import type { SandboxProcess } from './sandboxHost';
import { settledHeap, timed } from './stats';

export interface MemoryResult {
  events: number;
  requests: number;
  loadMs: number;
  /** The first render (getChildren + toTreeItem of every child) of the larger "Recent events" once all is loaded. */
  renderMs: number;
  /**
   * The same render again right after: what each "Load more" costs the extension at that size (VS Code asks
   * for every child again; every row builds a fresh TreeItem).
   */
  rerenderMs: number;
  /** Records plus EventNodes (what the extension itself holds). */
  nodesBytes: number;
  /** The above plus one TreeItem per node (what a rendered tree holds). */
  renderedBytes: number;
}

export async function measureTreeMemory(sb: SandboxProcess, counts: Ready['counts'], pageSize: number, latencyMs: number): Promise<MemoryResult> {
  // Memory does not depend on latency; without it the 16x load takes seconds instead of minutes.
  await sb.setLatency(0);
  try {
    const client = new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey });
    const ctx: TreeContext = { client: async () => client, pageSize: () => pageSize, concurrency: () => 4, isNew: () => false, watched: () => [], showRecentEvents: () => true, changed: () => undefined };
    const held: TreeNode[][] = [];
    const recents: RecentEventsNode[] = [];
    const renders: number[] = [];
    const firstRequest = await sb.call({ type: 'mark' });
    const before = settledHeap();
    const load = await timed(async () => {
      for (const d of DIRECTIONS) {
        const recent = new RecentEventsNode(d, new DirectionRootNode(d, ctx), ctx);
        const pages = Math.ceil(counts[d.id].total / pageSize);
        // Expand (page 1), then "Load more" for each remaining page. VS Code would re-render after each
        // one; here only the last render is done and timed (renderMs), or the load would take minutes.
        await recent.getChildren();
        for (let p = 2; p <= pages; p++) await recent.loadMore();
        const t0 = performance.now();
        const children = await recent.getChildren();
        renders.push(performance.now() - t0);
        held.push(children);
        recents.push(recent);
        if (recent.records.length !== counts[d.id].total) {
          throw new Error(`${d.label} recent events: loaded ${recent.records.length} of ${counts[d.id].total}`);
        }
      }
    });
    const nodesBytes = settledHeap() - before;
    const requests = (await sb.call({ type: 'mark' })) - firstRequest;
    const itemMs: number[] = [];
    const items = held.map((children) => {
      const t0 = performance.now();
      const list = children.map((c) => c.toTreeItem());
      itemMs.push(performance.now() - t0);
      return list;
    });
    const renderedBytes = settledHeap() - before;
    // Read after the last heap figure, so everything measured is still reachable when it is taken.
    const events = recents.reduce((n, r) => n + r.records.length, 0);
    const rendered = items.reduce((n, list) => n + list.length, 0);
    if (rendered !== events) throw new Error(`rendered ${rendered} nodes for ${events} events`);
    const largest = held.reduce((best, list, i) => (list.length > held[best]!.length ? i : best), 0);
    const renderMs = renders[largest]! + itemMs[largest]!;
    const again = await timed(async () => {
      for (const child of await recents[largest]!.getChildren()) child.toTreeItem();
    });
    return { events, requests, loadMs: load.ms, renderMs, rerenderMs: again.ms, nodesBytes, renderedBytes };
  } finally {
    await sb.setLatency(latencyMs);
  }
}
