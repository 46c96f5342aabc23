// The demo sandbox a visitor without an account starts: the entry of dist/sandbox.js over real HTTP, and the
// loader that reads that bundle from the extension's folder only when asked. No build output is needed: the
// entry is bundled into this test, and the loader is given a stand-in bundle in a scratch folder.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxBundlePath, startDemoSandbox } from '../../src/demo/demoSandbox';
import { checkDemoUrl } from '../../src/demo/demoUrl';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../../src/demo/sandboxEntry';

const DAY = 86_400_000;

/** GET with the sandbox's key, another key, or (null) none. */
async function get(sb: EmbeddedSandbox, path: string, key: string | null = sb.apiKey): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sb.apiBaseUrl}${path}`, { headers: key === null ? {} : { Authorization: `Bearer ${key}` } });
  return { status: res.status, json: await res.json() };
}

/** Resolves with the error code of a connection attempt that fails, or rejects if one succeeds. */
async function connectionError(url: string): Promise<string | undefined> {
  try {
    await fetch(url);
  } catch (e) {
    return ((e as Error).cause as NodeJS.ErrnoException | undefined)?.code;
  }
  throw new Error(`${url} still answers`);
}

/** Whether a new server can listen on the port (it is closed again at once). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('demo sandbox', function () {
  this.timeout(20_000);

  describe('the bundle entry', () => {
    let sb: EmbeddedSandbox | undefined;
    afterEach(async () => {
      await sb?.close().catch(() => {});
      sb = undefined;
    });

    it('serves the seeded orders on a free loopback port to its key only', async () => {
      sb = await startEmbeddedSandbox();
      assert.ok(sb.port > 0);
      assert.equal(sb.apiBaseUrl, `http://127.0.0.1:${sb.port}/v2`);
      const list = await get(sb, '/porting_orders');
      assert.equal(list.status, 200);
      const body = list.json as { data: { id: string }[]; meta: { total_results: number } };
      assert.equal(body.meta.total_results, 24, 'the default seed: 3 port-in orders in each of the 8 statuses');
      assert.ok(body.data.length > 0);
      assert.equal((await get(sb, '/portouts')).status, 200);
      assert.equal((await get(sb, '/porting_orders', 'not-the-key')).status, 401);
      assert.equal((await get(sb, '/porting_orders', null)).status, 401);
    });

    it('dates its data as of now, so a visitor sees recent changes', async () => {
      sb = await startEmbeddedSandbox();
      const { json } = await get(sb, '/porting_orders?page[size]=250');
      const times = (json as { data: { updated_at: string }[] }).data.map((o) => Date.parse(o.updated_at));
      const newest = Math.max(...times);
      assert.ok(newest <= Date.now(), 'nothing in the future');
      assert.ok(newest > Date.now() - 30 * DAY, `the newest order changed ${((Date.now() - newest) / DAY).toFixed(0)} days ago`);
    });

    it('prints nothing while it serves', async () => {
      const written: string[] = [];
      const { write } = process.stdout;
      const { log } = console;
      process.stdout.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof write;
      console.log = (...args: unknown[]) => void written.push(args.join(' '));
      try {
        sb = await startEmbeddedSandbox();
        await get(sb, '/porting_orders');
        await get(sb, '/nothing-here');
        await sb.close();
      } finally {
        process.stdout.write = write;
        console.log = log;
      }
      assert.deepEqual(written, []);
    });

    it('keeps its request log bounded while it runs', async () => {
      // The log is read over the control endpoints, which a demo has only when asked for.
      sb = await startEmbeddedSandbox({ control: true });
      for (let i = 0; i < 1010; i++) await get(sb, '/nothing-here');
      const control = `${sb.apiBaseUrl.replace(/\/v2$/, '')}/__sandbox/requests`;
      const logged = (await (await fetch(control, { headers: { Authorization: `Bearer ${sb.apiKey}` } })).json()) as unknown[];
      assert.ok(logged.length < 1000, `${logged.length} requests kept`);
    });

    it('has no control endpoints: a web page (or anyone) can inject no fault, insert no event, read no log', async () => {
      sb = await startEmbeddedSandbox();
      const control = `${sb.apiBaseUrl.replace(/\/v2$/, '')}/__sandbox`;
      const fault = JSON.stringify({ match: { path: '/v2/porting_orders' }, fault: { status: 503 } });
      const attempts = [
        fetch(`${control}/faults`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, body: fault }),
        fetch(`${control}/faults`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: `Bearer ${sb.apiKey}` }, body: fault }),
        fetch(`${control}/events`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: `Bearer ${sb.apiKey}` }, body: JSON.stringify({ direction: 'portin', count: 1, eventType: 'porting_order.new_comment' }) }),
        fetch(`${control}/requests`, { headers: { Authorization: `Bearer ${sb.apiKey}` } }),
      ];
      assert.deepEqual((await Promise.all(attempts)).map((r) => r.status), [404, 404, 404, 404]);
      assert.equal((await get(sb, '/porting_orders')).status, 200, 'no fault was injected');
    });

    it('answers only to a loopback Host, so a page that rebinds its name to 127.0.0.1 cannot read it with the public key', async () => {
      sb = await startEmbeddedSandbox();
      const status = (host: string): Promise<number> =>
        new Promise((resolve, reject) => {
          const req = request(`${sb!.apiBaseUrl}/porting_orders`, { headers: { host, authorization: `Bearer ${sb!.apiKey}` } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      assert.equal(await status(`evil.example:${sb.port}`), 403);
      assert.equal(await status(`127.0.0.1.nip.io:${sb.port}`), 403);
      assert.equal(await status(`localhost:${sb.port}`), 200);
    });

    it('lives on its timer: something happens every interval; closing stops it', async () => {
      sb = await startEmbeddedSandbox({ liveEveryMs: 20 });
      const count = async (path: string): Promise<number> => ((await get(sb!, `${path}?page[size]=1`)).json as { meta: { total_results: number } }).meta.total_results;
      const total = async (): Promise<number> => (await count('/porting/events')) + (await count('/portouts/events'));
      const before = await total();
      // Waits for the timer's first change however slow the machine is; nothing here is timed.
      let after = before;
      for (let i = 0; i < 500 && after === before; i++) {
        await new Promise((r) => setTimeout(r, 20));
        after = await total();
      }
      assert.ok(after > before, 'new events');
      await sb.close();
      assert.deepEqual([await count('/porting/events').catch(() => -1)], [-1], 'closed: no answer');
      sb = undefined;
    });

    it('frees its port when closed', async () => {
      sb = await startEmbeddedSandbox();
      const { port, apiBaseUrl } = sb;
      assert.equal((await get(sb, '/porting_orders')).status, 200, 'a kept-alive connection is open when it closes');
      await sb.close();
      sb = undefined;
      assert.equal(await connectionError(`${apiBaseUrl}/porting_orders`), 'ECONNREFUSED');
      assert.ok(await canListen(port), `port ${port} can be listened on again`);
    });
  });

  describe('a running demo tells one story (issue 19)', () => {
    // The demo's clock is the test's: each tick is the live interval later, so hours pass in a moment.
    let now = 0;
    let sb: EmbeddedSandbox | undefined;
    beforeEach(async () => {
      now = Date.now();
      sb = await startEmbeddedSandbox({ liveEveryMs: 0, clock: () => now });
    });
    afterEach(async () => {
      await sb?.close().catch(() => {});
      sb = undefined;
    });

    interface Event { id: string; event_type: string; created_at: string; porting_order_id?: string; portout_id?: string; payload: Record<string, unknown> | null }
    interface Portin { id: string; created_at: string; status: { value: string }; activation_settings: { foc_datetime_actual: string | null } }
    interface Portout { id: string; created_at: string; status: string; foc_date: string; reason: string | null; rejection_code: number | null }
    interface Comment { id: string; body: string; created_at: string; user_type?: string; user_id?: string | null }

    const json = async <T>(path: string): Promise<T> => {
      const r = await get(sb!, path);
      assert.equal(r.status, 200, path);
      return r.json as T;
    };
    const portins = async (): Promise<Portin[]> => (await json<{ data: Portin[] }>('/porting_orders?page[size]=250&include_phone_numbers=false')).data;
    const portouts = async (): Promise<Portout[]> => (await json<{ data: Portout[] }>('/portouts?page[size]=250')).data;
    const event = async (e: { direction: 'portin' | 'portout'; id: string }): Promise<Event> =>
      (await json<{ data: Event }>(`${e.direction === 'portin' ? '/porting/events' : '/portouts/events'}/${e.id}`)).data;

    /** Runs `n` live intervals; the events they made, as the API serves them right after each. */
    async function run(n: number, each?: (e: Event, direction: 'portin' | 'portout') => Promise<void>): Promise<Event[]> {
      const made: Event[] = [];
      for (let i = 0; i < n; i++) {
        now += 45_000;
        for (const ref of sb!.tick()) {
          const e = await event(ref);
          made.push(e);
          if (each) await each(e, ref.direction);
        }
      }
      return made;
    }

    it('stamps every event it makes now, not hours before', async () => {
      const made = await run(80, async (e) => {
        assert.ok(Math.abs(Date.parse(e.created_at) - now) < 1000, `${e.event_type} at ${e.created_at}, now ${new Date(now).toISOString()}`);
      });
      assert.ok(made.length >= 80);
    });

    it('a FOC event moves its port-out to the FOC date it names, one still to come', async () => {
      let focs = 0;
      await run(240, async (e, direction) => {
        if (e.event_type !== 'portout.foc_date_changed') return;
        focs++;
        const named = (e.payload as { foc_date: string }).foc_date;
        const order = (await json<{ data: Portout }>(`/portouts/${e.portout_id!}`)).data;
        assert.equal(direction, 'portout');
        assert.equal(order.foc_date, named, 'the order shows the date the event names');
        assert.ok(Date.parse(named) > now, `FOC ${named} is after now ${new Date(now).toISOString()}`);
      });
      assert.ok(focs >= 3, `${focs} FOC events`);
    });

    it('a comment event puts its comment in the order\'s thread, written by Telnyx, never by the account', async () => {
      let comments = 0;
      await run(160, async (e, direction) => {
        if (!e.event_type.endsWith('.new_comment')) return;
        comments++;
        const orderId = direction === 'portin' ? e.porting_order_id! : e.portout_id!;
        const thread = (await json<{ data: Comment[] }>(direction === 'portin' ? `/porting_orders/${orderId}/comments?page[size]=250` : `/portouts/${orderId}/comments`)).data;
        const id = direction === 'portin' ? (e.payload as { comment: { id: string } }).comment.id : (e.payload as { id: string }).id;
        const c = thread.find((x) => x.id === id);
        assert.ok(c, `comment ${id} of ${e.event_type} is in GET comments`);
        if (direction === 'portin') assert.ok(c.user_type === 'admin' || c.user_type === 'system', `user_type ${c.user_type}`);
        else assert.equal(c.user_id, null, 'a Telnyx admin wrote it');
      });
      assert.ok(comments >= 5, `${comments} comment events`);
    });

    it('a live comment never repeats the one before it in its thread', async () => {
      // Seen in the demo: "Customer asked to cancel the port-out." three times in a row on one port-out.
      let checked = 0;
      await run(400, async (e, direction) => {
        if (!e.event_type.endsWith('.new_comment')) return;
        const orderId = direction === 'portin' ? e.porting_order_id! : e.portout_id!;
        const thread = (await json<{ data: Comment[] }>(direction === 'portin' ? `/porting_orders/${orderId}/comments?page[size]=250` : `/portouts/${orderId}/comments`)).data;
        const ordered = [...thread].sort((x, y) => Date.parse(x.created_at) - Date.parse(y.created_at));
        if (ordered.length < 2) return;
        checked++;
        assert.notEqual(ordered.at(-1)!.body, ordered.at(-2)!.body, `${e.event_type} on ${orderId} says again: ${ordered.at(-1)!.body}`);
      });
      assert.ok(checked >= 5, `${checked} comments after another`);
    });

    it("Telnyx's lines in the seeded threads are Telnyx's, and each thread agrees with its events", async () => {
      // Lines only Telnyx's porting team writes; the account's threads show them as "You (this account)" if mis-authored.
      const telnyxLines = [
        'We have submitted the order to the losing carrier.',
        'The losing carrier has confirmed the FOC date.',
        'The order was rejected by the losing carrier; see the exception details.',
        'Please upload a copy of the latest invoice from the current provider.',
        'Port-out request received from the winning carrier.',
        'Numbers released to the winning carrier.',
        'PIN provided by the winning carrier does not match.',
        'FOC date adjusted at the request of the winning carrier.',
      ];
      let telnyxSeen = 0;
      for (const o of await portins()) {
        for (const c of (await json<{ data: Comment[] }>(`/porting_orders/${o.id}/comments?page[size]=250`)).data) {
          if (!telnyxLines.includes(c.body)) continue;
          telnyxSeen++;
          assert.notEqual(c.user_type, 'user', `"${c.body}" on port-in ${o.id} is not the account's`);
        }
      }
      const events: Event[] = [];
      for (let page = 1, pages = 1; page <= pages; page++) {
        const r = await json<{ data: Event[]; meta: { total_pages: number } }>(`/portouts/events?page[size]=250&page[number]=${page}&filter[event_type]=portout.new_comment`);
        events.push(...r.data);
        pages = r.meta.total_pages;
      }
      for (const o of await portouts()) {
        for (const c of (await json<{ data: Comment[] }>(`/portouts/${o.id}/comments`)).data) {
          if (telnyxLines.includes(c.body)) {
            telnyxSeen++;
            assert.equal(c.user_id, null, `"${c.body}" on port-out ${o.id} is not the account's`);
          }
          const e = events.find((x) => (x.payload as { id?: string } | null)?.id === c.id);
          assert.ok(e, `comment ${c.id} has its event`);
          // The event names who added it (the spec's user_id); the account's own id only on the account's comments.
          const byAccount = (e.payload as { user_id: string }).user_id === (await json<{ data: { user_id: string } }>(`/portouts/${o.id}`)).data.user_id;
          assert.equal(c.user_id !== null, byAccount, `comment ${c.id}: thread and event agree on who wrote it`);
        }
      }
      assert.ok(telnyxSeen >= 5, `${telnyxSeen} of Telnyx's lines seen`);
    });

    /** What must hold whenever a visitor looks. */
    async function believable(when: string): Promise<{ exceptionShare: number; statuses: Map<string, number> }> {
      for (const p of await portouts()) {
        const rejected = p.status === 'rejected' || p.status === 'rejected-pending';
        if (!rejected) assert.deepEqual([p.reason, p.rejection_code], [null, null], `${when}: ${p.status} port-out ${p.id} has no rejection reason`);
        if (p.status === 'pending') {
          const age = now - Date.parse(p.created_at);
          assert.ok(age >= 0 && age <= 2 * DAY, `${when}: pending port-out ${p.id} is ${(age / DAY).toFixed(1)} days old`);
        }
        if (p.status === 'pending' || p.status === 'authorized') assert.ok(Date.parse(p.foc_date) > now, `${when}: ${p.status} port-out ${p.id} has FOC ${p.foc_date}, gone`);
      }
      const orders = await portins();
      const statuses = new Map<string, number>();
      for (const o of orders) {
        statuses.set(o.status.value, (statuses.get(o.status.value) ?? 0) + 1);
        const foc = o.activation_settings.foc_datetime_actual;
        if (o.status.value === 'foc-date-confirmed') assert.ok(foc !== null && Date.parse(foc) > now, `${when}: confirmed port-in ${o.id} has FOC ${foc}, gone`);
      }
      return { exceptionShare: (statuses.get('exception') ?? 0) / orders.length, statuses };
    }

    it('is a believable account at start, after 10 minutes and after 2 hours: recent pending port-outs, reasons only on rejections, few exceptions', async () => {
      await believable('at start');
      await run(Math.round((10 * 60_000) / 45_000));
      const ten = await believable('after 10 minutes');
      assert.ok(ten.exceptionShare < 0.25, `after 10 minutes: ${(ten.exceptionShare * 100).toFixed(0)}% of port-ins in exception`);
      await run(Math.round((110 * 60_000) / 45_000));
      const two = await believable('after 2 hours');
      assert.ok(two.exceptionShare < 0.25, `after 2 hours: ${(two.exceptionShare * 100).toFixed(0)}% of port-ins in exception (${[...two.statuses].join(' ')})`);
      const forward = (two.statuses.get('foc-date-confirmed') ?? 0) + (two.statuses.get('ported') ?? 0);
      assert.ok(forward > (two.statuses.get('exception') ?? 0) * 2, `most progress: ${[...two.statuses].join(' ')}`);
    });

    it('after two days the unanswered port-outs were authorized, and the mix still holds', async () => {
      await run(Math.round((48 * 60 * 60_000) / 45_000));
      const days = await believable('after 2 days');
      assert.ok(days.exceptionShare < 0.25, `after 2 days: ${[...days.statuses].join(' ')}`);
    });

    it('every status event is the order\'s change along the path orders take', async () => {
      const portinNext: Record<string, readonly string[]> = {
        draft: ['in-process'],
        'in-process': ['submitted', 'exception', 'cancel-pending', 'cancelled'],
        submitted: ['foc-date-confirmed', 'exception', 'cancel-pending'],
        exception: ['submitted', 'cancel-pending'],
        'foc-date-confirmed': ['ported', 'cancel-pending'],
        'cancel-pending': ['cancelled'],
      };
      const portoutNext: Record<string, readonly string[]> = {
        pending: ['authorized', 'rejected-pending', 'canceled'],
        authorized: ['ported', 'canceled'],
        'rejected-pending': ['rejected', 'authorized'],
      };
      let before = new Map<string, string>([...(await portins()).map((o) => [o.id, o.status.value] as const), ...(await portouts()).map((p) => [p.id, p.status] as const)]);
      let changes = 0;
      for (let i = 0; i < 200; i++) {
        const made = await run(1);
        const after = new Map<string, string>([...(await portins()).map((o) => [o.id, o.status.value] as const), ...(await portouts()).map((p) => [p.id, p.status] as const)]);
        for (const e of made.filter((x) => x.event_type.endsWith('.status_changed'))) {
          changes++;
          const id = e.porting_order_id ?? e.portout_id!;
          const to = e.porting_order_id ? (e.payload as { status: { value: string } }).status.value : (e.payload as { status: string }).status;
          assert.equal(after.get(id), to, `${e.event_type}: the order is now ${to}`);
          const from = before.get(id);
          if (from === undefined) assert.ok(to === 'in-process' || to === 'pending', `a new order starts ${to}`);
          else assert.ok((e.porting_order_id ? portinNext : portoutNext)[from]?.includes(to), `${from} → ${to}`);
        }
        before = after;
      }
      assert.ok(changes >= 20, `${changes} status changes`);
    });
  });

  describe('the base URL a demo may have (TELNYX_PORTING_DEMO_API_URL)', () => {
    it('takes http(s) to 127.0.0.1, localhost or [::1], on any port, without a trailing slash', () => {
      for (const [given, url] of [
        ['http://127.0.0.1:40123/v2', 'http://127.0.0.1:40123/v2'],
        ['https://localhost:8443/v2/', 'https://localhost:8443/v2'],
        [' http://[::1]:4010/v2?x=1#y ', 'http://[::1]:4010/v2'],
        ['http://LOCALHOST/v2', 'http://localhost/v2'],
      ]) {
        assert.deepEqual(checkDemoUrl(given!), { url }, given);
      }
    });

    it('refuses anywhere else, https included, and a URL with credentials or another scheme', () => {
      for (const given of [
        'https://api.telnyx.com/v2',
        'https://evil.example/v2',
        'https://127.0.0.1.evil.example/v2',
        'https://localhost.evil.example/v2',
        'http://10.0.0.5:4010/v2',
        'http://0.0.0.0:4010/v2',
        'http://user:pw@127.0.0.1:4010/v2',
        'file:///tmp/v2',
        'ftp://127.0.0.1/v2',
        '127.0.0.1:4010/v2',
        '',
      ]) {
        const checked = checkDemoUrl(given);
        assert.ok('problem' in checked, `${given} is refused`);
      }
    });
  });

  describe('startDemoSandbox', () => {
    let dirs: string[] = [];
    afterEach(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      dirs = [];
    });

    /** An extension folder whose dist/sandbox.js stands in for the real bundle and counts its closes. */
    function fakeExtension(): string {
      const dir = mkdtempSync(join(tmpdir(), 'telnyx-demo-'));
      dirs.push(dir);
      mkdirSync(join(dir, 'dist'));
      writeFileSync(
        sandboxBundlePath(dir),
        `exports.closes = 0;
exports.startEmbeddedSandbox = async () => ({
  apiBaseUrl: 'http://127.0.0.1:4999/v2', apiKey: 'KEY', port: 4999,
  close: async () => { exports.closes++; },
});
`,
      );
      return dir;
    }

    it('loads dist/sandbox.js from the extension folder when called', async () => {
      const dir = fakeExtension();
      assert.equal(sandboxBundlePath(dir), join(dir, 'dist', 'sandbox.js'));
      const demo = await startDemoSandbox(dir);
      assert.deepEqual([demo.apiBaseUrl, demo.apiKey, demo.port], ['http://127.0.0.1:4999/v2', 'KEY', 4999]);
    });

    it('closes the server once however often it is stopped', async () => {
      const dir = fakeExtension();
      const demo = await startDemoSandbox(dir);
      await Promise.all([demo.stop(), demo.stop()]);
      await demo.stop();
      const bundle = module.require(sandboxBundlePath(dir)) as { closes: number };
      assert.equal(bundle.closes, 1);
    });

    it('names the missing bundle', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'telnyx-demo-'));
      dirs.push(dir);
      await assert.rejects(startDemoSandbox(dir), (e: Error) => e.message.includes(sandboxBundlePath(dir)));
    });
  });
});
