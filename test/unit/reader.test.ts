// Newest first whatever order the server lists in, and nothing lost while records come and go: the reader
// the tree uses, against the sandbox in each list order it can play (the API documents no sort for three
// of its four lists).

import * as assert from 'node:assert/strict';
import { TelnyxClient } from '../../src/api/client';
import { PORT_IN, PORT_OUT, type Direction } from '../../src/api/directions';
import { NewestFirstReader, type ReaderSource } from '../../src/api/newestFirstReader';
import { recordTime } from '../../src/api/records';
import type { Identified } from '../../src/api/records';
import type { ListName } from '../sandbox/server';
import { startSandbox, type Sandbox } from '../sandbox/server';

const ORDERS = ['desc', 'asc', 'shuffled'] as const;

describe('NewestFirstReader against the sandbox', function () {
  this.timeout(30_000);
  let sandbox: Sandbox;
  let client: TelnyxClient;

  before(async () => {
    sandbox = await startSandbox({ seed: { portinOrders: 16, portoutOrders: 30 } });
    client = new TelnyxClient({ baseUrl: sandbox.apiBaseUrl, apiKey: sandbox.apiKey, retries: 0 });
  });
  after(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  const events = (dir: Direction, orderId?: string): ReaderSource<Identified> => ({
    page: (pageNumber, pageSize, signal) => client.listEvents(dir, { orderId, pageNumber, pageSize, signal }),
    // Small pages for the whole-list read too, so records can vanish between its pages.
    all: (signal) => client.allEvents(dir, { pageSize: 7, signal }, orderId),
  });
  const portouts: ReaderSource<Identified> = {
    page: (pageNumber, pageSize, signal) => client.listOrders(PORT_OUT, { pageNumber, pageSize, signal }),
    all: (signal) => client.allOrders(PORT_OUT, { pageSize: 7, signal }),
  };

  /** Times of the records, newest first, as the truth has them. */
  const timesOf = (xs: readonly Identified[]): number[] => xs.map(recordTime).sort((a, b) => b - a);

  /**
   * Reads to the end; after every step what is shown must be exactly the newest records of the list
   * (compared by time, so ties in any order pass). Returns the records shown at the end and the number
   * of steps in which a record was out of place.
   */
  async function readAll(source: ReaderSource<Identified>, pageSize: number, truth: () => readonly Identified[]): Promise<{ shown: Identified[]; misplaced: number; steps: number }> {
    const reader = new NewestFirstReader(source, pageSize);
    const signal = new AbortController().signal;
    let misplaced = 0;
    let steps = 0;
    do {
      await reader.loadNext(signal);
      steps++;
      const shown = reader.items.map(recordTime);
      const expected = timesOf(truth()).slice(0, shown.length);
      if (shown.some((t, i) => t !== expected[i])) misplaced++;
      assert.ok(steps < 500, 'the reader ends');
    } while (reader.hasMore);
    return { shown: reader.items, misplaced, steps };
  }

  for (const order of ORDERS) {
    describe(`server lists ${order}`, () => {
      beforeEach(() => sandbox.configure({ listOrder: order }));

      it('shows Recent events newest first at every Load more, and every event once', async () => {
        const truth = (): readonly Identified[] => sandbox.data.portinEvents;
        const r = await readAll(events(PORT_IN), 25, truth);
        assert.equal(r.misplaced, 0);
        assert.deepEqual(r.shown.map((e) => e.id).sort(), truth().map((e) => e.id).sort());
        if (order !== 'shuffled') assert.ok(r.steps > 3, `${r.steps} Load more steps: read a page at a time`);
      });

      it("shows an order's events newest first, starting with the newest", async () => {
        const orderId = sandbox.data.portoutOrders[4]!.id;
        const truth = (): readonly Identified[] => sandbox.data.portoutEvents.filter((e) => e.portout_id === orderId);
        assert.ok(truth().length > 5);
        const reader = new NewestFirstReader(events(PORT_OUT, orderId), 5);
        await reader.loadNext(new AbortController().signal);
        assert.equal(recordTime(reader.items[0]!), timesOf(truth())[0], 'the first row is the newest event');
        const r = await readAll(events(PORT_OUT, orderId), 5, truth);
        assert.equal(r.misplaced, 0);
        assert.equal(r.shown.length, truth().length);
      });

      it('shows port-outs newest first', async () => {
        const r = await readAll(portouts, 4, () => sandbox.data.portoutOrders);
        assert.equal(r.misplaced, 0);
        assert.equal(r.shown.length, sandbox.data.portoutOrders.length);
      });

      for (const list of ['portoutOrders', 'portinEvents'] as const satisfies readonly ListName[]) {
        it(`loses nothing when ${list} vanish between page requests`, async () => {
          const source = list === 'portoutOrders' ? portouts : events(PORT_IN);
          const before = new Set((list === 'portoutOrders' ? sandbox.data.portoutOrders : sandbox.data.portinEvents).map((x) => x.id));
          sandbox.configure({ removeEveryListRequest: { list, count: 2, pick: 'random' } });
          const r = await readAll(source, 6, () => (list === 'portoutOrders' ? sandbox.data.portoutOrders : sandbox.data.portinEvents));
          const now = (list === 'portoutOrders' ? sandbox.data.portoutOrders : sandbox.data.portinEvents).map((x) => x.id);
          assert.ok(now.length < before.size, 'records were removed while paging');
          const shown = new Set(r.shown.map((x) => x.id));
          const missing = now.filter((id) => !shown.has(id));
          assert.deepEqual(missing, [], 'every record that still exists is shown');
          assert.equal(shown.size, r.shown.length, 'none twice');
        });
      }

      it('loses nothing and repeats nothing when events arrive between page requests', async () => {
        const seeded = sandbox.data.portinEvents.map((e) => e.id);
        sandbox.configure({ insertEventsEveryListRequest: { direction: 'portin', count: 2 } });
        const reader = new NewestFirstReader(events(PORT_IN), 20);
        const signal = new AbortController().signal;
        do await reader.loadNext(signal);
        while (reader.hasMore);
        const shown = reader.items.map((e) => e.id!);
        assert.equal(new Set(shown).size, shown.length, 'none twice');
        const missing = seeded.filter((id) => !shown.includes(id));
        // A list in no order with records landing anywhere on every request cannot be read whole by page
        // number; what matters is that the reader then says so instead of passing a partial list off as whole.
        if (order === 'shuffled') assert.ok(missing.length === 0 || reader.unsettled, `${missing.length} missing without a warning`);
        else assert.deepEqual(missing, [], 'every event that existed at the start is shown');
      });
    });
  }

  it('detects the order from page 1 and reads the newest end first when the server lists oldest first', async () => {
    sandbox.configure({ listOrder: 'asc' });
    const total = sandbox.data.portinEvents.length;
    const pages = Math.ceil(total / 10);
    const reader = new NewestFirstReader(events(PORT_IN), 10);
    await reader.loadNext(new AbortController().signal);
    assert.equal(reader.order, 'oldest-first');
    const pagesOf10 = sandbox.requests.map((r) => new URLSearchParams(r.query)).filter((q) => q.get('page[size]') === '10');
    // Page 1, then the last page, and the one before it when the last is short (the first rows fill a page),
    // those two joined by one window across their boundary (a page of another size).
    const short = total % 10 !== 0;
    assert.deepEqual(pagesOf10.map((q) => q.get('page[number]')), ['1', String(pages), ...(short ? [String(pages - 1)] : [])]);
    assert.equal(sandbox.requests.length, pagesOf10.length + (short ? 1 : 0));
    assert.equal(reader.items.length, short ? 10 + (total % 10) : 10, 'page 1 (the oldest) is not shown above the gap');
    assert.equal(recordTime(reader.items[0]!), timesOf(sandbox.data.portinEvents)[0]);
  });

  it('reads every page and sorts when the server lists in no order', async () => {
    sandbox.configure({ listOrder: 'shuffled' });
    const reader = new NewestFirstReader(events(PORT_IN), 10);
    await reader.loadNext(new AbortController().signal);
    assert.equal(reader.order, 'unordered');
    assert.equal(reader.items.length, 10, 'revealed a page at a time');
    const before = sandbox.requests.length;
    await reader.loadNext(new AbortController().signal);
    assert.equal(reader.items.length, 20);
    assert.equal(sandbox.requests.length, before, 'revealing more needs no request');
  });

  it('stops when its signal is aborted, and a record from an aborted load is not shown', async () => {
    // Held at the sandbox, so the abort surely comes while the page is on the wire.
    sandbox.addFault({ method: 'GET', path: '/v2/porting/events' }, { hold: 'page' });
    const reader = new NewestFirstReader(events(PORT_IN), 10);
    const abort = new AbortController();
    const load = reader.loadNext(abort.signal);
    await sandbox.waitHeld('page');
    abort.abort();
    await assert.rejects(load);
    assert.equal(reader.items.length, 0);
  });
});
