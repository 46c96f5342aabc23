// Measure 7 (watching, issue 11): what polling costs while nothing happens, how long a new event takes to be
// notified, and what a tick's new events cost a tree that has a lot loaded. The watcher, the leader, the
// notification plan and the tree are the real ones (src/watch, src/tree); the sandbox inserts the events.

import { TelnyxClient } from '../src/api/client';
import { direction, type Direction } from '../src/api/directions';
import type { RequestLogEntry } from '../src/api/http';
import type { PortingEvent } from '../src/api/types';
import type { TreeNode } from '../src/tree/node';
import { OrderNode } from '../src/tree/orderNode';
import { PortingTreeProvider } from '../src/tree/provider';
import { RecentEventsNode } from '../src/tree/recentEventsNode';
import { clientEventSource, type EventSource } from '../src/watch/eventSource';
import { EventWatcher, type TickResult } from '../src/watch/eventWatcher';
import { Leader, leaseMsFor } from '../src/watch/leader';
import { DEFAULT_INTERVAL_SECONDS, nextDelay } from '../src/watch/schedule';
import { MemoryStore } from '../src/watch/sharedStore';
import { planNotifications, watchTick } from '../src/watch/watch';
import type { DirectionName } from './protocol';
import type { SandboxProcess } from './sandboxHost';
import { median } from './stats';
import { Prng } from '../test/sandbox/prng';

/** Idle ticks counted (each ~one round trip). */
const IDLE_TICKS = 10;
/** Events inserted one at a time, each found by the next tick. */
const LATENCY_SAMPLES = 9;
/** Events inserted at once (1 s apart at the sandbox) before the idle ticks "after a burst". */
const BURST = 50;
/** The loaded tree: port-in root expanded to this many orders, "Recent events" loaded with this many events. */
export const TREE_ORDERS = 1_000;
export const TREE_EVENTS = 50_000;
/** Orders expanded (their events loaded) in the tree, so new events also land under an order. */
const EXPANDED_ORDERS = 10;
/** New events per tick timed against the loaded tree. */
export const FRESH_COUNTS = [1, 10, 100] as const;

export interface TickCost {
  ticks: number;
  /** Per tick, both directions together. */
  requests: number;
  bytes: number;
  /** Events the answers listed (the overlap re-reads, each time, those created within a minute of the newest). */
  listed: number;
  /** Median wall time of a tick (watchTick: lease, both directions' requests, claim). */
  ms: number;
}

export interface TreeTick {
  fresh: number;
  /** Medians over the samples. */
  addFreshMs: number;
  /**
   * The next `getChildren()` of "Recent events", which VS Code asks for after the change, in two parts: its
   * first step, the reader's rows sorted again (`records`: NewestFirstReader.items after add() reset them), and the rest.
   */
  sortMs: number;
  childrenMs: number;
  /** `toTreeItem()` of every child returned: what VS Code's extension host builds from that answer. */
  itemsMs: number;
  /** Requests the sandbox got from addFresh to the last TreeItem, all samples together (must be 0). */
  requests: number;
  /** Nodes re-rendered per tick (onDidChangeTreeData fires), most of any sample. */
  fires: number;
  /** Whether any fire was for the whole tree (`undefined`), which re-renders everything. */
  wholeTree: boolean;
}

export interface TreeSize {
  orders: number;
  events: number;
  pageSize: number;
  /** Requests and ms to load it (at latency 0): what a full re-read of the same would cost in requests. */
  loadRequests: number;
  loadMs: number;
  ticks: TreeTick[];
}

export interface WatchResult {
  latencyMs: number;
  focusedDelayMs: number;
  unfocusedDelayMs: number;
  /** A window's first tick: each direction's cursor set from history, nothing reported. */
  first: { requests: number; bytes: number; ms: number };
  idle: TickCost;
  /** Idle ticks once a burst of `burst` port-in events sits within the last minute before the newest. */
  afterBurst: TickCost & { burst: number };
  /** fetch() of an idle tick's port-in request and reading its body, median: one bare round trip. */
  roundTripMs: number;
  notify: {
    samples: number;
    intervalMs: number;
    /** The measured duration of each tick that found its event (watchTick + planNotifications). */
    tickMs: number[];
    /** interval wait (interval - a random moment of the interval) + the tick, per sample. */
    totalMs: number[];
    /** Events found by the first tick after their insertion (must be all). */
    found: number;
    /** Of those, how many were of a kind that notifies by default (and were claimed and planned). */
    notified: number;
    /** Per sample: the tick's longest request as the client logged it (send to last byte; whole ms). */
    slowestRequestMs: number[];
    /**
     * Per sample: CPU the sandbox spent during the tick. Its one thread serves both directions' requests one
     * after the other, so filtering a list by a new created_at delays the other request's arrival by as much.
     */
    sandboxCpuMs: number[];
    requestsPerTick: number;
  };
  /** The same loaded tree at a tenth of the size, then at its size. */
  tree: TreeSize[];
}


/** Counts requests and body bytes from the client's own request log, and events listed from the watcher's source. */
class Meter {
  requests = 0;
  bytes = 0;
  listed = 0;
  readonly onRequest = (e: RequestLogEntry): void => {
    this.requests++;
    this.bytes += e.bytes ?? 0;
    this.paths.push(e.path);
    this.slowest = Math.max(this.slowest, e.ms);
  };
  /** The longest request (send to last byte, as the client logs it) since the last take. */
  slowest = 0;
  /** Request paths since the last take (relative to the base URL). */
  paths: string[] = [];

  source(inner: EventSource): EventSource {
    return {
      page: async (dir, query, signal) => {
        const page = await inner.page(dir, query, signal);
        this.listed += page.items.length;
        return page;
      },
      get: (dir, id, signal) => inner.get(dir, id, signal),
    };
  }

  take(): { requests: number; bytes: number; listed: number; slowest: number } {
    const t = { requests: this.requests, bytes: this.bytes, listed: this.listed, slowest: this.slowest };
    this.slowest = 0;
    this.requests = 0;
    this.bytes = 0;
    this.listed = 0;
    this.paths = [];
    return t;
  }
}

/** One window's watching, as the extension will run it: a watcher and a leader on a shared store, on a clock the bench moves. */
class WatchingWindow {
  readonly meter = new Meter();
  readonly client: TelnyxClient;
  readonly watcher: EventWatcher;
  readonly leader: Leader;
  /** Simulated epoch ms: advanced by the schedule's delay between ticks (nothing here waits for it). */
  clock = Date.now();

  constructor(sb: SandboxProcess, store = new MemoryStore()) {
    this.client = new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey, onRequest: this.meter.onRequest });
    const now = (): number => this.clock;
    this.watcher = new EventWatcher({ source: this.meter.source(clientEventSource(this.client)), store, accountKey: 'bench', now });
    this.leader = new Leader({ store, accountKey: 'bench', ownerId: 'bench-window', now });
  }

  /** One scheduled tick (lease, read, claim) and the notification plan made from it. */
  async tick(delayMs: number): Promise<{ ms: number; result: TickResult; notified: string[] }> {
    this.clock += delayMs;
    const t0 = performance.now();
    const out = await watchTick({ watcher: this.watcher, leader: this.leader, focused: true, leaseMs: leaseMsFor(delayMs), signal: new AbortController().signal });
    const plan = planNotifications(out.notify, out.result?.fresh ?? []);
    const ms = performance.now() - t0;
    if (!out.leading || !out.result) throw new Error('the bench window did not get the lease');
    if (out.result.errors.length > 0) throw new Error(`a watch tick failed: ${out.result.errors.map((e) => e.message).join('; ')}`);
    const notified = plan ? (plan.kind === 'each' ? plan.items.map((i) => i.item.event.id!) : plan.items.map((i) => i.event.id!)) : [];
    return { ms, result: out.result, notified };
  }

  async idleTicks(n: number, delayMs: number): Promise<TickCost> {
    const ms: number[] = [];
    this.meter.take();
    for (let i = 0; i < n; i++) {
      const t = await this.tick(delayMs);
      if (t.result.fresh.length > 0) throw new Error(`an idle tick found ${t.result.fresh.length} new events`);
      ms.push(t.ms);
    }
    const c = this.meter.take();
    return { ticks: n, requests: c.requests / n, bytes: c.bytes / n, listed: c.listed / n, ms: median(ms) };
  }
}

function delays(): { focused: number; unfocused: number } {
  const focused = nextDelay({ intervalSeconds: DEFAULT_INTERVAL_SECONDS, focused: true, keySet: true });
  const unfocused = nextDelay({ intervalSeconds: DEFAULT_INTERVAL_SECONDS, focused: false, keySet: true });
  if (focused === undefined || unfocused === undefined) throw new Error('nextDelay schedules no tick with a key set');
  return { focused, unfocused };
}

async function roundTrip(sb: SandboxProcess, path: string, samples: number): Promise<number> {
  const url = `${sb.apiBaseUrl}/${path.replace(/^\//, '')}`;
  const once = async (): Promise<number> => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Authorization: `Bearer ${sb.apiKey}`, Accept: 'application/json' } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`round trip of ${path}: HTTP ${res.status}`);
    return performance.now() - t0;
  };
  await once();
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) ms.push(await once());
  return median(ms);
}

/** Inserts `count` events into a direction, in chunks the sandbox accepts. */
async function insert(sb: SandboxProcess, dir: DirectionName, count: number, orderId?: string): Promise<string[]> {
  const ids: string[] = [];
  for (let left = count; left > 0; left -= 10_000) {
    const got = await sb.call({ type: 'insertEvents', direction: dir, count: Math.min(10_000, left), ...(orderId ? { orderId } : {}) });
    ids.push(...got.map((e) => e.id));
  }
  return ids;
}

/**
 * Measures 1 and 2 at the bench's latency, then 3 at latency 0 (the tree's load does not depend on it, and a
 * tick's tree work makes no request). Leaves the sandbox with the events it inserted; run it last.
 */
export async function measureWatch(sb: SandboxProcess, latencyMs: number, runs: number, portinEvents: number): Promise<WatchResult> {
  const { focused, unfocused } = delays();
  const w = new WatchingWindow(sb);

  // 1. Idle cost. The first tick reads history to set the cursors; warm-up ticks are not counted.
  w.meter.take();
  const f0 = performance.now();
  await w.tick(focused);
  const firstMs = performance.now() - f0;
  const firstCost = w.meter.take();
  await w.idleTicks(2, focused);
  const idle = await w.idleTicks(IDLE_TICKS, focused);
  w.meter.take();
  await w.tick(focused);
  const idlePath = w.meter.paths.find((p) => p.includes('porting/events')) ?? w.meter.paths[0];
  if (!idlePath) throw new Error('an idle tick made no request');
  const rt = await roundTrip(sb, idlePath, 9);

  // 2. Latency to notification: one event at a time, at a random moment of an interval (simulated), found by the next tick.
  const randomGen = new Prng(11);
  const random = (): number => randomGen.next();
  const tickMs: number[] = [];
  const totalMs: number[] = [];
  let found = 0;
  let notified = 0;
  let portinInserted = 0;
  const slowestMs: number[] = [];
  const sandboxCpuMs: number[] = [];
  w.meter.take();
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const dir: DirectionName = i % 2 === 0 ? 'portin' : 'portout';
    const moment = random() * focused; // when, within the interval, the event is created
    const [id] = await insert(sb, dir, 1);
    if (dir === 'portin') portinInserted++;
    w.meter.slowest = 0;
    const cpu0 = await sb.call({ type: 'cpu' });
    const t = await w.tick(focused);
    sandboxCpuMs.push((await sb.call({ type: 'cpu' })) - cpu0);
    slowestMs.push(w.meter.slowest);
    if (t.result.fresh.some((x) => x.event.id === id)) found++;
    if (id !== undefined && t.notified.includes(id)) notified++;
    tickMs.push(t.ms);
    totalMs.push(focused - moment + t.ms);
  }
  const notifyRequests = w.meter.take().requests / LATENCY_SAMPLES;

  // 1b. Idle again, with a burst in the last minute before the newest: the overlap reads it on every tick.
  await insert(sb, 'portin', BURST);
  portinInserted += BURST;
  const absorbed = await w.tick(focused);
  if (absorbed.result.fresh.length !== BURST) throw new Error(`the tick after a burst of ${BURST} found ${absorbed.result.fresh.length}`);
  const afterBurst = { ...(await w.idleTicks(IDLE_TICKS, focused)), burst: BURST };

  // 3. A tick's new events against a loaded tree: a tenth of the size, then its size.
  await sb.setLatency(0);
  const tree: TreeSize[] = [];
  try {
    const missing = TREE_EVENTS - (portinEvents + portinInserted);
    if (missing > 0) await insert(sb, 'portin', missing);
    const watcher = new WatchingWindow(sb);
    await watcher.tick(focused);
    for (const scale of [10, 1]) {
      tree.push(await measureTreeTick(sb, watcher, Math.ceil(TREE_ORDERS / scale), Math.ceil(TREE_EVENTS / scale), Math.max(5, runs), focused));
    }
  } finally {
    await sb.setLatency(latencyMs);
  }

  return {
    latencyMs,
    focusedDelayMs: focused,
    unfocusedDelayMs: unfocused,
    first: { requests: firstCost.requests, bytes: firstCost.bytes, ms: firstMs },
    idle,
    afterBurst,
    roundTripMs: rt,
    notify: { samples: LATENCY_SAMPLES, intervalMs: focused, tickMs, totalMs, found, notified, slowestRequestMs: slowestMs, sandboxCpuMs, requestsPerTick: notifyRequests },
    tree,
  };
}

/** Loads a provider's port-in root to `orders` orders and its "Recent events" to `events`, then times ticks of 1, 10, 100 new events. */
async function measureTreeTick(sb: SandboxProcess, w: WatchingWindow, orders: number, events: number, samples: number, delayMs: number): Promise<TreeSize> {
  const dir: Direction = direction('portin');
  const pageSize = Math.min(250, orders);
  const provider = new PortingTreeProvider(async () => true, { client: async () => w.client, pageSize: () => pageSize, concurrency: () => 4, showRecentEvents: () => true, watched: () => [] });
  const fired: (TreeNode | undefined)[] = [];
  provider.onDidChangeTreeData((node) => fired.push(node));
  try {
    const root = provider.roots.find((r) => r.direction.id === dir.id);
    if (!root || !(await provider.getChildren()).includes(root)) throw new Error('no port-in root');
    const from = await sb.call({ type: 'mark' });
    const t0 = performance.now();
    await root.getChildren();
    while (root.records.length < orders) {
      const before = root.records.length;
      await root.loadMore();
      if (root.records.length === before) break; // fewer orders than asked: the figures say how many
    }
    const children = await root.getChildren();
    const orderNodes = children.filter((c): c is OrderNode => c instanceof OrderNode);
    const recent = children.find((c): c is RecentEventsNode => c instanceof RecentEventsNode);
    if (!recent) throw new Error('no "Recent events" under the port-in root');
    await recent.getChildren();
    while (recent.records.length < events) {
      const before = recent.records.length;
      await recent.loadMore();
      if (recent.records.length === before) throw new Error(`"Recent events" stopped at ${before} of ${events}`);
    }
    const expanded = orderNodes.filter((o) => o.order.id).slice(0, EXPANDED_ORDERS);
    for (const o of expanded) await o.getChildren();
    const loadMs = performance.now() - t0;
    const loadRequests = (await sb.call({ type: 'mark' })) - from;
    // What VS Code has drawn: every row of the expanded nodes.
    for (const c of await recent.getChildren()) c.toTreeItem();
    const loaded = { orders: root.records.length, events: recent.records.length };

    const tickOnce = async (k: number): Promise<{ addMs: number; sortMs: number; childrenMs: number; itemsMs: number; requests: number; fires: number; whole: boolean }> => {
      // One of the new events belongs to an expanded order, so it lands under that order too.
      const target = expanded[0]?.order.id ?? undefined;
      const ids = new Set([...(await insert(sb, 'portin', 1, target)), ...(k > 1 ? await insert(sb, 'portin', k - 1) : [])]);
      const t = await w.tick(delayMs);
      const fresh: PortingEvent[] = t.result.fresh.filter((x) => x.direction === dir && x.event.id && ids.has(x.event.id)).map((x) => x.event);
      if (fresh.length !== k) throw new Error(`a tick found ${fresh.length} of ${k} new events`);
      fired.length = 0;
      const mark = await sb.call({ type: 'mark' });
      // The previous sample's 50,000 TreeItems are garbage now: collected here, not inside this sample's timing.
      (globalThis as { gc?: () => void }).gc?.();
      const a0 = performance.now();
      provider.addFresh(dir, fresh);
      const a1 = performance.now();
      void recent.records; // the reader's rows, sorted again after the change (getChildren's first step)
      const a2 = performance.now();
      const list = await recent.getChildren();
      const a3 = performance.now();
      for (const c of list) c.toTreeItem();
      const a4 = performance.now();
      const requests = (await sb.call({ type: 'mark' })) - mark;
      if (list.filter((c) => c.id.includes('/event/')).length !== recent.records.length) throw new Error('"Recent events" lists fewer rows than it holds');
      return { addMs: a1 - a0, sortMs: a2 - a1, childrenMs: a3 - a2, itemsMs: a4 - a3, requests, fires: fired.length, whole: fired.some((n) => n === undefined) };
    };

    await tickOnce(1); // JIT warm-up
    const ticks: TreeTick[] = [];
    for (const k of FRESH_COUNTS) {
      const got = [];
      for (let i = 0; i < samples; i++) got.push(await tickOnce(k));
      ticks.push({
        fresh: k,
        addFreshMs: median(got.map((g) => g.addMs)),
        sortMs: median(got.map((g) => g.sortMs)),
        childrenMs: median(got.map((g) => g.childrenMs)),
        itemsMs: median(got.map((g) => g.itemsMs)),
        requests: got.reduce((n, g) => n + g.requests, 0),
        fires: Math.max(...got.map((g) => g.fires)),
        wholeTree: got.some((g) => g.whole),
      });
    }
    return { ...loaded, pageSize, loadRequests, loadMs, ticks };
  } finally {
    provider.dispose();
  }
}
