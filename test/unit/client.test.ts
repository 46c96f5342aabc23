// The API layer against the real local Telnyx-shaped server: real HTTP on 127.0.0.1, no mocked client.

import * as assert from 'node:assert/strict';
import { TelnyxClient } from '../../src/api/client';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import { TelnyxError } from '../../src/api/errors';
import type { RequestLogEntry } from '../../src/api/http';
import { startSandbox, type Sandbox } from '../sandbox/server';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('TelnyxClient against the sandbox', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  let log: RequestLogEntry[];
  const client = (over: Partial<ConstructorParameters<typeof TelnyxClient>[0]> = {}): TelnyxClient =>
    new TelnyxClient({ baseUrl: sandbox.apiBaseUrl, apiKey: sandbox.apiKey, timeoutMs: 2_000, retries: 2, onRequest: (e) => log.push(e), ...over });
  const rejects = async (p: Promise<unknown>, check: (e: TelnyxError) => void): Promise<void> => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof TelnyxError, `expected a TelnyxError, got ${String(e)}`);
      check(e);
      return;
    }
    assert.fail('expected the call to fail');
  };

  before(async () => {
    sandbox = await startSandbox();
  });
  after(async () => {
    await sandbox.close();
  });
  beforeEach(() => {
    sandbox.reset();
    log = [];
  });

  it('lists port-in orders at GET /porting_orders with page[number] and page[size]', async () => {
    const page = await client().listOrders(PORT_IN, { pageNumber: 2, pageSize: 5 });
    const req = sandbox.requests.at(-1)!;
    assert.equal(req.method, 'GET');
    assert.equal(req.path, '/v2/porting_orders');
    const q = new URLSearchParams(req.query);
    assert.equal(q.get('page[number]'), '2');
    assert.equal(q.get('page[size]'), '5');
    assert.equal(page.pageNumber, 2);
    assert.equal(page.items.length, 5);
    assert.equal(page.totalResults, sandbox.data.portinOrders.length);
    assert.equal(page.totalPages, Math.ceil(sandbox.data.portinOrders.length / 5));
  });

  it('lists port-outs at GET /portouts', async () => {
    const page = await client().listOrders(PORT_OUT, { pageNumber: 1, pageSize: 250 });
    assert.equal(sandbox.requests.at(-1)!.path, '/v2/portouts');
    assert.deepEqual(page.items.map((o) => o.id).sort(), sandbox.data.portoutOrders.map((o) => o.id).sort());
  });

  it('filters port-in events with filter[porting_order_id] and filter[type]', async () => {
    const order = sandbox.data.portinOrders[0]!;
    const page = await client().listEvents(PORT_IN, { orderId: order.id, eventType: 'porting_order.new_comment', pageNumber: 1, pageSize: 250 });
    const req = sandbox.requests.at(-1)!;
    assert.equal(req.path, '/v2/porting/events');
    const q = new URLSearchParams(req.query);
    assert.equal(q.get('filter[porting_order_id]'), order.id);
    assert.equal(q.get('filter[type]'), 'porting_order.new_comment');
    const expected = sandbox.data.portinEvents.filter((e) => e.porting_order_id === order.id && e.event_type === 'porting_order.new_comment');
    assert.deepEqual(page.items.map((e) => e.id).sort(), expected.map((e) => e.id).sort());
  });

  it('filters port-out events with filter[portout_id] and filter[event_type] at /portouts/events', async () => {
    const order = sandbox.data.portoutOrders[0]!;
    const page = await client().listEvents(PORT_OUT, { orderId: order.id, eventType: 'portout.status_changed', pageNumber: 1, pageSize: 250 });
    const req = sandbox.requests.at(-1)!;
    assert.equal(req.path, '/v2/portouts/events');
    const q = new URLSearchParams(req.query);
    assert.equal(q.get('filter[portout_id]'), order.id);
    assert.equal(q.get('filter[event_type]'), 'portout.status_changed');
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((e) => e.portout_id === order.id && e.event_type === 'portout.status_changed'));
  });

  it('pages through every event of an order exactly once, in page order', async () => {
    const order = sandbox.data.portinOrders[1]!;
    const expected = sandbox.data.portinEvents.filter((e) => e.porting_order_id === order.id);
    assert.ok(expected.length > 7, 'the seed gives this order several pages');
    const c = client();
    const ids: string[] = [];
    let requests = 0;
    for (let n = 1, pages = 1; n <= pages; n++) {
      const page = await c.listEvents(PORT_IN, { orderId: order.id, pageNumber: n, pageSize: 7 });
      pages = page.totalPages;
      ids.push(...page.items.map((e) => e.id ?? ''));
      requests++;
    }
    assert.equal(requests, Math.ceil(expected.length / 7));
    assert.deepEqual([...ids].sort(), expected.map((e) => e.id).sort());
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
  });

  it('shows one event, with a null payload while payload_status is created', async () => {
    const created = sandbox.data.portinEvents.find((e) => e.payload_status === 'created')!;
    const e = await client().getEvent(PORT_IN, created.id);
    assert.equal(sandbox.requests.at(-1)!.path, `/v2/porting/events/${created.id}`);
    assert.equal(e.id, created.id);
    assert.equal(e.payload, null);
    const done = sandbox.data.portoutEvents.find((x) => x.payload_status === 'completed')!;
    const full = await client().getEvent(PORT_OUT, done.id);
    assert.deepEqual(full, JSON.parse(JSON.stringify(done)));
  });

  it('finds an event by id alone in either direction', async () => {
    const out = sandbox.data.portoutEvents[3]!;
    const found = await client().findEvent(out.id);
    assert.equal(found.direction.id, 'portout');
    assert.equal(found.event.id, out.id);
    await rejects(client().findEvent(UNKNOWN_ID), (e) => assert.equal(e.kind, 'not-found'));
  });

  it('republishes with one POST answered 204', async () => {
    const ev = sandbox.data.portinEvents[0]!;
    await client().republish(PORT_IN, ev.id);
    const posts = sandbox.requests.filter((r) => r.method === 'POST');
    assert.deepEqual(posts.map((r) => r.path), [`/v2/porting/events/${ev.id}/republish`]);
    assert.equal(sandbox.republishes.length, 1);
    assert.equal(sandbox.republishes[0]!.id, ev.id);
    const out = sandbox.data.portoutEvents[0]!;
    await client().republish(PORT_OUT, out.id);
    assert.equal(sandbox.requests.at(-1)!.path, `/v2/portouts/events/${out.id}/republish`);
  });

  it('reports a republish of an unknown event as not found, without sending anything', async () => {
    await rejects(client().republish(PORT_IN, UNKNOWN_ID), (e) => {
      assert.equal(e.kind, 'not-found');
      assert.equal(e.status, 404);
    });
    assert.equal(sandbox.republishes.length, 0);
  });

  it('turns a wrong key into an auth error that names no key', async () => {
    await rejects(client({ apiKey: 'KEYWRONG' }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 1 }), (e) => {
      assert.equal(e.kind, 'auth');
      assert.equal(e.status, 401);
      assert.equal(e.retryable, false);
      assert.equal(e.errors[0]?.code, '10009');
      assert.ok(!e.message.includes('KEYWRONG'));
    });
    assert.equal(sandbox.requests.length, 1, 'a 401 is not retried');
  });

  it('surfaces 422 details from errors[]', async () => {
    sandbox.addFault({ path: '/v2/porting_orders' }, { status: 422 });
    await rejects(client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }), (e) => {
      assert.equal(e.kind, 'invalid');
      assert.ok(e.details.length > 0, 'the API detail is kept');
      assert.ok(e.message.includes(e.details[0]!), e.message);
    });
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    sandbox.addFault({ path: '/v2/portouts' }, { status: 429, retryAfter: 1 });
    const started = Date.now();
    const page = await client().listOrders(PORT_OUT, { pageNumber: 1, pageSize: 5 });
    const waited = Date.now() - started;
    assert.ok(waited >= 950, `waited ${waited} ms`);
    assert.equal(page.items.length, 5);
    assert.deepEqual(sandbox.requests.map((r) => r.status), [429, 200]);
  });

  it('retries a 500 and gives up with a server error after the retry budget', async () => {
    sandbox.addFault({ path: '/v2/porting/events' }, { status: 500, times: 10 });
    await rejects(client({ retries: 2 }).listEvents(PORT_IN, { pageNumber: 1, pageSize: 5 }), (e) => {
      assert.equal(e.kind, 'server');
      assert.equal(e.status, 500);
      assert.equal(e.retryable, true);
    });
    assert.equal(sandbox.requests.length, 3, 'one try and two retries');
  });

  it('recovers when a 500 is followed by a good answer', async () => {
    sandbox.addFault({ path: '/v2/porting/events' }, { status: 500 });
    const page = await client().listEvents(PORT_IN, { pageNumber: 1, pageSize: 5 });
    assert.equal(page.items.length, 5);
    assert.deepEqual(sandbox.requests.map((r) => r.status), [500, 200]);
  });

  it('times out a slow answer with a clear message', async () => {
    // Every attempt held, never released (a timeout is retried like a dropped connection): no answer in time, however late the timer.
    sandbox.addFault({ path: '/v2/porting_orders', times: 3 }, { hold: 'never' });
    await rejects(client({ timeoutMs: 300 }).listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }), (e) => {
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /did not answer within/);
    });
  });

  it('names malformed JSON as such', async () => {
    sandbox.addFault({ path: '/v2/porting_orders' }, { body: '{"data": [' });
    await rejects(client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 5 }), (e) => {
      assert.equal(e.kind, 'malformed');
      assert.match(e.message, /not valid JSON/);
    });
  });

  it('names JSON of the wrong shape as such', async () => {
    sandbox.addFault({ path: '/v2/portouts' }, { body: '{"data": {"id": 1}}' });
    await rejects(client().listOrders(PORT_OUT, { pageNumber: 1, pageSize: 5 }), (e) => {
      assert.equal(e.kind, 'malformed');
      assert.match(e.message, /no list of records/);
    });
  });

  it('reports a refused connection as a network error', async () => {
    const port = sandbox.port;
    const c = new TelnyxClient({ baseUrl: `http://127.0.0.1:${port + 1}/v2`, apiKey: 'x', retries: 0, timeoutMs: 2_000 });
    await rejects(c.listOrders(PORT_IN, { pageNumber: 1, pageSize: 1 }), (e) => {
      assert.equal(e.kind, 'network');
      assert.match(e.message, /could not reach http:\/\/127\.0\.0\.1/);
    });
  });

  it('falls back once to the guide\'s /portout/events path and remembers it', async () => {
    const legacy = await startSandbox({ portoutEventsPath: 'portout' });
    try {
      const c = new TelnyxClient({ baseUrl: legacy.apiBaseUrl, apiKey: legacy.apiKey });
      const first = await c.listEvents(PORT_OUT, { pageNumber: 1, pageSize: 5 });
      assert.equal(first.items.length, 5);
      await c.listEvents(PORT_OUT, { pageNumber: 2, pageSize: 5 });
      const ev = legacy.data.portoutEvents[0]!;
      await c.republish(PORT_OUT, ev.id);
      assert.deepEqual(
        legacy.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
        ['GET /v2/portouts/events 404', 'GET /v2/portout/events 200', 'GET /v2/portout/events 200', `POST /v2/portout/events/${ev.id}/republish 204`],
      );
      assert.equal(c.eventsPathOf(PORT_OUT), 'portout/events');
    } finally {
      await legacy.close();
    }
  });

  it('logs method, path, status and time of each request, never the key', async () => {
    await client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 3 });
    assert.equal(log.length, 1);
    assert.equal(log[0]!.method, 'GET');
    assert.match(log[0]!.path, /^porting_orders\?/);
    assert.equal(log[0]!.status, 200);
    assert.ok(log[0]!.ms >= 0);
    assert.ok(!JSON.stringify(log).includes(sandbox.apiKey));
  });

  describe('ids in paths (issue 18 item 6)', () => {
    // encodeURIComponent keeps `.` and `..`, and the URL parser drops or climbs them: republish('..') was a POST to
    // /v2/porting/republish, answerPortout('..') a PATCH to /v2/authorized, postComment(…, '..') a POST to /v2/comments.
    const BAD = ['..', '.', 'a/b', '%2e%2e', '', 'not-a-uuid', ` ${UNKNOWN_ID}`, `${UNKNOWN_ID}/..`, `${UNKNOWN_ID}?x=1`, UNKNOWN_ID.slice(1)];
    const calls: [string, (c: TelnyxClient, id: string) => Promise<unknown>][] = [
      ['getEvent port-in', (c, id) => c.getEvent(PORT_IN, id)],
      ['getEvent port-out', (c, id) => c.getEvent(PORT_OUT, id)],
      ['findEvent', (c, id) => c.findEvent(id)],
      ['getOrder port-in', (c, id) => c.getOrder(PORT_IN, id)],
      ['getOrder port-out', (c, id) => c.getOrder(PORT_OUT, id)],
      ['republish port-in', (c, id) => c.republish(PORT_IN, id)],
      ['republish port-out', (c, id) => c.republish(PORT_OUT, id)],
      ['listComments port-in', (c, id) => c.listComments(PORT_IN, id)],
      ['listComments port-out', (c, id) => c.listComments(PORT_OUT, id)],
      ['postComment port-in', (c, id) => c.postComment(PORT_IN, id, 'hello')],
      ['postComment port-out', (c, id) => c.postComment(PORT_OUT, id, 'hello')],
      ['portoutRejections', (c, id) => c.portoutRejections(id)],
      ['answerPortout authorized', (c, id) => c.answerPortout(id, 'authorized', { reason: 'Expected port-out' })],
      ['answerPortout rejected-pending', (c, id) => c.answerPortout(id, 'rejected-pending', { reason: 'Invalid PIN' })],
    ];
    for (const [name, call] of calls) {
      it(`${name}: refuses an id that is not a UUID before any request`, async () => {
        for (const bad of BAD) {
          await rejects(call(client(), bad), (e) => {
            assert.equal(e.kind, 'invalid', `${JSON.stringify(bad)}: ${e.message}`);
            assert.equal(e.retryable, false);
            assert.ok(e.message.includes(`${JSON.stringify(bad)} is not a Telnyx id`), e.message);
          });
        }
        assert.deepEqual(sandbox.requests.map((r) => `${r.method} ${r.path}`), [], 'no request reached the sandbox');
        assert.equal(log.length, 0);
        assert.equal(sandbox.republishes.length + sandbox.decisions.length, 0);
      });
    }

    it('takes a UUID in either case, as the spec\'s format allows', async () => {
      const ev = sandbox.data.portinEvents[0]!;
      assert.equal((await client().getEvent(PORT_IN, ev.id)).id, ev.id);
      await rejects(client().getOrder(PORT_OUT, UNKNOWN_ID.toUpperCase()), (e) => assert.equal(e.kind, 'not-found'));
      assert.equal(sandbox.requests.length, 2);
    });
  });

  it('does not follow a redirect, so the key never goes to another origin', async () => {
    const other = await startSandbox();
    try {
      sandbox.addFault({ path: '/v2/porting_orders' }, { redirectTo: `${other.apiBaseUrl}/porting_orders` });
      await rejects(client().listOrders(PORT_IN, { pageNumber: 1, pageSize: 1 }), (e) => {
        assert.equal(e.kind, 'config');
        assert.match(e.message, /redirect/);
      });
      assert.equal(other.requests.length, 0, 'the other origin got no request');
    } finally {
      await other.close();
    }
  });
});
