// Watching for new events (issue 11's plain-Node core): the watcher, the lease between windows, the schedule
// and what an event means, against the sandbox over real HTTP. The clock is a variable; no test waits on time.

import * as assert from 'node:assert/strict';
import { TelnyxClient } from '../../src/api/client';
import { type Direction, PORT_IN, PORT_OUT } from '../../src/api/directions';
import type { RequestLogEntry } from '../../src/api/http';
import type { PortingEvent, PortingOrder, PortoutDetails } from '../../src/api/types';
import { attentionOf } from '../../src/presentation/attention';
import { setDisplayTimeZone } from '../../src/presentation/locale';
import { orderName } from '../../src/presentation/orderName';
import { type ActionKind, needsAction, notificationLine, summarize } from '../../src/presentation/needsAction';
import { plainText } from '../../src/presentation/plainText';
import { clientEventSource } from '../../src/watch/eventSource';
import { EventWatcher, type EventWatcherOptions, type TickResult } from '../../src/watch/eventWatcher';
import { Leader, leaseRefusal, type WatchSettings } from '../../src/watch/leader';
import { nextDelay } from '../../src/watch/schedule';
import { MemoryStore } from '../../src/watch/sharedStore';
import { planNotifications, watchTick } from '../../src/watch/watch';
import { startSandbox, type AnyEvent, type ListOrder, type RequestLogEntry as SandboxRequest, type Sandbox } from '../sandbox/server';

const T0 = Date.parse('2026-07-01T12:00:00Z');
const ORDERS: ListOrder[] = ['desc', 'asc', 'shuffled'];

describe('watching for new events', function () {
  this.timeout(30_000);
  let sb: Sandbox;
  let clock: number;

  before(async () => {
    sb = await startSandbox();
  });
  after(async () => {
    await sb.close();
  });
  beforeEach(() => {
    sb.reset();
    clock = T0;
  });

  const client = (log?: RequestLogEntry[]): TelnyxClient =>
    new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey, timeoutMs: 5_000, retries: 0, onRequest: (e) => log?.push(e) });
  const watcher = (store = new MemoryStore(), over: Partial<EventWatcherOptions> = {}, c = client()): EventWatcher =>
    new EventWatcher({ source: clientEventSource(c), store, accountKey: 'acct', now: () => clock, ...over });
  const tick = (w: EventWatcher): Promise<TickResult> => w.tick(new AbortController().signal);
  const ids = (events: readonly { id?: string | null }[]): string[] => events.map((e) => e.id!);
  /** Inserted events come back oldest first; a tick reports newest first. */
  const newestFirstIds = (events: readonly AnyEvent[]): string[] => ids(events).reverse();
  const freshOf = (r: TickResult, dir: Direction): PortingEvent[] => r.directions.find((d) => d.direction.id === dir.id)!.fresh;
  const eventRequests = (): SandboxRequest[] => sb.requests.filter((r) => r.path.includes('events'));

  describe('first tick', () => {
    for (const listOrder of ORDERS) {
      it(`reports no history and sets the cursor to the newest event (${listOrder})`, async () => {
        sb.configure({ listOrder });
        const store = new MemoryStore();
        const w = watcher(store);
        const r = await tick(w);
        assert.deepEqual(r.fresh, []);
        assert.deepEqual(r.errors, []);
        assert.ok(r.directions.every((d) => d.started));
        assert.equal(w.state(PORT_IN)!.cursor, Date.parse(sb.data.portinEvents[0]!.created_at));
        assert.equal(w.state(PORT_OUT)!.cursor, Date.parse(sb.data.portoutEvents[0]!.created_at));
        // A few requests, not the whole history.
        assert.ok(r.requests <= 8, `${r.requests} requests`);
        // The next tick still reports nothing: the history was all seen.
        const again = await tick(w);
        assert.deepEqual(again.fresh, []);
        assert.ok(again.directions.every((d) => !d.started));
      });
    }

    it('on an empty list, reports everything that arrives later', async () => {
      sb.removeRecords({ list: 'portoutEvents', count: sb.data.portoutEvents.length });
      const w = watcher(new MemoryStore(), { directions: [PORT_OUT] });
      assert.deepEqual((await tick(w)).fresh, []);
      const added = sb.insertEvents({ direction: 'portout', count: 3 });
      assert.deepEqual(ids((await tick(w)).fresh.map((x) => x.event)), newestFirstIds(added));
    });

    describe('after watching began (issue 18)', () => {
      // Inserted events are stamped a second apart after the newest: the moment goes between two of them.
      const momentAfter = (e: AnyEvent): number => Date.parse(e.created_at) + 1;

      for (const listOrder of ORDERS) {
        it(`reports once what was created since the moment watching began, not what is older (${listOrder})`, async () => {
          sb.configure({ listOrder });
          const older = sb.insertEvents({ direction: 'portin', count: 2 });
          const since = momentAfter(older[1]!);
          const newer = sb.insertEvents({ direction: 'portin', count: 3, eventType: 'porting_order.status_changed', status: 'exception' });
          const w = watcher(new MemoryStore(), { directions: [PORT_IN], watchingSince: since });
          const r = await tick(w);
          assert.ok(r.directions[0]!.started);
          assert.deepEqual(r.errors, []);
          assert.deepEqual(ids(freshOf(r, PORT_IN)), newestFirstIds(newer), 'what came since the moment is news');
          assert.equal(w.state(PORT_IN)!.cursor, Date.parse(newer[2]!.created_at));
          assert.deepEqual((await tick(w)).fresh, [], 'once');
        });
      }

      it('an event created before the moment is history: not reported, then or later', async () => {
        const [before] = sb.insertEvents({ direction: 'portout', count: 1, eventType: 'portout.status_changed', status: 'pending' });
        const w = watcher(new MemoryStore(), { directions: [PORT_OUT], watchingSince: momentAfter(before!) });
        const r = await tick(w);
        assert.deepEqual(r.fresh, []);
        assert.equal(w.state(PORT_OUT)!.cursor, Date.parse(before!.created_at));
        assert.deepEqual((await tick(w)).fresh, []);
        // A window opened long after: nothing of the history before it is news either.
        clock += 3 * 86_400_000;
        const late = watcher(new MemoryStore(), { directions: [PORT_OUT], watchingSince: clock });
        assert.deepEqual((await tick(late)).fresh, []);
      });

      for (const listOrder of ORDERS) {
        it(`a burst since the moment, more than the first tick reads of history, is reported whole (${listOrder})`, async () => {
          sb.configure({ listOrder });
          const [last] = sb.insertEvents({ direction: 'portin', count: 1 });
          const burst = sb.insertEvents({ direction: 'portin', count: 300 });
          const w = watcher(new MemoryStore(), { directions: [PORT_IN], watchingSince: momentAfter(last!), firstPageSize: 10 });
          const r = await tick(w);
          assert.deepEqual(ids(freshOf(r, PORT_IN)), newestFirstIds(burst));
          assert.deepEqual((await tick(w)).fresh, []);
        });
      }

      it('a payload not generated yet among them is watched until it is', async () => {
        const [last] = sb.insertEvents({ direction: 'portin', count: 1 });
        const [pending] = sb.insertEvents({ direction: 'portin', count: 1, pending: true });
        const w = watcher(new MemoryStore(), { directions: [PORT_IN], watchingSince: momentAfter(last!) });
        assert.deepEqual(ids(freshOf(await tick(w), PORT_IN)), [pending!.id]);
        assert.deepEqual(w.state(PORT_IN)!.pending.map((p) => p.id), [pending!.id]);
        sb.completeEvents({ direction: 'portin', ids: [pending!.id] });
        assert.deepEqual(ids((await tick(w)).completed.map((x) => x.event)), [pending!.id]);
      });

      it('a stored cursor is unaffected: another window, or a reload, goes on from it whatever its moment', async () => {
        const store = new MemoryStore();
        await tick(watcher(store, { directions: [PORT_IN] }));
        const missed = sb.insertEvents({ direction: 'portin', count: 2 });
        // A window opened after these events, on the shared store: they are still news, once, as before.
        const w = watcher(store, { directions: [PORT_IN], watchingSince: momentAfter(missed[1]!) + 60_000 });
        const r = await tick(w);
        assert.ok(!r.directions[0]!.started);
        assert.deepEqual(ids(freshOf(r, PORT_IN)), newestFirstIds(missed));
      });
    });

    it('a stored state it cannot read is a first tick again, reporting nothing', async () => {
      const store = new MemoryStore();
      const w = watcher(store);
      await store.update(w.stateKey(PORT_IN), { v: 99, cursor: 'soon' });
      const r = await tick(w);
      assert.deepEqual(r.fresh, []);
      assert.ok(r.directions.find((d) => d.direction === PORT_IN)!.started);
    });
  });

  it('an idle tick is one small request per direction, with filter[created_at][gte]', async () => {
    const store = new MemoryStore();
    const w = watcher(store);
    await tick(w);
    sb.clearRequests();
    const writes = store.writes;
    const r = await tick(w);
    assert.deepEqual(r.fresh, []);
    assert.equal(r.requests, 2);
    assert.equal(store.writes, writes, 'an idle tick wrote to the store');
    const reqs = eventRequests();
    assert.deepEqual(reqs.map((q) => q.path).sort(), ['/v2/porting/events', '/v2/portouts/events']);
    for (const q of reqs) {
      const query = new URLSearchParams(q.query);
      assert.ok(query.get('filter[created_at][gte]'), q.query);
      assert.equal(query.get('page[size]'), '250');
      assert.equal(query.get('page[number]'), '1');
    }
    // The seed's newest event is long before the clock: past the overlap, so asked from the newest event itself.
    const gteOf = (): number => Date.parse(new URLSearchParams(eventRequests().find((q) => q.path === '/v2/porting/events')!.query).get('filter[created_at][gte]')!);
    const newest = Date.parse(sb.data.portinEvents[0]!.created_at);
    assert.ok(clock > newest + 60_000);
    assert.equal(gteOf(), newest);
  });

  it('asks from a minute before the newest event while that is less than a minute ago (late commits), then from it', async () => {
    const newest = Math.max(Date.parse(sb.data.portinEvents[0]!.created_at), Date.parse(sb.data.portoutEvents[0]!.created_at));
    clock = newest + 10_000;
    const w = watcher(new MemoryStore());
    await tick(w);
    const gteOf = (): number => Date.parse(new URLSearchParams(eventRequests().find((q) => q.path === '/v2/porting/events')!.query).get('filter[created_at][gte]')!);
    const portinNewest = Date.parse(sb.data.portinEvents[0]!.created_at);
    sb.clearRequests();
    await tick(w);
    // Stamps up to a minute behind the clock are still covered (and never more than a minute before the cursor).
    assert.equal(gteOf(), Math.max(portinNewest - 60_000, clock - 60_000), 'within the overlap');
    assert.ok(gteOf() < portinNewest);
    // The tick after the clock passes the overlap still asks from the floor it stored; it stores the cursor as the
    // floor (a settled read), so from the next tick on a burst is not listed again.
    clock = newest + 120_000;
    await tick(w);
    sb.clearRequests();
    await tick(w);
    assert.equal(gteOf(), portinNewest, 'past it: a burst is not listed again on every quiet tick');
  });

  for (const listOrder of ORDERS) {
    it(`finds new events once, newest first (${listOrder})`, async () => {
      sb.configure({ listOrder });
      const w = watcher();
      await tick(w);
      const portin = sb.insertEvents({ direction: 'portin', count: 5 });
      const portout = sb.insertEvents({ direction: 'portout', count: 3 });
      const r = await tick(w);
      assert.deepEqual(ids(freshOf(r, PORT_IN)), newestFirstIds(portin));
      assert.deepEqual(ids(freshOf(r, PORT_OUT)), newestFirstIds(portout));
      // Both directions together, newest first (port-in and port-out times interleave).
      const times = r.fresh.map((x) => Date.parse(x.event.created_at!));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      assert.equal(r.fresh.length, 8);
      assert.deepEqual((await tick(w)).fresh, []);
    });

    it(`follows a burst over 250 across pages, once each (${listOrder})`, async () => {
      sb.configure({ listOrder });
      const w = watcher();
      await tick(w);
      const burst = sb.insertEvents({ direction: 'portin', count: 600 });
      sb.clearRequests();
      const r = await tick(w);
      assert.deepEqual(ids(freshOf(r, PORT_IN)), newestFirstIds(burst));
      const pages = eventRequests().filter((q) => q.path === '/v2/porting/events');
      assert.deepEqual(pages.map((q) => new URLSearchParams(q.query).get('page[number]')), ['1', '2', '3']);
      assert.deepEqual((await tick(w)).fresh, []);
    });
  }

  it('loses nothing and repeats nothing while events keep arriving during its pages (shuffled)', async () => {
    sb.configure({ listOrder: 'shuffled' });
    const w = watcher();
    await tick(w);
    const inserted = sb.insertEvents({ direction: 'portin', count: 400 }).map((e) => e.id);
    sb.configure({ insertEventsEveryListRequest: { direction: 'portin', count: 7 } });
    const reported: string[] = [];
    for (let i = 0; i < 4; i++) reported.push(...ids(freshOf(await tick(w), PORT_IN)));
    sb.configure({ insertEventsEveryListRequest: null });
    reported.push(...ids(freshOf(await tick(w), PORT_IN)));
    const newer = sb.data.portinEvents.slice(0, sb.data.portinEvents.findIndex((e) => e.id === inserted[0]) + 1).map((e) => e.id);
    assert.equal(new Set(reported).size, reported.length, 'an event was reported twice');
    assert.deepEqual([...reported].sort(), [...newer].sort());
  });

  for (const listOrder of ORDERS) {
    it(`loses nothing and repeats nothing while events go during its pages (${listOrder})`, async () => {
      sb.configure({ listOrder });
      const w = watcher(new MemoryStore(), { directions: [PORT_IN] });
      await tick(w);
      const inserted = sb.insertEvents({ direction: 'portin', count: 700 }).map((e) => e.id);
      // Before every request for page 2 or later, the newest few go (records move back across pages read).
      sb.configure({ removeEveryListRequest: { list: 'portinEvents', count: 3, pick: 'newest' } });
      const reported: string[] = [];
      for (let i = 0; i < 2; i++) reported.push(...ids(freshOf(await tick(w), PORT_IN)));
      sb.configure({ removeEveryListRequest: null });
      reported.push(...ids(freshOf(await tick(w), PORT_IN)));
      assert.equal(new Set(reported).size, reported.length, 'an event was reported twice');
      const present = new Set(sb.data.portinEvents.map((e) => e.id));
      const missed = inserted.filter((id) => present.has(id) && !reported.includes(id));
      assert.deepEqual(missed, [], `${missed.length} events never reported`);
      assert.ok(reported.every((id) => inserted.includes(id)));
    });
  }

  it('a 429 and a 500 during ticks: the next tick reports what they held, once; nothing lost', async () => {
    const w = watcher();
    await tick(w);
    const reported: string[] = [];
    const first = sb.insertEvents({ direction: 'portin', count: 4 });
    const out = sb.insertEvents({ direction: 'portout', count: 2 });
    sb.addFault({ path: '/v2/porting/events', times: 1 }, { status: 429, retryAfter: 0 });
    let r = await tick(w);
    const failed = r.directions.find((d) => d.direction === PORT_IN)!;
    assert.equal(failed.error?.kind, 'rate-limited');
    assert.deepEqual(failed.fresh, []);
    // The other direction is not held back.
    assert.deepEqual(ids(freshOf(r, PORT_OUT)), newestFirstIds(out));
    reported.push(...ids(r.fresh.map((x) => x.event)));

    r = await tick(w);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(ids(freshOf(r, PORT_IN)), newestFirstIds(first));
    reported.push(...ids(r.fresh.map((x) => x.event)));

    // A 500 on the second page of a burst: the first page's events are not kept either.
    const burst = sb.insertEvents({ direction: 'portin', count: 300 });
    sb.addFault({ path: '/v2/porting/events', times: 1 }, { delayMs: 1 });
    sb.addFault({ path: '/v2/porting/events', times: 1 }, { status: 500 });
    r = await tick(w);
    assert.equal(r.directions.find((d) => d.direction === PORT_IN)!.error?.kind, 'server');
    assert.deepEqual(r.fresh, []);
    r = await tick(w);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(ids(freshOf(r, PORT_IN)), newestFirstIds(burst));
    reported.push(...ids(r.fresh.map((x) => x.event)));

    // A connection cut mid-answer on the port-out side, the same.
    const late = sb.insertEvents({ direction: 'portout', count: 1 });
    sb.addFault({ path: '/v2/portouts/events', times: 1 }, { reset: true });
    r = await tick(w);
    assert.ok(r.directions.find((d) => d.direction === PORT_OUT)!.error);
    r = await tick(w);
    assert.deepEqual(ids(r.fresh.map((x) => x.event)), ids(late));
    reported.push(...ids(r.fresh.map((x) => x.event)));

    assert.deepEqual((await tick(w)).fresh, []);
    const all = [...first, ...out, ...burst, ...late].map((e) => e.id);
    assert.equal(new Set(reported).size, reported.length, 'an event was reported twice');
    assert.deepEqual([...reported].sort(), [...all].sort());
  });

  describe('a list whose meta says more pages than it has (issue 18)', () => {
    /** The events list answered by one fixed page, `times` times: the same two events, with the meta given. */
    const lying = (events: readonly AnyEvent[], meta: Record<string, number>, times: number): void => {
      sb.addFault({ path: '/v2/porting/events', times }, { body: JSON.stringify({ data: events, meta: { page_number: 1, page_size: 250, ...meta } }) });
    };
    const pagesAsked = (): number => eventRequests().filter((q) => q.path === '/v2/porting/events').length;

    it('reads no more pages than total_results fill', async () => {
      const w = watcher(new MemoryStore(), { directions: [PORT_IN] });
      await tick(w);
      const added = sb.insertEvents({ direction: 'portin', count: 2 });
      lying(added, { total_pages: 400, total_results: 2 }, 20);
      sb.clearRequests();
      const r = await tick(w);
      sb.clearFaults();
      assert.deepEqual(ids(freshOf(r, PORT_IN)).sort(), ids(added).sort());
      assert.equal(pagesAsked(), 1, 'two results fill one page of 250');
    });

    it('stops at a page that adds nothing new', async () => {
      const w = watcher(new MemoryStore(), { directions: [PORT_IN] });
      await tick(w);
      const added = sb.insertEvents({ direction: 'portin', count: 2 });
      lying(added, { total_pages: 400, total_results: 100_000 }, 20);
      sb.clearRequests();
      const r = await tick(w);
      sb.clearFaults();
      assert.deepEqual(ids(freshOf(r, PORT_IN)).sort(), ids(added).sort());
      assert.equal(pagesAsked(), 2, 'page 2 repeated page 1: the rest would too');
      assert.deepEqual((await tick(w)).fresh, []);
    });
  });

  it('an aborted tick keeps nothing and rejects', async () => {
    const store = new MemoryStore();
    const w = watcher(store);
    await tick(w);
    const added = sb.insertEvents({ direction: 'portin', count: 2 });
    const before = store.writes;
    const ac = new AbortController();
    // Held at the sandbox, so the abort surely comes while the tick's read is on the wire.
    sb.addFault({ path: '/v2/porting/events', times: 1 }, { hold: 'tick' });
    const p = w.tick(ac.signal);
    await sb.waitHeld('tick');
    ac.abort();
    await assert.rejects(p, (e: Error & { kind?: string }) => e.kind === 'cancelled');
    assert.equal(store.writes, before);
    assert.deepEqual(ids(freshOf(await tick(w), PORT_IN)), newestFirstIds(added));
  });

  it('a tick asked for while one runs does nothing', async () => {
    const w = watcher();
    await tick(w);
    sb.addFault({ path: '/v2/porting/events', times: 1 }, { delayMs: 100 });
    const [a, b] = await Promise.all([tick(w), tick(w)]);
    assert.equal(a.busy, false);
    assert.equal(b.busy, true);
    assert.equal(b.requests, 0);
  });

  describe('payloads not generated yet', () => {
    for (const overlapMs of [60_000, 0]) {
      it(`are reported new, then once as completed (overlap ${overlapMs} ms)`, async () => {
        // The clock at the newest event, so the overlap is live for what is inserted now.
        clock = Math.max(Date.parse(sb.data.portinEvents[0]!.created_at), Date.parse(sb.data.portoutEvents[0]!.created_at));
        const w = watcher(new MemoryStore(), { overlapMs });
        await tick(w);
        const [portin] = sb.insertEvents({ direction: 'portin', count: 1, pending: true });
        const [portout] = sb.insertEvents({ direction: 'portout', count: 1, pending: true });
        let r = await tick(w);
        assert.deepEqual(ids(r.fresh.map((x) => x.event)).sort(), [portin!.id, portout!.id].sort());
        assert.ok(r.fresh.every((x) => x.event.payload_status === 'created' && x.event.payload === null));
        assert.deepEqual(r.completed, []);
        assert.deepEqual(w.state(PORT_IN)!.pending.map((p) => p.id), [portin!.id]);

        // Still not generated, and newer events came: once the list no longer shows it (without the overlap, the
        // tick after the cursor passed it) it is read again by id; within the overlap the list says it.
        clock += 60_000;
        const later = [...sb.insertEvents({ direction: 'portin', count: 1 }), ...sb.insertEvents({ direction: 'portout', count: 1 })];
        r = await tick(w);
        assert.deepEqual(r.completed, []);
        assert.deepEqual(ids(r.fresh.map((x) => x.event)).sort(), ids(later).sort());
        sb.clearRequests();
        r = await tick(w);
        assert.deepEqual(r.completed, []);
        assert.deepEqual(r.fresh, []);
        const gets = sb.requests.filter((q) => q.path.endsWith(portin!.id) || q.path.endsWith(portout!.id));
        // Without the overlap both are read by id; with it, one still listed within the overlap needs no read.
        if (overlapMs === 0) assert.equal(gets.length, 2, 'GETs by id');
        else assert.ok(gets.length <= 2, 'GETs by id');

        sb.completeEvents({ direction: 'portin', ids: [portin!.id] });
        sb.completeEvents({ direction: 'portout', ids: [portout!.id] });
        r = await tick(w);
        assert.deepEqual(ids(r.completed.map((x) => x.event)).sort(), [portin!.id, portout!.id].sort());
        // Some types have no payload even when generated (the spec's PortingEventWithoutWebhook): the status tells.
        assert.ok(r.completed.every((x) => x.event.payload_status === 'completed'));
        assert.deepEqual(r.fresh, []);
        assert.deepEqual(w.state(PORT_IN)!.pending, []);
        r = await tick(w);
        assert.deepEqual(r.completed, []);
      });
    }

    it('reads at most a few again per tick, and gives up after a day', async () => {
      const w = watcher(new MemoryStore(), { overlapMs: 0, directions: [PORT_IN] });
      await tick(w);
      sb.insertEvents({ direction: 'portin', count: 8, pending: true });
      await tick(w);
      assert.equal(w.state(PORT_IN)!.pending.length, 8);
      sb.clearRequests();
      await tick(w);
      assert.equal(sb.requests.length, 1 + 3);
      clock += 25 * 3600_000;
      await tick(w);
      assert.deepEqual(w.state(PORT_IN)!.pending, []);
    });

    it('one the caller asks for (an opened event) is watched the same way', async () => {
      const w = watcher(new MemoryStore(), { directions: [PORT_IN] });
      await tick(w);
      const [e] = sb.insertEvents({ direction: 'portin', count: 1, pending: true });
      // Seen by the first tick's history read: not new, not pending yet.
      const w2 = watcher(new MemoryStore(), { directions: [PORT_IN] });
      await tick(w2);
      assert.deepEqual(w2.state(PORT_IN)!.pending, []);
      await w2.expectPayload(PORT_IN, e!.id);
      sb.completeEvents({ direction: 'portin', ids: [e!.id] });
      const r = await tick(w2);
      assert.deepEqual(ids(r.completed.map((x) => x.event)), [e!.id]);
    });
  });

  describe('two windows sharing one store', () => {
    interface Window {
      name: string;
      log: RequestLogEntry[];
      watcher: EventWatcher;
      leader: Leader;
      focused: boolean;
      notified: string[];
    }
    const open = (store: MemoryStore, name: string, focused = false): Window => {
      const log: RequestLogEntry[] = [];
      const c = client(log);
      return {
        name,
        log,
        watcher: watcher(store, {}, c),
        leader: new Leader({ store, accountKey: 'acct', ownerId: name, now: () => clock }),
        focused,
        notified: [],
      };
    };
    const step = async (win: Window): Promise<boolean> => {
      const out = await watchTick({ watcher: win.watcher, leader: win.leader, focused: win.focused, leaseMs: 180_000, signal: new AbortController().signal });
      win.notified.push(...ids(out.notify.map((x) => x.event)));
      return out.leading;
    };

    it('only the leader polls; every event is notified once, also when the lease moves', async () => {
      const store = new MemoryStore();
      const a = open(store, 'A');
      const b = open(store, 'B');
      assert.equal(await step(a), true);
      assert.equal(await step(b), false);
      assert.equal(b.log.length, 0);
      // New comments from Telnyx and others; what notifies depends on who wrote them.
      const comments: AnyEvent[] = [];
      for (let round = 0; round < 3; round++) {
        clock += 60_000;
        comments.push(...sb.insertEvents({ direction: 'portin', count: 5 }), ...sb.insertEvents({ direction: 'portout', count: 3 }));
        assert.equal(await step(b), false);
        assert.equal(await step(a), true);
      }
      assert.equal(b.log.length, 0, 'the follower sent requests');
      // A closes: B takes over at its next tick and goes on from the shared cursor.
      await a.leader.dispose();
      clock += 60_000;
      comments.push(...sb.insertEvents({ direction: 'portin', count: 4 }));
      assert.equal(await step(b), true);
      assert.equal(await step(a), false);
      // B stops ticking without releasing (a crash): A waits out the lease, then leads.
      b.log.length = 0;
      a.log.length = 0;
      comments.push(...sb.insertEvents({ direction: 'portout', count: 2 }));
      clock += 60_000;
      assert.equal(await step(a), false);
      clock += 180_000;
      assert.equal(await step(a), true);
      const notifyKinds = (e: AnyEvent): ActionKind => needsAction(e.event_type.startsWith('portout') ? PORT_OUT : PORT_IN, e as PortingEvent);
      const expected = comments.filter((e) => ['comment', 'portout.foc'].includes(notifyKinds(e))).map((e) => e.id);
      const all = [...a.notified, ...b.notified];
      assert.equal(new Set(all).size, all.length, 'an event was notified twice');
      assert.deepEqual([...all].sort(), [...expected].sort());
      assert.ok(expected.length > 5, 'the sandbox inserted too few notifying events to tell');
    });

    it('a focused window takes the lease from an unfocused one', async () => {
      const store = new MemoryStore();
      const a = open(store, 'A', false);
      const b = open(store, 'B', false);
      assert.equal(await step(a), true);
      assert.equal(await step(b), false);
      b.focused = true;
      assert.equal(await step(b), true);
      assert.equal(await step(a), false);
      assert.equal(a.leader.isLeader, false);
      assert.equal(b.leader.isLeader, true);
    });

    describe('a window whose watch settings are not the user\'s never takes the lease (issue 18, item 3)', () => {
      const USER: WatchSettings = { enabled: true, intervalSeconds: 60, notify: ['portout.pending', 'portin.exception'], watchedOnly: false, timeoutMs: 30_000, retries: 2 };

      it('leaseRefusal: set by the workspace, or narrower than the user\'s', () => {
        assert.equal(leaseRefusal(USER, USER, []), undefined);
        // Wider than the user's is not narrower.
        assert.equal(leaseRefusal({ ...USER, notify: [...USER.notify, 'other'], intervalSeconds: 30 }, USER, []), undefined);
        assert.match(leaseRefusal(USER, USER, ['watch.notify'])!, /workspace sets telnyxPorting\.watch\.notify/);
        for (const narrower of [
          { enabled: false },
          { intervalSeconds: 600 },
          { notify: [] },
          { notify: ['portin.exception'] },
          { watchedOnly: true },
          { timeoutMs: 1000 },
          { retries: 0 },
        ] satisfies Partial<WatchSettings>[]) {
          assert.ok(leaseRefusal({ ...USER, ...narrower }, USER, []), JSON.stringify(narrower));
        }
      });

      it('a refused window reads nothing, takes no lease and gives up one it holds; the user\'s window then notifies', async () => {
        const store = new MemoryStore();
        const repo = open(store, 'repo', true);
        const user = open(store, 'user', false);
        // The repository's window holds the lease from before its settings narrowed.
        assert.equal(await step(repo), true);
        const refused = leaseRefusal({ ...USER, notify: [] }, USER, ['watch.notify'])!;
        const [request] = sb.insertEvents({ direction: 'portout', count: 1, eventType: 'portout.status_changed', status: 'pending' });
        const out = await watchTick({ watcher: repo.watcher, leader: repo.leader, focused: true, leaseMs: 180_000, signal: new AbortController().signal, kinds: [], refused });
        assert.equal(out.leading, false);
        assert.equal(out.result, undefined);
        assert.equal(repo.leader.lease(), undefined, 'the lease was given up');
        // Focused or not, it never takes it again while refused; the user's window takes it at its next tick.
        const again = await watchTick({ watcher: repo.watcher, leader: repo.leader, focused: true, leaseMs: 180_000, signal: new AbortController().signal, refused });
        assert.equal(again.leading, false);
        assert.equal(await step(user), true);
        assert.deepEqual(user.notified, [request!.id], 'the new port-out request is notified by the user\'s window');
      });
    });

    it('claim never hands the same id to both', async () => {
      const store = new MemoryStore();
      const a = new Leader({ store, accountKey: 'acct', ownerId: 'A', now: () => clock });
      const b = new Leader({ store, accountKey: 'acct', ownerId: 'B', now: () => clock, notifiedLimit: 5 });
      const [x, y] = await Promise.all([a.claim(['1', '2', '3']), b.claim(['3', '4', '2', '4'])]);
      assert.deepEqual([...x!, ...y!].sort(), ['1', '2', '3', '4']);
      assert.deepEqual(await a.claim(['1', '4', '5']), ['5']);
      // Another account shares nothing.
      assert.deepEqual(await new Leader({ store, accountKey: 'other', now: () => clock }).claim(['1']), ['1']);
      // Bounded: the oldest are forgotten.
      await b.claim(['6', '7', '8', '9', '10']);
      assert.deepEqual(store.get<string[]>(b.notifiedKey)!.length, 5);
    });
  });

  describe('notifications of a tick', () => {
    it('a new request, comments and a pending payload: what notifies, claimed once, in words', async () => {
      const store = new MemoryStore();
      const w = watcher(store);
      const leader = new Leader({ store, accountKey: 'acct', now: () => clock });
      const input = { watcher: w, leader, focused: true, leaseMs: 180_000, signal: new AbortController().signal };
      await watchTick(input);
      const [pending] = sb.insertEvents({ direction: 'portin', count: 1, pending: true });
      let out = await watchTick(input);
      assert.deepEqual(out.notify, [], 'a payload not generated yet notifies once it is');
      sb.completeEvents({ direction: 'portin', ids: [pending!.id] });
      out = await watchTick(input);
      const kind = needsAction(PORT_IN, out.result!.completed[0]!.event);
      assert.deepEqual(ids(out.notify.map((x) => x.event)), kind === 'comment' ? [pending!.id] : []);
      out = await watchTick(input);
      assert.deepEqual(out.notify, []);
    });

    it('plans one notification each for a few, one line for a burst', () => {
      const ev = (dir: Direction, status: string, id: string): { direction: Direction; event: PortingEvent } => ({
        direction: dir,
        event: { id, event_type: dir === PORT_IN ? 'porting_order.status_changed' : 'portout.status_changed', payload: dir === PORT_IN ? { status: { value: status } } : { status } },
      });
      const few = [ev(PORT_IN, 'exception', 'a'), ev(PORT_OUT, 'pending', 'b')];
      const plan = planNotifications(few, few);
      assert.equal(plan?.kind, 'each');
      assert.equal(planNotifications([], few), undefined);
      const many = [ev(PORT_IN, 'exception', '1'), ev(PORT_IN, 'ported', '2'), ev(PORT_IN, 'submitted', '3'), ev(PORT_IN, 'ported', '4'), ev(PORT_OUT, 'pending', '5'), ev(PORT_OUT, 'authorized', '6')];
      const burst = planNotifications(many.filter((_, i) => ![2, 5].includes(i)), many);
      assert.deepEqual(burst?.kind === 'burst' ? burst.line : burst, '4 port-in and 2 port-out events, 4 need action');
    });
  });

  describe('sandbox: pending events over the control endpoints', () => {
    it('POST /__sandbox/events with pending, then POST /__sandbox/complete', async () => {
      const post = async (path: string, body: unknown): Promise<Response> =>
        fetch(`${sb.url}/__sandbox${path}`, { method: 'POST', headers: { authorization: `Bearer ${sb.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const res = await post('/events', { direction: 'portout', count: 2, pending: true });
      assert.equal(res.status, 201);
      const created = (await res.json()) as AnyEvent[];
      assert.ok(created.every((e) => e.payload_status === 'created' && e.payload === null && e.updated_at === e.created_at));
      const shown = await fetch(`${sb.apiBaseUrl}/portouts/events/${created[0]!.id}`, { headers: { authorization: `Bearer ${sb.apiKey}` } });
      assert.equal(((await shown.json()) as { data: AnyEvent }).data.payload_status, 'created');
      const done = await post('/complete', { direction: 'portout', ids: created.map((e) => e.id) });
      assert.equal(done.status, 200);
      const completed = (await done.json()) as AnyEvent[];
      assert.ok(completed.every((e) => e.payload_status === 'completed' && e.payload !== null && e.updated_at > e.created_at));
      assert.equal(sb.data.portoutEvents[0]!.payload_status, 'completed');
      assert.equal((await post('/complete', { direction: 'portout', ids: [created[0]!.id] })).status, 404, 'completed twice');
      assert.equal((await post('/complete', { direction: 'portin', ids: [sb.data.portinEvents[0]!.id] })).status, 404, 'not a pending insert');
      assert.equal((await post('/events', { direction: 'portin', count: 1, pending: 'yes' })).status, 400);
    });

    it('pending changes nothing else: the same events as without, after a reset', () => {
      const plain = sb.insertEvents({ direction: 'portin', count: 3 });
      sb.reset();
      const pending = sb.insertEvents({ direction: 'portin', count: 3, pending: true });
      assert.deepEqual(ids(pending), ids(plain));
      assert.deepEqual(sb.completeEvents({ direction: 'portin', ids: ids(pending) }), plain);
    });
  });
});

describe('nextDelay', () => {
  it('polls at the interval while focused, at least 30 s', () => {
    assert.equal(nextDelay({ intervalSeconds: 60, focused: true, keySet: true }), 60_000);
    assert.equal(nextDelay({ intervalSeconds: 10, focused: true, keySet: true }), 30_000);
    assert.equal(nextDelay({ intervalSeconds: 45.5, focused: true, keySet: true }), 45_500);
    assert.equal(nextDelay({ intervalSeconds: Number.NaN, focused: true, keySet: true }), 60_000);
  });
  it('unfocused, at most every 5 minutes', () => {
    assert.equal(nextDelay({ intervalSeconds: 60, focused: false, keySet: true }), 300_000);
    assert.equal(nextDelay({ intervalSeconds: 600, focused: false, keySet: true }), 600_000);
  });
  it('no key or watching off: no polling', () => {
    assert.equal(nextDelay({ intervalSeconds: 60, focused: true, keySet: false }), undefined);
    assert.equal(nextDelay({ intervalSeconds: 60, focused: true, keySet: true, enabled: false }), undefined);
  });
  it('backs off after failed ticks, up to 15 minutes', () => {
    assert.equal(nextDelay({ intervalSeconds: 60, focused: true, keySet: true, failures: 1 }), 120_000);
    assert.equal(nextDelay({ intervalSeconds: 60, focused: true, keySet: true, failures: 3 }), 480_000);
    assert.equal(nextDelay({ intervalSeconds: 60, focused: true, keySet: true, failures: 9 }), 900_000);
    assert.equal(nextDelay({ intervalSeconds: 60, focused: false, keySet: true, failures: 1 }), 300_000);
  });
});

describe('needsAction', () => {
  before(() => setDisplayTimeZone('UTC'));

  const portin = (type: string, payload: unknown, extra: Partial<PortingEvent> = {}): PortingEvent => ({ id: 'e1', event_type: `porting_order.${type}`, porting_order_id: 'o1', payload_status: 'completed', payload, ...extra });
  const portout = (type: string, payload: unknown, extra: Partial<PortingEvent> = {}): PortingEvent => ({ id: 'e2', event_type: `portout.${type}`, portout_id: 'p1', payload_status: 'completed', payload, ...extra });
  const status = (value: string): unknown => ({ id: 'o1', customer_reference: 'ACME-42', support_key: 'sr_1', status: { value, details: [] } });

  it('port-in: every event type', () => {
    const cases: [PortingEvent, ActionKind][] = [
      [portin('status_changed', status('exception')), 'portin.exception'],
      [portin('status_changed', status('foc-date-confirmed')), 'portin.foc'],
      [portin('status_changed', status('ported')), 'portin.ported'],
      [portin('status_changed', status('cancelled')), 'portin.cancelled'],
      [portin('status_changed', status('submitted')), 'portin.status'],
      [portin('status_changed', status('in-process')), 'portin.status'],
      [portin('status_changed', status('draft')), 'portin.status'],
      [portin('status_changed', status('cancel-pending')), 'portin.status'],
      [portin('status_changed', status('something-new')), 'portin.status'],
      [portin('status_changed', null, { payload_status: 'created' }), 'payload-pending'],
      [portin('new_comment', { comment: { body: 'Please upload a new LOA', user_type: 'admin' } }), 'comment'],
      [portin('new_comment', { comment: { body: 'Checking', user_type: 'system' } }), 'comment'],
      [portin('new_comment', { comment: { body: 'Uploaded', user_type: 'user' } }), 'comment.own'],
      [portin('new_comment', null, { payload_status: 'created' }), 'payload-pending'],
      [portin('messaging_changed', { messaging: { messaging_port_status: 'ported' } }), 'other'],
      [portin('split', { from: { id: 'o1' }, to: { id: 'o2' } }), 'other'],
      [portin('deleted', { id: 'o1', deleted_at: '2026-07-01T00:00:00Z' }), 'other'],
      [portin('loa_updated', null), 'other'],
      [portin('sharing_token_expired', null), 'other'],
      [portin('brand_new_thing', {}), 'other'],
    ];
    for (const [event, kind] of cases) assert.equal(needsAction(PORT_IN, event), kind, `${event.event_type} ${JSON.stringify(event.payload)}`);
  });

  it('port-out: every event type', () => {
    const cases: [PortingEvent, ActionKind][] = [
      [portout('status_changed', { status: 'pending' }), 'portout.pending'],
      [portout('status_changed', { status: 'rejected', rejection_reason: 'Invalid PIN' }), 'portout.rejected'],
      [portout('status_changed', { status: 'authorized' }), 'portout.status'],
      [portout('status_changed', { status: 'ported' }), 'portout.status'],
      [portout('status_changed', { status: 'rejected-pending' }), 'portout.status'],
      [portout('status_changed', { status: 'canceled' }), 'portout.status'],
      [portout('status_changed', null, { payload_status: 'created' }), 'payload-pending'],
      [portout('foc_date_changed', { foc_date: '2026-07-10T00:00:00Z' }), 'portout.foc'],
      [portout('foc_date_changed', null, { payload_status: 'created' }), 'portout.foc'],
      [portout('new_comment', { comment: 'We need the account PIN', user_id: 'u-1' }), 'comment'],
      [portout('new_comment', { comment: 'Admin note', user_id: null }), 'comment'],
      [portout('new_comment', { comment: 'Ours', user_id: 'u-1', user_type: 'user' }), 'comment.own'],
      [portout('new_comment', null, { payload_status: 'created' }), 'payload-pending'],
    ];
    for (const [event, kind] of cases) assert.equal(needsAction(PORT_OUT, event), kind, `${event.event_type} ${JSON.stringify(event.payload)}`);
    // A user id the caller knows to be the account's own.
    assert.equal(needsAction(PORT_OUT, portout('new_comment', { comment: 'x', user_id: 'u-1' }), { ownUserIds: new Set(['u-1']) }), 'comment.own');
  });

  it('a notification line names the order and says what happened, as inert plain text', () => {
    const exception = portin('status_changed', {
      id: 'o1',
      customer_reference: 'ACME-42',
      status: { value: 'exception', details: [{ code: 'ENTITY_NAME_MISMATCH', description: 'LOA signature does not match' }] },
    });
    assert.equal(notificationLine(PORT_IN, exception), 'Port-in ACME-42 → Exception: LOA signature does not match');
    const order: PortingOrder = { id: 'o1', customer_reference: 'ACME-42', phone_numbers: [{ phone_number: '+13125550100' }] };
    assert.equal(notificationLine(PORT_IN, exception, order), 'Port-in +1 312 555 0100 · ACME-42 → Exception: LOA signature does not match');
    assert.equal(
      notificationLine(PORT_OUT, portout('status_changed', { status: 'rejected', phone_numbers: ['+35312345678', '+35312345679'], rejection_reason: 'Invalid PIN' })),
      'Port-out +353 123 45678 (+1) → Rejected: Invalid PIN',
    );
    assert.equal(notificationLine(PORT_OUT, portout('foc_date_changed', { foc_date: '2026-07-10T00:00:00Z' })), 'Port-out order p1 → FOC date changed → Fri, Jul 10, 2026, 12:00 AM UTC');
    assert.equal(notificationLine(PORT_OUT, portout('status_changed', null, { payload_status: 'created' })), 'Port-out order p1 → Status changed (details not generated yet)');
    const hostile = portin('new_comment', { support_key: 'sr_9', comment: { body: 'Click [here](command:workbench.action.quit)\n\u202Eevil\u0007 <b>x</b>', user_type: 'admin' } });
    const line = notificationLine(PORT_IN, hostile);
    assert.equal(line, 'Port-in sr_9 → Comment from Telnyx: Click [here] (command:workbench.action.quit) evil <b>x</b>');
    assert.ok(!['\n', '\u202E', '\u0007'].some((c) => line.includes(c)));
    // One name for the order in every notification (issue 19): the old code said "Port-in order o1" for an order
    // known by its id alone, "Port-in +13125550100 · ACME-42" from the order, and the payload's raw numbers.
    const bare = portin('status_changed', { status: { value: 'ported' } });
    assert.equal(notificationLine(PORT_IN, { ...bare, porting_order_id: 'af41f639-0000-4000-8000-000000000000' }), 'Port-in order af41f639 → Ported');
    const many: PortingOrder = { id: 'o1', customer_reference: 'ACME-42', porting_phone_numbers_count: 17, phone_numbers: [{ phone_number: '+13125550100' }] };
    assert.equal(notificationLine(PORT_IN, exception, many), `Port-in ${orderName(PORT_IN, many)} → Exception: LOA signature does not match`);
    assert.equal(orderName(PORT_IN, many), '+1 312 555 0100 (+16) · ACME-42');
    assert.equal(plainText('x'.repeat(300)).length, 240);
    assert.ok(plainText('x'.repeat(300)).endsWith('…'));
  });

  it('summarizes a burst in one line', () => {
    const e = (dir: Direction, kind: 'act' | 'quiet'): { direction: Direction; event: PortingEvent } => ({
      direction: dir,
      event: dir === PORT_IN ? portin('status_changed', status(kind === 'act' ? 'exception' : 'submitted')) : portout('status_changed', { status: kind === 'act' ? 'pending' : 'authorized' }),
    });
    assert.equal(summarize([e(PORT_IN, 'act'), e(PORT_IN, 'act'), e(PORT_IN, 'quiet'), e(PORT_IN, 'quiet'), e(PORT_IN, 'quiet')]), '5 port-in events, 2 need action');
    assert.equal(summarize([e(PORT_OUT, 'act')]), '1 port-out event, 1 needs action');
    assert.equal(summarize([e(PORT_IN, 'quiet'), e(PORT_OUT, 'quiet'), e(PORT_OUT, 'act')]), '1 port-in and 2 port-out events, 1 needs action');
    assert.equal(summarize([e(PORT_IN, 'quiet'), e(PORT_IN, 'quiet')]), '2 port-in events');
    // The kinds that notify are the caller's.
    assert.equal(summarize([e(PORT_IN, 'quiet')], ['portin.status']), '1 port-in event, 1 needs action');
  });

  it('needs attention: exception and pending clocks, FOC within 48 hours', () => {
    const now = Date.parse('2026-07-10T12:00:00Z');
    const inException: PortingOrder = { status: { value: 'exception' }, updated_at: '2026-07-01T12:00:00Z', activation_settings: { foc_datetime_actual: '2026-07-12T00:00:00Z' } };
    const a = attentionOf(PORT_IN, inException, now);
    assert.deepEqual(a.map((x) => [x.reason, x.label]), [['exception', 'exception for 9 d'], ['foc-soon', 'FOC in 36 h']]);
    assert.match(a[0]!.note!, /14 days.*policy, not API data/);
    const pending: PortoutDetails = { status: 'pending', created_at: '2026-07-09T16:00:00Z', foc_date: '2026-07-20T00:00:00Z' };
    assert.deepEqual(attentionOf(PORT_OUT, pending, now).map((x) => [x.reason, x.label]), [['awaiting-answer', 'pending for 20 h']]);
    assert.match(attentionOf(PORT_OUT, pending, now)[0]!.note!, /24–48 hours/);
    assert.deepEqual(attentionOf(PORT_OUT, { status: 'authorized', foc_date: '2026-07-11T12:00:00Z' }, now).map((x) => x.label), ['FOC in 24 h']);
    assert.deepEqual(attentionOf(PORT_OUT, { status: 'ported', foc_date: '2026-07-11T12:00:00Z' }, now), []);
    assert.deepEqual(attentionOf(PORT_IN, { status: { value: 'submitted' }, activation_settings: { foc_datetime_actual: '2026-07-09T00:00:00Z' } }, now), []);
  });
});
