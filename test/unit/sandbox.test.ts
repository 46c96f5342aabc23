// The sandbox itself, over real HTTP: list orders, records vanishing under paging, strict query checking and
// the faults that leave a client unsure what happened. Client tests trust these behaviours, so they are pinned here.

import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { DEFAULT_SEED_OPTIONS } from '../sandbox/seed';
import { startSandbox, type Sandbox } from '../sandbox/server';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

interface Listed {
  id: string;
  created_at: string;
}

interface ListBody {
  data: Listed[];
  meta: { page_number: number; page_size: number; total_pages: number; total_results: number };
}

interface ErrorsBody {
  errors: { code: string; title: string; detail: string; source?: { parameter?: string; pointer?: string } }[];
}

describe('sandbox', function () {
  this.timeout(30_000);
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox();
  });
  after(() => sb.close());
  beforeEach(() => sb.reset());

  async function call(method: string, pathAndQuery: string, signal?: AbortSignal): Promise<Answer> {
    const res = await fetch(`${sb.apiBaseUrl}${pathAndQuery}`, { method, headers: { Authorization: `Bearer ${sb.apiKey}` }, signal });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      // HTML and other non-JSON bodies are checked through `text`.
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  const get = (pathAndQuery: string): Promise<Answer> => call('GET', pathAndQuery);

  async function control(method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${sb.url}/__sandbox/${path}`, {
      method,
      headers: { Authorization: `Bearer ${sb.apiKey}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text === '' ? undefined : JSON.parse(text) };
  }

  async function page(path: string, number: number, size: number, extra = ''): Promise<ListBody> {
    const a = await get(`${path}?page[number]=${number}&page[size]=${size}${extra}`);
    assert.equal(a.status, 200, `${path} page ${number}: ${a.text}`);
    return a.json as ListBody;
  }

  /** Every page of a list, in order, as the API gives them. */
  async function readAll(path: string, size: number): Promise<Listed[]> {
    const first = await page(path, 1, size);
    const all = [...first.data];
    for (let n = 2; n <= first.meta.total_pages; n++) all.push(...(await page(path, n, size)).data);
    assert.equal(all.length, first.meta.total_results, `${path}: every page together holds total_results records`);
    return all;
  }

  const ids = (records: readonly { id: string }[]): string[] => records.map((r) => r.id);
  const errorsOf = (a: Answer): ErrorsBody['errors'] => (a.json as ErrorsBody).errors;
  const paramsOf = (a: Answer): (string | undefined)[] => errorsOf(a).map((e) => e.source?.parameter);

  describe('list order', () => {
    const lists = [
      { path: '/porting/events', truth: (): Listed[] => sb.data.portinEvents, size: 50 },
      { path: '/portouts/events', truth: (): Listed[] => sb.data.portoutEvents, size: 50 },
      { path: '/portouts', truth: (): Listed[] => sb.data.portoutOrders, size: 7 },
    ];

    for (const { path, truth, size } of lists) {
      for (const order of ['desc', 'asc', 'shuffled'] as const) {
        it(`${order}: ${path} gives every record exactly once across its pages, in that order`, async () => {
          sb.configure({ listOrder: order });
          const got = ids(await readAll(path, size));
          const newestFirst = ids(truth());
          assert.equal(new Set(got).size, got.length, 'no record twice');
          assert.deepEqual([...got].sort(), [...newestFirst].sort(), 'every record');
          if (order === 'desc') assert.deepEqual(got, newestFirst);
          if (order === 'asc') {
            assert.deepEqual(got, [...newestFirst].reverse());
            const times = (await readAll(path, size)).map((r) => Date.parse(r.created_at));
            assert.ok(times.every((t, i) => i === 0 || (times[i - 1] as number) <= t), 'created_at ascending');
          }
          if (order === 'shuffled') {
            assert.notDeepEqual(got, newestFirst, 'not newest first');
            assert.notDeepEqual(got, [...newestFirst].reverse(), 'not oldest first');
            assert.deepEqual(ids(await readAll(path, size)), got, 'the same order on a second full read');
          }
        });
      }
    }

    it('shuffled: events inserted later land inside the list, and the others keep their places relative to each other', async () => {
      sb.configure({ listOrder: 'shuffled' });
      const before = ids(await readAll('/porting/events', 100));
      const added = ids(sb.insertEvents({ direction: 'portin', count: 20 }));
      const after = ids(await readAll('/porting/events', 100));
      assert.deepEqual(after.filter((id) => !added.includes(id)), before);
      const places = added.map((id) => after.indexOf(id));
      assert.ok(places.some((p) => p >= 20), `not all new events at the head: ${places.join(', ')}`);
    });

    it('applies to the guide path /portout/events too', async () => {
      sb.configure({ listOrder: 'asc', portoutEventsPath: 'portout' });
      assert.deepEqual(ids(await readAll('/portout/events', 50)), ids(sb.data.portoutEvents).reverse());
    });

    it('leaves /porting_orders to its documented sort[value] (default -created_at)', async () => {
      sb.configure({ listOrder: 'shuffled' });
      assert.deepEqual(ids(await readAll('/porting_orders', 7)), ids(sb.data.portinOrders));
      assert.deepEqual(ids((await page('/porting_orders', 1, 50, '&sort[value]=created_at')).data), ids(sb.data.portinOrders).reverse());
    });

    it('is set over HTTP, validated, and restored by reset to the start-up value', async () => {
      assert.equal((await control('POST', 'config', { listOrder: 'random' })).status, 400);
      assert.equal(((await control('POST', 'config', { listOrder: 'asc' })).json as { listOrder: string }).listOrder, 'asc');
      assert.deepEqual(ids(await readAll('/portouts', 7)), ids(sb.data.portoutOrders).reverse());
      await control('POST', 'reset');
      assert.equal(sb.config.listOrder, 'desc');

      const other = await startSandbox({ listOrder: 'shuffled' });
      try {
        other.configure({ listOrder: 'desc' });
        other.reset();
        assert.equal(other.config.listOrder, 'shuffled');
      } finally {
        await other.close();
      }
    });
  });

  describe('records vanishing', () => {
    it('removeRecords takes the newest orders out of lists and GET by id, keeps their events, and /seed agrees', async () => {
      const newest = sb.data.portinOrders.slice(0, 2);
      const removed = sb.removeRecords({ list: 'portinOrders', count: 2 });
      assert.deepEqual(ids(removed), ids(newest));
      const listed = ids(await readAll('/porting_orders', 7));
      assert.equal(listed.length, 22);
      for (const o of newest) {
        assert.ok(!listed.includes(o.id));
        assert.equal((await get(`/porting_orders/${o.id}`)).status, 404);
        const events = await page('/porting/events', 1, 250, `&filter[porting_order_id]=${o.id}`);
        assert.ok(events.meta.total_results > 0, 'the removed order keeps its events');
      }
      const seed = (await control('GET', 'seed')).json as { portinOrders: Listed[] };
      assert.deepEqual(ids(seed.portinOrders), ids(sb.data.portinOrders));
      assert.equal(seed.portinOrders.length, 22);
      sb.reset();
      assert.equal((await get(`/porting_orders/${newest[0]!.id}`)).status, 200, 'reset brings them back');
    });

    it('POST /__sandbox/remove removes events by id; they 404 on show and republish; unknown ids remove nothing', async () => {
      const victims = ids(sb.data.portoutEvents.slice(3, 5));
      const a = await control('POST', 'remove', { list: 'portoutEvents', ids: victims });
      assert.equal(a.status, 200);
      assert.deepEqual(ids(a.json as Listed[]), victims);
      for (const id of victims) {
        assert.equal((await get(`/portouts/events/${id}`)).status, 404);
        assert.equal((await call('POST', `/portouts/events/${id}/republish`)).status, 404);
      }
      assert.ok(!ids(await readAll('/portouts/events', 100)).some((id) => victims.includes(id)));

      const before = sb.data.portoutEvents.length;
      const unknown = await control('POST', 'remove', { list: 'portoutEvents', ids: [sb.data.portoutEvents[0]!.id, '00000000-0000-4000-8000-000000000000'] });
      assert.equal(unknown.status, 404);
      assert.equal(sb.data.portoutEvents.length, before);
      assert.equal((await control('POST', 'remove', { list: 'portoutEvents', count: 1, ids: victims })).status, 400);
      assert.equal((await control('POST', 'remove', { list: 'nope', count: 1 })).status, 400);
    });

    it('pick random is seeded: the same picks after a reset', async () => {
      const first = ids(sb.removeRecords({ list: 'portinEvents', count: 5, pick: 'random' }));
      sb.reset();
      const again = ids((await control('POST', 'remove', { list: 'portinEvents', count: 5, pick: 'random' })).json as Listed[]);
      assert.deepEqual(again, first);
      assert.notDeepEqual(first, ids(sb.data.portinEvents.slice(0, 5)));
    });

    it('page caches follow a removal followed by an insertion that restores the length', async () => {
      const first = await page('/porting/events', 1, 20);
      const gone = sb.data.portinEvents[0]!.id;
      sb.removeRecords({ list: 'portinEvents', ids: [gone] });
      const [added] = sb.insertEvents({ direction: 'portin', count: 1 });
      const again = await page('/porting/events', 1, 20);
      assert.equal(again.meta.total_results, first.meta.total_results);
      assert.equal(again.data[0]!.id, added!.id);
      assert.ok(!ids(again.data).includes(gone));
    });

    it('removeEveryListRequest removes just before pages 2 and later, never before page 1', async () => {
      const a = await control('POST', 'config', { removeEveryListRequest: { list: 'portoutOrders', count: 2 } });
      assert.equal(a.status, 200);
      const original = ids(sb.data.portoutOrders);
      const newest = original.slice(0, 4);
      const p1 = await page('/portouts', 1, 5);
      assert.equal(p1.meta.total_results, 18, 'page 1 is a stable start');
      const p2 = await page('/portouts', 2, 5);
      assert.equal(p2.meta.total_results, 16, 'two removed before page 2 was answered');
      const p3 = await page('/portouts', 3, 5);
      assert.equal(p3.meta.total_results, 14);
      assert.equal((await page('/portouts', 1, 5)).meta.total_results, 14, 'page 1 again removes nothing');
      // The newest two went first, so page 2 was cut from a list that had already lost page 1's first two records.
      assert.deepEqual(ids(p2.data), original.slice(7, 12));
      for (const id of newest) assert.equal((await get(`/portouts/${id}`)).status, 404, `${id} is gone`);
      // A request that never arrived (reset fault) removes nothing.
      sb.addFault({ path: '/v2/portouts' }, { reset: true });
      await get('/portouts?page[number]=2').catch(() => undefined);
      assert.equal(sb.data.portoutOrders.length, 14);
      // Other lists are untouched.
      assert.equal((await page('/porting_orders', 2, 5)).meta.total_results, 24);
      sb.reset();
      assert.equal(sb.config.removeEveryListRequest, null);
    });

    it('removeEveryListRequest on events with pick random, from code', async () => {
      sb.configure({ removeEveryListRequest: { list: 'portinEvents', count: 3, pick: 'random' } });
      const total = sb.data.portinEvents.length;
      await page('/porting/events', 1, 20);
      assert.equal(sb.data.portinEvents.length, total);
      await page('/porting/events', 2, 20);
      assert.equal(sb.data.portinEvents.length, total - 3);
      assert.throws(() => sb.configure({ removeEveryListRequest: { list: 'portinEvents', count: 0 } }));
    });
  });

  describe('strict query', () => {
    it('refuses an unknown parameter with a 422 naming it', async () => {
      const a = await get('/porting/events?page[size]=5&foo=bar');
      assert.equal(a.status, 422);
      assert.deepEqual(paramsOf(a), ['foo']);
      const [e] = errorsOf(a);
      assert.equal(e!.code, '10015');
      assert.equal(e!.title, 'Bad Request');
      assert.match(e!.detail, /foo/);
    });

    it("refuses the other direction's filter names", async () => {
      assert.deepEqual(paramsOf(await get('/porting/events?filter[event_type]=portout.new_comment')), ['filter[event_type]']);
      assert.deepEqual(paramsOf(await get('/portouts/events?filter[type]=porting_order.split')), ['filter[type]']);
      assert.deepEqual(paramsOf(await get('/porting_orders?filter[status]=draft')), ['filter[status]']);
      assert.deepEqual(paramsOf(await get('/portouts?sort[value]=-created_at')), ['sort[value]']);
    });

    it('refuses a repeated parameter, and lists every bad parameter at once', async () => {
      const a = await get('/portouts?filter[status]=pending&filter[status]=ported');
      assert.equal(a.status, 422);
      assert.deepEqual(paramsOf(a), ['filter[status]']);
      const b = await get('/porting/events?page[size]=5&page[size]=6&bogus=1&page[number]=0');
      assert.deepEqual(paramsOf(b).sort(), ['bogus', 'page[number]', 'page[size]']);
    });

    it('takes filter[status_in] and filter[country_code_in] comma-separated or repeated, with or without []', async () => {
      for (const q of ['filter[status_in]=pending,ported', 'filter[status_in]=pending&filter[status_in]=ported', 'filter[status_in][]=pending&filter[status_in][]=ported']) {
        const a = await get(`/portouts?page[size]=250&${q}`);
        assert.equal(a.status, 200, q);
        const statuses = new Set((a.json as { data: { status: string }[] }).data.map((p) => p.status));
        assert.deepEqual([...statuses].sort(), ['pending', 'ported'], q);
      }
      assert.equal((await get('/portouts?filter[country_code_in][]=US&filter[country_code_in][]=GB')).status, 200);
    });

    it('show endpoints take only what the spec lists; republish takes nothing and records nothing when refused', async () => {
      const order = sb.data.portinOrders[0]!;
      assert.equal((await get(`/porting_orders/${order.id}?include_phone_numbers=false`)).status, 200);
      assert.deepEqual(paramsOf(await get(`/porting_orders/${order.id}?page[size]=1`)), ['page[size]']);
      assert.deepEqual(paramsOf(await get(`/portouts/${sb.data.portoutOrders[0]!.id}?include_phone_numbers=true`)), ['include_phone_numbers']);
      const event = sb.data.portinEvents[0]!;
      assert.deepEqual(paramsOf(await get(`/porting/events/${event.id}?x=1`)), ['x']);
      const r = await call('POST', `/porting/events/${event.id}/republish?force=true`);
      assert.equal(r.status, 422);
      assert.deepEqual(paramsOf(r), ['force']);
      assert.equal(sb.republishes.length, 0);
    });

    it('republish takes no body, as the spec defines none: any body, {} included, is a 422 at / and nothing is republished', async () => {
      const event = sb.data.portinEvents[0]!;
      const portout = sb.data.portoutEvents[0]!;
      for (const [path, body] of [
        [`/porting/events/${event.id}/republish`, '{}'],
        [`/porting/events/${event.id}/republish`, '{"force":true}'],
        [`/portouts/events/${portout.id}/republish`, 'x'],
      ] as const) {
        const r = await fetch(`${sb.apiBaseUrl}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${sb.apiKey}`, 'Content-Type': 'application/json' }, body });
        assert.equal(r.status, 422, `${path} ${body}`);
        const errors = ((await r.json()) as { errors: { code: string; source: { pointer: string } }[] }).errors;
        assert.deepEqual(errors.map((e) => [e.code, e.source.pointer]), [['10015', '/']]);
      }
      assert.equal(sb.republishes.length, 0);
      assert.equal((await call('POST', `/porting/events/${event.id}/republish`)).status, 204, 'without a body it is done');
      assert.equal(sb.republishes.length, 1);
    });

    it('a malformed id stays a 404 whatever the query, so the guide path probe still sees a 404', async () => {
      sb.configure({ portoutEventsPath: 'portout' });
      assert.equal((await get('/portouts/events?page[number]=1&page[size]=20')).status, 404);
    });

    it('with strictQuery false, unknown parameters are ignored and the last repeated value wins', async () => {
      const a = await control('POST', 'config', { strictQuery: false });
      assert.equal((a.json as { strictQuery: boolean }).strictQuery, false);
      assert.equal((await get('/porting/events?foo=bar')).status, 200);
      const b = await get('/portouts?filter[status]=pending&filter[status]=ported&page[size]=250');
      assert.equal(b.status, 200);
      assert.ok((b.json as { data: { status: string }[] }).data.every((p) => p.status === 'ported'));
      sb.reset();
      assert.equal(sb.config.strictQuery, true);
    });
  });

  describe('who may use it', () => {
    /** A request with these headers (fetch would not send another Host; `host: ''` sends none), and its answer. */
    function raw(method: string, path: string, given: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
      const headers: Record<string, string> = { host: `127.0.0.1:${sb.port}`, ...given };
      if (headers.host === '') delete headers.host;
      return new Promise((resolve, reject) => {
        const req = request(`${sb.url}${path}`, { method, setHost: false, headers: { ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }), ...headers } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end(body);
      });
    }
    const key = (): Record<string, string> => ({ authorization: `Bearer ${sb.apiKey}` });
    const FAULT = JSON.stringify({ match: { path: '/v2/porting_orders' }, fault: { status: 503 } });

    it("a web page's text/plain POST, which needs no preflight, injects nothing: another Origin is refused, key or not", async () => {
      const page = { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' };
      assert.equal((await raw('POST', '/__sandbox/faults', page, FAULT)).status, 403);
      assert.equal((await raw('POST', '/__sandbox/faults', { ...page, ...key(), 'content-type': 'application/json' }, FAULT)).status, 403);
      assert.equal((await raw('POST', '/__sandbox/events', { ...page, ...key() }, JSON.stringify({ direction: 'portin', count: 1 }))).status, 403);
      assert.equal((await raw('GET', '/__sandbox/requests', { origin: 'null', ...key() })).status, 403);
      assert.deepEqual(sb.faults, [], 'no fault queued');
      assert.equal(sb.data.portinEvents.length, (await control('GET', 'seed').then((a) => (a.json as { portinEvents: unknown[] }).portinEvents)).length);
      assert.equal((await get('/porting_orders')).status, 200, 'the API answers as before');
    });

    it('takes only JSON bodies (415), so a form or text/plain POST is never parsed', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
        const headers = { ...key(), ...(type === undefined ? {} : { 'content-type': type }) };
        assert.equal((await raw('POST', '/__sandbox/faults', headers, FAULT)).status, 415, String(type));
      }
      assert.equal((await raw('POST', '/__sandbox/reset', key())).status, 415, 'a POST without a body says it is JSON too');
      assert.deepEqual(sb.faults, []);
    });

    it('needs the sandbox key: none or another is a 401', async () => {
      const json = { 'content-type': 'application/json' };
      assert.equal((await raw('POST', '/__sandbox/faults', json, FAULT)).status, 401);
      assert.equal((await raw('POST', '/__sandbox/faults', { ...json, authorization: 'Bearer KEYNOTTHEONE0123456789' }, FAULT)).status, 401);
      assert.equal((await raw('GET', '/__sandbox/requests', {})).status, 401);
      assert.equal((await raw('DELETE', '/__sandbox/faults', {})).status, 401);
      assert.equal((await raw('POST', '/__sandbox/reset', json, '{}')).status, 401);
      assert.deepEqual(sb.faults, []);
    });

    it('answers only to a loopback Host, on the control endpoints and the API alike (DNS rebinding)', async () => {
      const rebound = { host: `evil.example:${sb.port}`, ...key() };
      assert.equal((await raw('POST', '/__sandbox/faults', { ...rebound, 'content-type': 'application/json' }, FAULT)).status, 403);
      assert.equal((await raw('GET', '/__sandbox/seed', rebound)).status, 403);
      sb.clearRequests();
      const api = await raw('GET', '/v2/porting_orders', rebound);
      assert.equal(api.status, 403);
      assert.equal((JSON.parse(api.text) as ErrorsBody).errors[0]!.code, '10010');
      // Node refuses an HTTP/1.1 request without a Host itself (400).
      assert.ok((await raw('GET', '/v2/porting_orders', { host: '', ...key() })).status >= 400, 'no Host');
      assert.deepEqual(sb.requests, [], 'refused before it reached the API');
      assert.deepEqual(sb.faults, []);
      for (const host of [`127.0.0.1:${sb.port}`, `localhost:${sb.port}`, `[::1]:${sb.port}`, 'LOCALHOST']) {
        assert.equal((await raw('GET', '/v2/porting_orders', { host, ...key() })).status, 200, host);
      }
    });

    it('serves the JSON call with the key, from a loopback page too', async () => {
      const headers = { ...key(), 'content-type': 'application/json' };
      assert.equal((await raw('POST', '/__sandbox/faults', headers, FAULT)).status, 201);
      assert.equal((await raw('POST', '/__sandbox/faults', { ...headers, origin: `http://localhost:${sb.port}`, 'content-type': 'Application/JSON; charset=utf-8' }, FAULT)).status, 201);
      assert.equal(sb.faults.length, 2);
      assert.equal((await get('/porting_orders')).status, 503, 'the fault took effect');
      assert.equal((await raw('GET', '/__sandbox/faults', { ...key(), origin: 'http://[::1]:5173' })).status, 200);
      assert.equal((await raw('POST', '/__sandbox/reset', headers)).status, 204, 'an empty JSON POST');
    });

    it('control: false serves no control endpoint at all', async () => {
      const own = await startSandbox({ control: false });
      try {
        const res = await fetch(`${own.url}/__sandbox/faults`, { method: 'POST', headers: { ...key(), 'content-type': 'application/json' }, body: FAULT });
        assert.equal(res.status, 404);
        assert.deepEqual(own.faults, []);
      } finally {
        await own.close();
      }
    });
  });

  describe('faults', () => {
    it('statusAfterProcessing on a republish records it and answers 502 with a gateway page', async () => {
      const event = sb.data.portinEvents[0]!;
      const f = await control('POST', 'faults', { match: { method: 'POST', path: '/republish' }, fault: { statusAfterProcessing: 502 } });
      assert.equal(f.status, 201);
      const a = await call('POST', `/porting/events/${event.id}/republish`);
      assert.equal(a.status, 502);
      assert.match(a.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(a.text, /<h1>502 Bad Gateway<\/h1>/);
      assert.deepEqual(sb.republishes.map((r) => r.id), [event.id], 'the republish happened');
      assert.equal(sb.requests.at(-1)!.fault, 'statusAfterProcessing');
      assert.equal(sb.requests.at(-1)!.status, 502);
    });

    it('statusAfterProcessing 500 answers a Telnyx errors[] body after the real work', async () => {
      sb.addFault({ method: 'POST' }, { statusAfterProcessing: 500 });
      const event = sb.data.portoutEvents[0]!;
      const a = await call('POST', `/portouts/events/${event.id}/republish`);
      assert.equal(a.status, 500);
      assert.equal(errorsOf(a)[0]!.code, '10007');
      assert.equal(sb.republishes.length, 1);
    });

    it('an exact path leaves longer paths alone; match fields it does not know are refused', async () => {
      sb.addFault({ method: 'GET', path: '/v2/portouts', exact: true }, { status: 503 });
      assert.equal((await call('GET', '/portouts/events?page[size]=5')).status, 200, 'a watcher tick is not the list');
      assert.equal((await call('GET', '/portouts?page[size]=5')).status, 503);
      assert.equal((await call('GET', '/portouts?page[size]=5')).status, 200, 'used once');
      for (const match of [{ exact: true }, { path: '/v2/portouts', exact: 'yes' }, { paht: '/v2/portouts' }]) {
        assert.equal((await control('POST', 'faults', { match, fault: { status: 500 } })).status, 400, JSON.stringify(match));
      }
    });

    it('refuses faults that cannot go together, and fields it does not know', async () => {
      const bad = [{ statusAfterProcessing: 502, reset: true }, { stallBody: true, resetAfterProcessing: true }, { statusAfterProcessing: 200 }, { stalBody: true }];
      for (const fault of bad) assert.equal((await control('POST', 'faults', { fault })).status, 400, JSON.stringify(fault));
      assert.throws(() => sb.addFault({}, { statusAfterProcessing: 504, status: 500 }));
    });

    it('stallBody sends headers and part of the body, then nothing, until the client gives up; close() still resolves', async () => {
      const own = await startSandbox();
      try {
        own.addFault({ path: '/v2/porting/events', times: 2 }, { stallBody: true });
        const url = `${own.apiBaseUrl}/porting/events?page[size]=50`;
        const headers = { Authorization: `Bearer ${own.apiKey}` };
        const res = await fetch(url, { headers, signal: AbortSignal.timeout(500) });
        assert.equal(res.status, 200);
        assert.ok(Number(res.headers.get('content-length')) > 0, 'the full Content-Length is announced');
        const started = Date.now();
        await assert.rejects(res.text(), (e: Error) => e.name === 'TimeoutError' || e.name === 'AbortError');
        assert.ok(Date.now() - started < 2_000);
        assert.equal(own.requests.at(-1)!.fault, 'stallBody');
        assert.equal(own.requests.at(-1)!.status, 200);

        // One left stalled with nobody giving up on it: close() must not wait for it.
        const hanging = await fetch(url, { headers });
        const body = hanging.text().catch((e: unknown) => e);
        const closing = Date.now();
        await own.close();
        assert.ok(Date.now() - closing < 2_000, 'close() did not wait for the stalled answer');
        assert.ok((await body) instanceof Error, 'the stalled body ends in an error, not a full answer');
      } finally {
        await own.close().catch(() => undefined);
      }
    });

    it('reset() drops stalled answers; a stalled 204 sends nothing but the republish happened', async () => {
      const event = sb.data.portinEvents[0]!;
      sb.addFault({ method: 'GET', path: '/porting/events' }, { stallBody: true });
      const res = await fetch(`${sb.apiBaseUrl}/porting/events`, { headers: { Authorization: `Bearer ${sb.apiKey}` } });
      const body = res.text().catch((e: unknown) => e);
      await control('POST', 'reset');
      assert.ok((await body) instanceof Error, 'reset ended the stalled answer');

      sb.addFault({ method: 'POST' }, { stallBody: true });
      await assert.rejects(call('POST', `/porting/events/${event.id}/republish`, AbortSignal.timeout(300)));
      assert.deepEqual(sb.republishes.map((r) => r.id), [event.id], 'the republish happened');
      assert.equal(sb.requests.at(-1)!.status, 0, 'no status line was sent');
    });

    describe('hold', () => {
      const auth = (): { Authorization: string } => ({ Authorization: `Bearer ${sb.apiKey}` });

      it('parks a read before it is handled until released; waitHeld answers once it has arrived, the log shows it unanswered', async () => {
        sb.addFault({ method: 'GET', path: '/v2/porting_orders' }, { hold: 'list' });
        let answered = false;
        const reply = get('/porting_orders?page[size]=2').then((a) => ((answered = true), a));
        const [held] = await sb.waitHeld('list');
        assert.deepEqual({ ...held, at: undefined }, { name: 'list', method: 'GET', path: '/v2/porting_orders', query: 'page[size]=2', at: undefined });
        assert.deepEqual(sb.requests.map((r) => [r.path, r.status, r.held]), [['/v2/porting_orders', 0, 'list']]);
        // Handled on release, so it sees the data as it is then, not as it was when it arrived.
        const [newest] = sb.removeRecords({ list: 'portinOrders', count: 1 });
        await new Promise((r) => setTimeout(r, 50));
        assert.equal(answered, false, 'still parked: nothing released it');
        assert.equal(sb.release('list'), 1);
        const a = await reply;
        assert.equal(a.status, 200);
        assert.ok(!ids((a.json as ListBody).data).includes(newest!.id));
        assert.deepEqual(sb.held, []);
        assert.equal(sb.requests[0]!.status, 200);
      });

      it('a held write has no effect until released; the rest of the fault applies after it', async () => {
        const event = sb.data.portinEvents[0]!;
        sb.addFault({ method: 'POST', path: '/republish' }, { hold: 'post', statusAfterProcessing: 502 });
        const reply = call('POST', `/porting/events/${event.id}/republish`);
        await sb.waitHeld('post');
        assert.equal(sb.republishes.length, 0, 'not processed while held');
        sb.release('post');
        const a = await reply;
        assert.equal(a.status, 502);
        assert.deepEqual(sb.republishes.map((r) => r.id), [event.id]);
        assert.equal(sb.requests.at(-1)!.fault, 'statusAfterProcessing');
      });

      it('waits for several; a release lets only its own name go', async () => {
        sb.addFault({ method: 'GET', path: '/v2/portouts', times: 2 }, { hold: 'two' });
        sb.addFault({ method: 'GET', path: '/v2/porting_orders' }, { hold: 'other' });
        const replies = [get('/portouts'), get('/portouts?page[number]=2')];
        const other = get('/porting_orders');
        assert.equal((await sb.waitHeld('two', 2)).length, 2);
        await sb.waitHeld('other');
        assert.equal(sb.release('two'), 2);
        assert.deepEqual((await Promise.all(replies)).map((a) => a.status), [200, 200]);
        assert.deepEqual(sb.held.map((h) => h.name), ['other']);
        sb.release('other');
        assert.equal((await other).status, 200);
      });

      it('over HTTP: POST /held {wait} answers once parked, GET /held lists, POST /held {release} lets go; bad bodies are a 400', async () => {
        assert.equal((await control('POST', 'faults', { match: { method: 'GET', path: '/porting/events' }, fault: { hold: 'h' } })).status, 201);
        const waiting = control('POST', 'held', { wait: 'h' });
        const reply = get('/porting/events?page[size]=1');
        const waited = await waiting;
        assert.equal(waited.status, 200);
        assert.deepEqual((waited.json as { path: string }[]).map((h) => h.path), ['/v2/porting/events']);
        assert.deepEqual(((await control('GET', 'held')).json as { name: string }[]).map((h) => h.name), ['h']);
        assert.deepEqual((await control('POST', 'held', { release: 'h' })).json, { released: 1 });
        assert.equal((await reply).status, 200);
        assert.deepEqual((await control('POST', 'held', { release: 'h' })).json, { released: 0 });
        for (const bad of [{}, { wait: '' }, { wait: 'h', count: 0 }, { wait: 'h', timeoutMs: -1 }, { release: 'h', wait: 'h' }, { wait: 'h', extra: 1 }]) {
          assert.equal((await control('POST', 'held', bad)).status, 400, JSON.stringify(bad));
        }
        assert.equal((await control('POST', 'faults', { fault: { hold: '' } })).status, 400);
        assert.equal((await control('POST', 'faults', { fault: { hold: 1 } })).status, 400);
      });

      it('a wait that sees nothing arrive fails with a 409 that says what is parked instead', async () => {
        sb.addFault({ method: 'GET', path: '/v2/portouts' }, { hold: 'elsewhere' });
        const reply = get('/portouts');
        await sb.waitHeld('elsewhere');
        const a = await control('POST', 'held', { wait: 'never', timeoutMs: 50 });
        assert.equal(a.status, 409);
        assert.match(errorsOf(a)[0]!.detail, /0 of 1 request\(s\) reached hold "never" within 50 ms; parked now: "elsewhere": GET \/v2\/portouts/);
        sb.release('elsewhere');
        await reply;
      });

      it('reset drops held requests unhandled and fails the waits; a client that gives up is no longer held', async () => {
        const event = sb.data.portinEvents[0]!;
        sb.addFault({ method: 'POST', path: '/republish' }, { hold: 'r' });
        const reply = fetch(`${sb.apiBaseUrl}/porting/events/${event.id}/republish`, { method: 'POST', headers: auth() });
        await sb.waitHeld('r');
        const waiting = sb.waitHeld('r', 2).catch((e: unknown) => e);
        sb.reset();
        await assert.rejects(reply, 'the held request was cut off');
        assert.match(String(await waiting), /the sandbox was reset while waiting for hold "r"/);
        assert.deepEqual(sb.republishes, [], 'never handled');
        assert.deepEqual(sb.held, []);

        sb.addFault({ method: 'GET', path: '/v2/portouts' }, { hold: 'g' });
        const abort = new AbortController();
        const given = call('GET', '/portouts', abort.signal).catch((e: unknown) => e);
        await sb.waitHeld('g');
        abort.abort();
        assert.ok((await given) instanceof Error);
        for (let i = 0; i < 100 && sb.held.length > 0; i++) await new Promise((r) => setTimeout(r, 10));
        assert.deepEqual(sb.held, [], 'the abandoned request is not held');
        assert.equal(sb.release('g'), 0);
        assert.equal(sb.requests.at(-1)!.status, 0);
      });
    });

    it('429 carries Retry-After only when asked and no x-ratelimit-* unless rateLimitHeaders', async () => {
      sb.addFault({ path: '/v2/porting_orders' }, { status: 429 });
      const plain = await get('/porting_orders');
      assert.equal(plain.status, 429);
      assert.equal(plain.headers.get('retry-after'), null);
      const names: string[] = [];
      plain.headers.forEach((_, name) => names.push(name));
      assert.deepEqual(names.filter((k) => k.startsWith('x-ratelimit')), []);

      sb.addFault({ path: '/v2/porting_orders' }, { status: 429, retryAfter: 2, headers: { 'x-should-retry': 'true', 'retry-after-ms': '250' } });
      const asked = await get('/porting_orders');
      assert.equal(asked.headers.get('retry-after'), '2');
      assert.equal(asked.headers.get('x-should-retry'), 'true');
      assert.equal(asked.headers.get('retry-after-ms'), '250');
      assert.equal(asked.headers.get('x-ratelimit-limit'), null);

      sb.configure({ rateLimitHeaders: true });
      sb.addFault({ path: '/v2/porting_orders' }, { status: 429 });
      assert.equal((await get('/porting_orders')).headers.get('x-ratelimit-remaining'), '0');
    });
  });

  describe('the live seed (the demo\'s) reads as an account would at its now (issue 19)', () => {
    const NOW = Date.parse(DEFAULT_SEED_OPTIONS.now);
    const DAY = 86_400_000;
    let live: Sandbox;
    before(async () => {
      live = await startSandbox({ seed: { live: true } });
    });
    after(() => live.close());
    const livePage = async (path: string, extra = ''): Promise<unknown[]> => {
      const res = await fetch(`${live.apiBaseUrl}${path}?page[size]=250${extra}`, { headers: { Authorization: `Bearer ${live.apiKey}` } });
      assert.equal(res.status, 200);
      return ((await res.json()) as { data: unknown[] }).data;
    };
    interface Portout { id: string; status: string; created_at: string; foc_date: string; requested_foc_date: string; reason: string | null; rejection_code: number | null }
    interface Portin { id: string; status: { value: string }; activation_settings: { foc_datetime_requested: string | null; foc_datetime_actual: string | null } }

    it('a pending port-out is under two days old (Telnyx authorizes it at 48 h); only rejections carry a reason', async () => {
      const portouts = (await livePage('/portouts')) as Portout[];
      assert.ok(portouts.some((p) => p.status === 'pending'));
      for (const p of portouts) {
        if (p.status === 'pending') {
          const age = NOW - Date.parse(p.created_at);
          assert.ok(age > 0 && age < 2 * DAY, `pending port-out ${p.id} is ${(age / DAY).toFixed(1)} days old`);
        }
        if (p.status !== 'rejected' && p.status !== 'rejected-pending') assert.deepEqual([p.reason, p.rejection_code], [null, null], `${p.status} port-out ${p.id}`);
        else assert.ok(p.reason, `${p.status} port-out ${p.id} says why`);
      }
    });

    it("open orders' FOC dates are still to come", async () => {
      for (const p of (await livePage('/portouts')) as Portout[]) {
        if (['pending', 'authorized', 'rejected-pending'].includes(p.status)) assert.ok(Date.parse(p.foc_date) > NOW, `${p.status} port-out ${p.id}: FOC ${p.foc_date}`);
      }
      for (const o of (await livePage('/porting_orders', '&include_phone_numbers=false')) as Portin[]) {
        const { foc_datetime_requested: requested, foc_datetime_actual: actual } = o.activation_settings;
        if (['in-process', 'submitted', 'foc-date-confirmed'].includes(o.status.value)) assert.ok(requested !== null && Date.parse(requested) > NOW, `${o.status.value} port-in ${o.id}: FOC requested ${requested}`);
        if (o.status.value === 'foc-date-confirmed') assert.ok(actual !== null && Date.parse(actual) > NOW, `confirmed port-in ${o.id}: FOC ${actual}`);
      }
    });

    it('the same ids as the tests\' seed', () => {
      assert.deepEqual(ids(live.data.portoutOrders).sort(), ids(sb.data.portoutOrders).sort());
      assert.deepEqual(ids(live.data.portinEvents), ids(sb.data.portinEvents));
    });

    it('on a clock, inserted events are stamped now; without one, a second after the newest as before', async () => {
      let now = NOW + 3 * 3_600_000;
      const clocked = await startSandbox({ clock: () => now });
      try {
        const res = await fetch(`${clocked.url}/__sandbox/events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${clocked.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ direction: 'portin', count: 2 }),
        });
        const made = (await res.json()) as { created_at: string }[];
        assert.deepEqual(made.map((e) => Date.parse(e.created_at) - now), [0, 1], 'now, then just after it so the list keeps its order');
        now += 60_000;
        assert.equal(Date.parse(clocked.tickLive()[0]!.created_at), now, 'a live change too');
      } finally {
        await clocked.close();
      }
      const head = Date.parse(sb.data.portinEvents[0]!.created_at);
      assert.equal(Date.parse(sb.insertEvents({ direction: 'portin', count: 1 })[0]!.created_at), head + 1000);
    });
  });
});
