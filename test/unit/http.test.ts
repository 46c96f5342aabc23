// The wire layer's deadlines, retries and outcomes against the local Telnyx-shaped server: real HTTP on
// 127.0.0.1, no mocked client. Each attempt has one deadline (body included), a call sends at most
// retries + 1 requests, and a POST that may have been processed is never resent on its own. All of it under a
// forced GC every 100 ms: a deadline or Cancel that a collection can unhook fails here (issue 18).

import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { TelnyxClient } from '../../src/api/client';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import { TelnyxError } from '../../src/api/errors';
import { Http, type HttpOptions, type RequestLogEntry } from '../../src/api/http';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { underForcedGc } from './forcedGc';

describe('Http: deadlines, retries and outcomes against the sandbox', function () {
  this.timeout(20_000);
  underForcedGc();
  let sb: Sandbox;
  let log: RequestLogEntry[];

  const options = (over: Partial<HttpOptions> = {}): HttpOptions => ({
    baseUrl: sb.apiBaseUrl,
    apiKey: sb.apiKey,
    timeoutMs: 2_000,
    retries: 2,
    onRequest: (e) => log.push(e),
    ...over,
  });
  const client = (over: Partial<HttpOptions> = {}): TelnyxClient => new TelnyxClient(options(over));
  const http = (over: Partial<HttpOptions> = {}): Http => new Http(options(over));

  /** The TelnyxError a call fails with, and how long it took to fail. */
  async function failure(p: Promise<unknown>): Promise<{ e: TelnyxError; ms: number }> {
    const started = Date.now();
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof TelnyxError, `expected a TelnyxError, got ${String(e)}`);
      assert.ok(!e.message.includes(sb.apiKey), 'the key is never in a message');
      return { e, ms: Date.now() - started };
    }
    return assert.fail('expected the call to fail');
  }

  const apiRequests = (method: string): number => sb.requests.filter((r) => r.method === method).length;

  before(async () => {
    sb = await startSandbox();
  });
  after(async () => {
    await sb.close();
  });
  beforeEach(() => {
    sb.reset();
    log = [];
  });
  afterEach(() => {
    assert.ok(!JSON.stringify(log).includes(sb.apiKey), 'the key is never in the log');
  });

  describe('one deadline per attempt, body included', () => {
    it('ends a body that stalls after the headers in a timeout, within (retries + 1) deadlines plus backoff', async function () {
      // The old code's deadline stopped at the headers, so it waited here until mocha gave up.
      this.timeout(15_000);
      sb.addFault({ method: 'GET', path: '/v2/porting_orders', times: 10 }, { stallBody: true });
      const { e, ms } = await failure(client({ timeoutMs: 300, retries: 2 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /did not answer within 0\.3 s/);
      assert.ok(ms < 5_000, `failed after ${ms} ms`);
      assert.equal(sb.requests.length, 3, 'one try and two retries');
      assert.deepEqual(log.map((l) => l.status), ['timeout', 'timeout', 'timeout']);
    });

    it('recovers when only the first answer stalls', async function () {
      this.timeout(15_000);
      sb.addFault({ method: 'GET', path: '/v2/porting_orders' }, { stallBody: true });
      const page = await client({ timeoutMs: 300 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 });
      assert.equal(page.items.length, 5);
      assert.equal(sb.requests.length, 2);
    });

    it('times out an answer whose headers are late, and says how long it waited', async () => {
      // Held, never released: late headers for sure, however late the client's timer fires.
      sb.addFault({ path: '/v2/porting_orders', times: 3 }, { hold: 'never' });
      const { e } = await failure(client({ timeoutMs: 300, retries: 0 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /^Loading Port-in orders: Telnyx did not answer within 0\.3 s\.$/);
      assert.deepEqual(log.map((l) => l.status), ['timeout']);
    });
  });

  describe('one retry loop: at most retries + 1 requests per call', () => {
    it('a body cut off mid-way on every attempt gives exactly retries + 1 requests', async () => {
      sb.addFault({ method: 'GET', path: '/v2/porting_orders', times: 20 }, { reset: true });
      const { e } = await failure(client({ retries: 2 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'network');
      assert.match(e.message, /could not reach http:\/\/127\.0\.0\.1:\d+: the connection broke while the answer was coming in \(.*; 3 tries\)/);
      assert.equal(sb.requests.length, 3);
      assert.deepEqual(log.map((l) => l.status), ['error', 'error', 'error']);
    });

    it('503s before the headers and resets mid-body do not multiply: still retries + 1 requests', async () => {
      // The old code ran ky's retries (on 503) inside its own body-retry loop: 3 x 3 = 9 requests here.
      for (let round = 0; round < 3; round++) {
        sb.addFault({ method: 'GET', path: '/v2/porting_orders', times: 2 }, { status: 503, headers: { 'retry-after-ms': '10' } });
        sb.addFault({ method: 'GET', path: '/v2/porting_orders' }, { reset: true });
      }
      const { e } = await failure(client({ retries: 2 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'network');
      assert.deepEqual(sb.requests.map((r) => r.status), [503, 503, 200]);
    });

    it('timeouts count against the same budget', async () => {
      sb.addFault({ path: '/v2/porting_orders', times: 10 }, { hold: 'never' });
      const { e } = await failure(client({ timeoutMs: 200, retries: 1 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /\(2 tries\)/);
      assert.equal(sb.requests.length, 2);
    });

    it('retries: 0 sends exactly one request', async () => {
      sb.addFault({ path: '/v2/porting_orders', times: 10 }, { status: 500 });
      const { e } = await failure(client({ retries: 0 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'server');
      assert.equal(sb.requests.length, 1);
    });

    it('a 502 with an HTML page is retried, and its HTML never reaches the message', async () => {
      sb.addFault({ path: '/v2/porting_orders', times: 10 }, { status: 502, body: '<html><body>502 Bad Gateway</body></html>', headers: { 'retry-after-ms': '10' } });
      const { e } = await failure(client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'server');
      assert.equal(e.status, 502);
      assert.ok(!e.message.includes('<'), e.message);
      assert.equal(sb.requests.length, 3);
    });

    it('retries a 409 on a read, as the official SDK does', async () => {
      sb.addFault({ path: '/v2/porting_orders' }, { status: 409, headers: { 'retry-after-ms': '10' } });
      const page = await client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 });
      assert.equal(page.items.length, 5);
      assert.deepEqual(sb.requests.map((r) => r.status), [409, 200]);
    });
  });

  describe('x-should-retry', () => {
    it('false: a 503 is not retried', async () => {
      sb.addFault({ path: '/v2/porting_orders', times: 5 }, { status: 503, headers: { 'x-should-retry': 'false' } });
      const { e } = await failure(client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'server');
      assert.equal(e.status, 503);
      assert.equal(sb.requests.length, 1);
    });

    it('true: a 400 on a GET is retried', async () => {
      sb.addFault({ path: '/v2/porting_orders' }, { status: 400, headers: { 'x-should-retry': 'true', 'retry-after-ms': '10' } });
      const page = await client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 });
      assert.equal(page.items.length, 5);
      assert.deepEqual(sb.requests.map((r) => r.status), [400, 200]);
    });

    it('without it, a 400 is not retried', async () => {
      sb.addFault({ path: '/v2/porting_orders' }, { status: 400 });
      const { e } = await failure(client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'invalid');
      assert.equal(sb.requests.length, 1);
    });
  });

  describe('Retry-After', () => {
    it('longer than the bound (default 20 s) fails at once, saying how long Telnyx asked to wait', async function () {
      // The old code waited its 60 s maxRetryAfter and then retried early.
      this.timeout(10_000);
      sb.addFault({ path: '/v2/portouts', times: 5 }, { status: 429, retryAfter: 120 });
      const { e, ms } = await failure(client().listOrders(PORT_OUT, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'rate-limited');
      assert.match(e.message, /^Loading Port-out orders: Telnyx is rate-limiting requests \(429\) and asked to wait 120 s before trying again; try again later/);
      assert.ok(ms < 2_000, `failed after ${ms} ms`);
      assert.equal(sb.requests.length, 1, 'no second request');
    });

    it('as an HTTP date past the bound fails at once too', async function () {
      this.timeout(10_000);
      sb.addFault({ path: '/v2/portouts', times: 5 }, { status: 503, retryAfter: new Date(Date.now() + 10 * 60_000).toUTCString() });
      const { e } = await failure(client().listOrders(PORT_OUT, { pageNumber: 1, pageSize: 5 }));
      assert.equal(e.kind, 'server');
      assert.match(e.message, /asked to wait 10 min before trying again/);
      assert.equal(sb.requests.length, 1);
    });

    it('within a bound the caller set, is waited for', async () => {
      sb.addFault({ path: '/v2/portouts' }, { status: 429, retryAfter: 1 });
      const started = Date.now();
      const page = await client({ maxRetryAfterMs: 1_500 }).listOrders(PORT_OUT, { pageNumber: 1, pageSize: 5 });
      assert.ok(Date.now() - started >= 950);
      assert.equal(page.items.length, 5);
      assert.deepEqual(sb.requests.map((r) => r.status), [429, 200]);
    });

    it('retry-after-ms is honoured, and wins over Retry-After', async () => {
      // 1.2 s is longer than the first backoff (at most 0.5 s) and than ky's (0.3 s): only honouring the header waits this long.
      sb.addFault({ path: '/v2/portouts' }, { status: 429, retryAfter: 120, headers: { 'retry-after-ms': '1200' } });
      const started = Date.now();
      const page = await client().listOrders(PORT_OUT, { pageNumber: 1, pageSize: 5 });
      const waited = Date.now() - started;
      assert.ok(waited >= 1_150, `waited ${waited} ms`);
      assert.ok(waited < 5_000, `waited ${waited} ms`);
      assert.equal(page.items.length, 5);
      assert.deepEqual(sb.requests.map((r) => r.status), [429, 200]);
    });

    it('absent, backs off exponentially from about 0.5 s', async () => {
      sb.addFault({ path: '/v2/portouts', times: 2 }, { status: 503 });
      const started = Date.now();
      await client().listOrders(PORT_OUT, { pageNumber: 1, pageSize: 5 });
      const waited = Date.now() - started;
      // 0.5 s then 1 s, each less up to a quarter.
      assert.ok(waited >= 1_100 && waited < 3_000, `waited ${waited} ms`);
      assert.deepEqual(sb.requests.map((r) => r.status), [503, 503, 200]);
    });
  });

  describe('a POST that may have been processed is never resent on its own', () => {
    const event = (): string => sb.data.portinEvents[0]!.id;

    it('502 with an HTML body after processing: unknown outcome, one republish, never resent', async () => {
      sb.addFault({ method: 'POST', path: '/republish' }, { statusAfterProcessing: 502 });
      const { e } = await failure(client().republish(PORT_IN, event()));
      assert.equal(e.kind, 'unknown-outcome');
      assert.equal(e.status, 502);
      assert.equal(e.retryable, false, 'no blind Retry');
      assert.match(e.message, /server error \(502\), so it may or may not have been processed\.$/);
      assert.ok(!e.message.includes('<'), e.message);
      assert.equal(sb.republishes.length, 1);
      assert.equal(apiRequests('POST'), 1);
    });

    it('503: unknown outcome, one request', async () => {
      sb.addFault({ method: 'POST', path: '/republish', times: 5 }, { status: 503 });
      const { e } = await failure(client().republish(PORT_IN, event()));
      assert.equal(e.kind, 'unknown-outcome');
      assert.match(e.message, /may or may not have been processed/);
      assert.equal(apiRequests('POST'), 1);
    });

    it('504 with a gateway page after processing: unknown outcome', async () => {
      sb.addFault({ method: 'POST', path: '/republish' }, { statusAfterProcessing: 504 });
      const { e } = await failure(client().republish(PORT_IN, event()));
      assert.equal(e.kind, 'unknown-outcome');
      assert.equal(e.status, 504);
      assert.equal(sb.republishes.length, 1);
      assert.equal(apiRequests('POST'), 1);
    });

    it('408: unknown outcome', async () => {
      sb.addFault({ method: 'POST', path: '/republish' }, { status: 408 });
      const { e } = await failure(client().republish(PORT_IN, event()));
      assert.equal(e.kind, 'unknown-outcome');
      assert.equal(apiRequests('POST'), 1);
    });

    it('a timeout: unknown outcome, one request', async () => {
      sb.addFault({ method: 'POST', path: '/republish' }, { hold: 'never' });
      const { e } = await failure(client({ timeoutMs: 300 }).republish(PORT_IN, event()));
      assert.equal(e.kind, 'unknown-outcome');
      assert.match(e.message, /did not answer within 0\.3 s, so it may or may not have been processed\./);
      assert.equal(apiRequests('POST'), 1);
    });

    it('processed, then no answer at all (stalled): unknown outcome after the deadline, one republish', async () => {
      sb.addFault({ method: 'POST', path: '/republish' }, { stallBody: true });
      const { e, ms } = await failure(client({ timeoutMs: 300 }).republish(PORT_IN, event()));
      assert.equal(e.kind, 'unknown-outcome');
      assert.ok(ms < 3_000, `failed after ${ms} ms`);
      assert.equal(sb.republishes.length, 1);
      assert.equal(apiRequests('POST'), 1);
    });

    it('a connection reset after processing: unknown outcome, one republish', async () => {
      sb.addFault({ method: 'POST', path: '/republish' }, { resetAfterProcessing: true });
      const { e } = await failure(client().republish(PORT_IN, event()));
      assert.equal(e.kind, 'unknown-outcome');
      assert.equal(sb.republishes.length, 1);
      assert.equal(apiRequests('POST'), 1);
    });

    it('429 then 204: resent once, one republish recorded', async () => {
      sb.addFault({ method: 'POST', path: '/republish' }, { status: 429, headers: { 'retry-after-ms': '50' } });
      await client().republish(PORT_IN, event());
      assert.deepEqual(sb.requests.filter((r) => r.method === 'POST').map((r) => r.status), [429, 204]);
      assert.equal(sb.republishes.length, 1);
    });

    it('429 with x-should-retry: false is not resent', async () => {
      sb.addFault({ method: 'POST', path: '/republish' }, { status: 429, headers: { 'x-should-retry': 'false', 'retry-after-ms': '50' } });
      const { e } = await failure(client().republish(PORT_IN, event()));
      assert.equal(e.kind, 'rate-limited');
      assert.equal(apiRequests('POST'), 1);
      assert.equal(sb.republishes.length, 0);
    });

    it('429 asking for longer than the bound fails at once, naming the wait, and sends nothing more', async function () {
      this.timeout(10_000);
      sb.addFault({ method: 'POST', path: '/republish', times: 5 }, { status: 429, retryAfter: 120 });
      const { e, ms } = await failure(client().republish(PORT_IN, event()));
      assert.equal(e.kind, 'rate-limited');
      assert.match(e.message, /asked to wait 120 s before trying again; try again later/);
      assert.ok(ms < 2_000);
      assert.equal(apiRequests('POST'), 1);
    });

    it('429 past the retry budget is a rate-limited error (nothing was processed)', async () => {
      sb.addFault({ method: 'POST', path: '/republish', times: 5 }, { status: 429, headers: { 'retry-after-ms': '10' } });
      const { e } = await failure(client({ retries: 1 }).republish(PORT_IN, event()));
      assert.equal(e.kind, 'rate-limited');
      assert.equal(apiRequests('POST'), 2);
      assert.equal(sb.republishes.length, 0);
    });

    it('a refused connection (nothing sent) is a plain network error', async () => {
      const port = await closedPort();
      const post = new Http({ baseUrl: `http://127.0.0.1:${port}/v2`, apiKey: sb.apiKey, retries: 2 }).postOnce(`porting/events/${event()}/republish`, { what: 'Republishing' });
      const { e } = await failure(post);
      assert.equal(e.kind, 'network');
      assert.match(e.message, /^Republishing: could not reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    });

    it('an unknown event is a definite not-found, sent once', async () => {
      const { e } = await failure(http().postOnce('porting/events/00000000-0000-4000-8000-000000000000/republish', { what: 'Republishing' }));
      assert.equal(e.kind, 'not-found');
      assert.equal(apiRequests('POST'), 1);
    });

    it('a redirect is not followed and names only the origin', async () => {
      sb.addFault({ method: 'POST', path: '/republish' }, { redirectTo: 'http://user:pw@example.com/v2/x?key=1' });
      const { e } = await failure(client().republish(PORT_IN, event()));
      assert.equal(e.kind, 'config');
      assert.match(e.message, /redirect to http:\/\/example\.com,/);
      assert.equal(sb.republishes.length, 0);
    });
  });

  describe('cancellation', () => {
    it('the caller\'s signal cancels a slow read: cancelled, not timeout', async () => {
      // Held, never released: only the cancel can end it, so no clock is needed to tell it worked.
      sb.addFault({ path: '/v2/porting_orders' }, { hold: 'read' });
      const abort = new AbortController();
      const failing = failure(client({ timeoutMs: 5_000 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5, signal: abort.signal }));
      await sb.waitHeld('read');
      abort.abort();
      const { e } = await failing;
      assert.equal(e.kind, 'cancelled');
      assert.equal(sb.requests.length, 1, 'no retry after a cancel');
    });

    it('cancels a stalled body', async () => {
      sb.addFault({ path: '/v2/porting_orders' }, { stallBody: true });
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 200);
      const { e } = await failure(client({ timeoutMs: 5_000 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5, signal: abort.signal }));
      assert.equal(e.kind, 'cancelled');
      assert.equal(sb.requests.length, 1);
    });

    it('cancels a wait for Retry-After', async () => {
      sb.addFault({ path: '/v2/porting_orders' }, { status: 429, retryAfter: 5 });
      const abort = new AbortController();
      const failing = failure(client({ maxRetryAfterMs: 10_000 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5, signal: abort.signal }));
      // Cancelled once the 429 is answered, so during the wait, not while the request is out.
      while (sb.requests[0]?.status !== 429) await new Promise((r) => setTimeout(r, 5));
      abort.abort();
      const { e } = await failing;
      assert.equal(e.kind, 'cancelled');
      assert.equal(sb.requests.length, 1, 'no retry: a wait the cancel did not end would send another after 5 s');
    });

    it('an already aborted signal sends nothing', async () => {
      const { e } = await failure(client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 5, signal: AbortSignal.abort() }));
      assert.equal(e.kind, 'cancelled');
      assert.equal(sb.requests.length, 0);
    });
  });

  describe('kept behaviour', () => {
    it('calls onReceived once, after the last byte, and logs one line per attempt', async () => {
      sb.addFault({ path: '/v2/porting_orders' }, { status: 500, headers: { 'retry-after-ms': '10' } });
      let received = 0;
      const body = await http().json('porting_orders', { what: 'Loading', query: { 'page[size]': 2 }, onReceived: () => received++ });
      assert.equal(received, 1);
      assert.equal((body as { data: unknown[] }).data.length, 2);
      assert.deepEqual(log.map((l) => [l.method, l.path, l.status]), [
        ['GET', 'porting_orders?page[size]=2', 500],
        ['GET', 'porting_orders?page[size]=2', 200],
      ]);
    });

    it('sends Accept: application/json on reads and */* on a republish, with the bearer key, and logs the bytes', async () => {
      await client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 1 });
      await client().republish(PORT_IN, sb.data.portinEvents[0]!.id);
      const get = sb.requests.find((r) => r.method === 'GET')!;
      const post = sb.requests.find((r) => r.method === 'POST')!;
      assert.equal(get.accept, 'application/json');
      assert.equal(post.accept, '*/*');
      assert.ok(get.authorized && post.authorized, 'Authorization: Bearer <key>');
      const logged = log.find((l) => l.method === 'GET' && l.path.startsWith('porting_orders'))!;
      assert.ok(logged.bytes !== undefined && logged.bytes > 100, `bytes logged: ${logged.bytes}`);
    });

    it('json() gives undefined for an empty body and names malformed JSON', async () => {
      sb.addFault({ path: '/v2/porting_orders' }, { body: '' });
      assert.equal(await http().json('porting_orders', { what: 'Loading' }), undefined);
      sb.addFault({ path: '/v2/porting_orders' }, { body: '{"data": [' });
      const { e } = await failure(http().json('porting_orders', { what: 'Loading' }));
      assert.equal(e.kind, 'malformed');
      assert.equal(sb.requests.length, 2, 'malformed JSON is not retried');
    });
  });
});

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
