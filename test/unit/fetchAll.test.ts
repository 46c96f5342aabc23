// Fetching every page: bounded concurrency, nothing lost or repeated while records arrive, cancellation.

import * as assert from 'node:assert/strict';
import { TelnyxClient } from '../../src/api/client';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import { TelnyxError } from '../../src/api/errors';
import { fetchAll, MAX_SCAN_PAGES } from '../../src/api/fetchAll';
import type { Page, PortingEvent } from '../../src/api/types';
import { startSandbox, type Sandbox } from '../sandbox/server';

describe('fetchAll against the sandbox', function () {
  this.timeout(30_000);
  let sandbox: Sandbox;
  let client: TelnyxClient;
  before(async () => {
    sandbox = await startSandbox({ seed: { portinOrders: 60, portoutOrders: 30 } });
    client = new TelnyxClient({ baseUrl: sandbox.apiBaseUrl, apiKey: sandbox.apiKey });
  });
  after(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('returns every port-in order once, in the API order, with one request per page', async () => {
    const pages: number[] = [];
    const r = await client.allOrders(PORT_IN, { pageSize: 7, concurrency: 3, onProgress: (done, total) => pages.push(done * 1000 + total) });
    assert.deepEqual(r.items.map((o) => o.id), sandbox.data.portinOrders.map((o) => o.id));
    assert.equal(r.requests, Math.ceil(60 / 7));
    assert.equal(sandbox.requests.length, r.requests);
    assert.equal(pages.length, r.requests, 'progress after every page');
    assert.equal(pages.at(-1), r.requests * 1000 + r.requests, 'progress ends at total/total');
  });

  it('with a hint of the total, sends the first pages together and still returns each record once', async () => {
    const pages = Math.ceil(60 / 7);
    for (const hint of [60, 10, 500]) {
      sandbox.clearRequests();
      const r = await client.allOrders(PORT_IN, { pageSize: 7, concurrency: 4, expectedTotal: hint });
      assert.deepEqual(r.items.map((o) => o.id), sandbox.data.portinOrders.map((o) => o.id), `hint ${hint}`);
      assert.equal(r.topUpRequests, 0);
      const extra = sandbox.requests.length - pages;
      assert.ok(extra >= 0 && extra <= 3, `hint ${hint}: ${extra} requests past the end`);
    }
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = async (n: number, size: number): Promise<Page<PortingEvent>> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        await new Promise((r) => setTimeout(r, 20));
        return await client.listEvents(PORT_OUT, { pageNumber: n, pageSize: size });
      } finally {
        inFlight--;
      }
    };
    const r = await fetchAll(slow, { pageSize: 20, concurrency: 4 });
    assert.equal(peak, 4);
    assert.equal(r.items.length, sandbox.data.portoutEvents.length);
  });

  it('holds at most `concurrency` requests at the server at once, and does reach that many', async () => {
    for (const concurrency of [1, 3]) {
      sandbox.clearRequests();
      sandbox.setLatency(15);
      const r = await client.allEvents(PORT_IN, { pageSize: 50, concurrency });
      assert.equal(r.items.length, sandbox.data.portinEvents.length);
      assert.ok(sandbox.requests.length > concurrency + 1, 'enough pages to fill every slot');
      assert.equal(sandbox.peakInFlight, concurrency, `concurrency ${concurrency}`);
    }
  });

  it('sends the next page once an answer has arrived, while that answer is still being parsed', async () => {
    const order: string[] = [];
    let onWire = 0;
    let peakOnWire = 0;
    // A fetcher whose "parse" takes 40 ms after the last byte arrived.
    const slowParse = async (n: number, size: number, signal?: AbortSignal, received?: () => void): Promise<Page<PortingEvent>> => {
      order.push(`send ${n}`);
      peakOnWire = Math.max(peakOnWire, ++onWire);
      const page = await client.listEvents(PORT_OUT, {
        pageNumber: n,
        pageSize: size,
        signal,
        onReceived: () => {
          onWire--;
          order.push(`received ${n}`);
          received?.();
        },
      });
      await new Promise((r) => setTimeout(r, 40));
      order.push(`parsed ${n}`);
      return page;
    };
    const r = await fetchAll(slowParse, { pageSize: 100, concurrency: 1 });
    assert.equal(r.items.length, sandbox.data.portoutEvents.length);
    assert.equal(peakOnWire, 1, 'one request on the wire at a time');
    assert.ok(r.requests >= 4, `${r.requests} pages`);
    const at = (s: string): number => order.indexOf(s);
    // Page 1 must be parsed first: its total_pages says whether there is a page 2.
    const seen = order.slice(0, 12).join(', ');
    assert.ok(at('parsed 1') < at('send 2'), seen);
    assert.ok(at('send 3') < at('parsed 2'), `page 3 goes out while page 2 is parsed: ${seen}`);
    assert.ok(at('send 4') < at('parsed 3'), seen);
  });

  it('reports a failed page at once and aborts the pages still on the wire', async () => {
    let abortedOnWire = 0;
    const pages = async (n: number, size: number, signal?: AbortSignal): Promise<Page<PortingEvent>> => {
      if (n === 1) return client.listEvents(PORT_OUT, { pageNumber: 1, pageSize: size, signal });
      if (n === 2) throw new TelnyxError('server', 'page 2 failed', 500);
      // The other pages would take 10 s: the test's timeout says whether fetchAll waited for them.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        signal?.addEventListener('abort', () => {
          abortedOnWire++;
          clearTimeout(timer);
          resolve();
        });
      });
      throw new TelnyxError('cancelled', 'Cancelled.');
    };
    const started = Date.now();
    await assert.rejects(fetchAll(pages, { pageSize: 20, concurrency: 4 }), (e: unknown) => e instanceof TelnyxError && e.message === 'page 2 failed');
    assert.ok(Date.now() - started < 5_000, 'did not wait for the slow pages');
    assert.equal(abortedOnWire, 3, 'pages 3, 4 and 5 (sent with page 2) were aborted');
  });

  it('loses nothing and repeats nothing when events arrive between page requests', async () => {
    let calls = 0;
    const shifting = async (n: number, size: number): Promise<Page<PortingEvent>> => {
      // New events land on top (newest first) before each of the first five requests.
      if (calls++ < 5) sandbox.insertEvents({ direction: 'portin', count: 3 });
      return client.listEvents(PORT_IN, { pageNumber: n, pageSize: size });
    };
    const r = await fetchAll(shifting, { pageSize: 50, concurrency: 4 });
    const truth = sandbox.data.portinEvents.map((e) => e.id);
    const ids = r.items.map((e) => e.id!);
    const missing = truth.filter((id) => !ids.includes(id));
    assert.equal(new Set(ids).size, ids.length, 'duplicated');
    assert.deepEqual(missing, [], 'missing');
    assert.equal(ids.length, truth.length);
    assert.ok(r.topUpRequests > 0, 'a top-up pass ran');
  });

  for (const order of ['desc', 'asc', 'shuffled'] as const) {
    it(`loses nothing when records vanish between page requests (server lists ${order})`, async () => {
      sandbox.configure({ listOrder: order });
      let calls = 0;
      const removed = new Set<string>();
      const vanishing = async (n: number, size: number): Promise<Page<PortingEvent>> => {
        // Two port-out events leave the list before each of the first six requests: the count can stay
        // level with what was read (the deleted ones were read already), so only the pass's own totals show it.
        if (calls++ < 6) for (const e of sandbox.removeRecords({ list: 'portoutEvents', count: 2, pick: 'random' })) removed.add(e.id);
        return client.listEvents(PORT_OUT, { pageNumber: n, pageSize: size });
      };
      const r = await fetchAll(vanishing, { pageSize: 9, concurrency: 3 });
      const ids = new Set(r.items.map((e) => e.id!));
      const missing = sandbox.data.portoutEvents.filter((e) => !ids.has(e.id));
      assert.ok(removed.size > 0);
      assert.deepEqual(missing.map((e) => e.id), [], 'every event that still exists was returned');
      assert.equal(ids.size, r.items.length, 'none twice');
      assert.equal(r.settled, true);
    });
  }

  it('stops sending requests once cancelled', async () => {
    const abort = new AbortController();
    await assert.rejects(
      client.allEvents(PORT_IN, {
        pageSize: 10,
        concurrency: 2,
        signal: abort.signal,
        onProgress: (done) => {
          if (done === 3) abort.abort();
        },
      }),
      (e: unknown) => e instanceof TelnyxError && e.kind === 'cancelled',
    );
    const total = Math.ceil(sandbox.data.portinEvents.length / 10);
    assert.ok(sandbox.requests.length <= 5, `${sandbox.requests.length} of ${total} pages were requested`);
  });

  describe('a list whose meta claims more than its pages hold (issue 18 item 7)', () => {
    /** Every port-in orders page answered with the same body (`items`, this meta), more times than any test asks. */
    const liar = (items: unknown[], meta: Record<string, number>): void => {
      sandbox.addFault({ method: 'GET', path: '/v2/porting_orders', times: 500 }, { body: JSON.stringify({ data: items, meta: { page_number: 1, page_size: 7, ...meta } }) });
    };
    /**
     * allOrders that gives up after `limit` requests: an unbounded scan (the old code sent 5,775 requests in 8 s to
     * such a server) fails here with the count instead of running on.
     */
    const scan = async (opts: { concurrency: number; expectedTotal?: number }, limit = 60): Promise<Awaited<ReturnType<TelnyxClient['allOrders']>>> => {
      const guard = new AbortController();
      let sent = 0;
      const c = new TelnyxClient({ baseUrl: sandbox.apiBaseUrl, apiKey: sandbox.apiKey, onRequest: () => ++sent >= limit && guard.abort() });
      try {
        return await c.allOrders(PORT_IN, { pageSize: 7, signal: guard.signal, ...opts });
      } catch (e) {
        if (guard.signal.aborted) assert.fail(`still scanning after ${sent} requests`);
        throw e;
      }
    };
    const seven = (): unknown[] => sandbox.data.portinOrders.slice(0, 7);

    for (const concurrency of [1, 2, 4]) {
      it(`stops when a page brings nothing new, however many pages are claimed (concurrency ${concurrency})`, async () => {
        liar(seven(), { total_pages: 1e9, total_results: 7e9 });
        const r = await scan({ concurrency });
        // Page 1, the `concurrency` pages it lets out, and as many again sent while those were parsed (a slot frees
        // when an answer's last byte is in, before the page is read).
        assert.ok(sandbox.requests.length <= 1 + 2 * concurrency, `${sandbox.requests.length} requests`);
        assert.equal(r.requests, sandbox.requests.length);
        assert.deepEqual(r.items.map((o) => o.id), sandbox.data.portinOrders.slice(0, 7).map((o) => o.id));
        assert.equal(r.cut, true);
        assert.equal(r.settled, false, 'told as possibly incomplete');
        assert.equal(r.topUpRequests, 0, 'not read again: another pass would meet the same answers');
      });
    }

    it('with a hint of the claimed total, still sends only the first pages', async () => {
      liar(seven(), { total_pages: 1e9, total_results: 7e9 });
      const r = await scan({ concurrency: 4, expectedTotal: 7e9 });
      assert.ok(sandbox.requests.length <= 12, `${sandbox.requests.length} requests`);
      assert.equal(r.settled, false);
    });

    it('an empty page 1 that claims more pages ends the scan at once', async () => {
      liar([], { total_pages: 1e9, total_results: 7e9 });
      const r = await scan({ concurrency: 3 });
      assert.equal(sandbox.requests.length, 1);
      assert.deepEqual(r.items, []);
      assert.equal(r.settled, false);
    });

    it('holds total_pages to what total_results fills', async () => {
      liar(seven(), { total_pages: 1e9, total_results: 7 });
      const r = await scan({ concurrency: 4 });
      assert.equal(sandbox.requests.length, 1);
      assert.equal(r.items.length, 7);
      assert.equal(r.settled, true, 'seven of seven');
    });

    it(`reads at most MAX_SCAN_PAGES (${MAX_SCAN_PAGES}) pages of a list that never ends, and says records may be missing`, async () => {
      // Every page new records: only the cap ends it. A fetcher of its own, as 4,000 sandbox pages would take a while.
      let asked = 0;
      const endless = async (n: number, size: number): Promise<Page<PortingEvent>> => {
        asked++;
        const items = Array.from({ length: size }, (_, i) => ({ id: `page-${n}-${i}` }));
        return { items, pageNumber: n, pageSize: size, totalPages: 1e9, totalResults: 1e9 * size };
      };
      const r = await fetchAll(endless, { pageSize: 2, concurrency: 8 });
      assert.equal(asked, MAX_SCAN_PAGES);
      assert.equal(r.requests, MAX_SCAN_PAGES);
      assert.equal(r.items.length, MAX_SCAN_PAGES * 2);
      assert.equal(r.cut, true);
      assert.equal(r.settled, false);
    });
  });

  it('settles the port-out events path on page 1 before going parallel', async () => {
    const legacy = await startSandbox({ portoutEventsPath: 'portout' });
    try {
      const c = new TelnyxClient({ baseUrl: legacy.apiBaseUrl, apiKey: legacy.apiKey });
      const r = await c.allEvents(PORT_OUT, { pageSize: 50, concurrency: 4 });
      assert.equal(r.items.length, legacy.data.portoutEvents.length);
      assert.equal(legacy.requests.filter((q) => q.status === 404).length, 1, 'one 404, then the guide path is remembered');
    } finally {
      await legacy.close();
    }
  });
});
