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

    it('lives: something happens every interval (a port-in exception first), so watching has news; closing stops it', async () => {
      sb = await startEmbeddedSandbox({ liveEveryMs: 100 });
      const count = async (path: string): Promise<number> => ((await get(sb!, `${path}?page[size]=1`)).json as { meta: { total_results: number } }).meta.total_results;
      const [portin, portout] = [await count('/porting/events'), await count('/portouts/events')];
      await new Promise((r) => setTimeout(r, 450));
      const newest = ((await get(sb, '/porting/events?page[size]=1')).json as { data: { event_type: string; payload: { status?: { value?: string } } }[] }).data[0]!;
      assert.ok((await count('/porting/events')) > portin, 'new port-in events');
      assert.ok((await count('/portouts/events')) > portout, 'new port-out events');
      assert.ok(['porting_order.status_changed', 'porting_order.new_comment'].includes(newest.event_type));
      await sb.close();
      const after = [await count('/porting/events').catch(() => -1)];
      assert.deepEqual(after, [-1], 'closed: no answer');
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
