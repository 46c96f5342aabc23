// Issue 13, sending to a local handler: sandbox events of both directions, dressed as v2 webhooks, signed as
// Telnyx signs, and POSTed once to a receiving server in the test. The official SDK checks the signature.

import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telnyx } from 'telnyx';
import { TelnyxClient } from '../../src/api/client';
import { DIRECTIONS, PORT_IN, PORT_OUT, type Direction } from '../../src/api/directions';
import { TelnyxError } from '../../src/api/errors';
import { DEFAULT_MAX_BODY_BYTES, deliverEvent, postToHandler, SOURCE_HEADER } from '../../src/api/localHandler';
import type { PortingEvent } from '../../src/api/types';
import { checkHandlerUrl } from '../../src/api/validate';
import { describeMapping, ENVELOPE_MAPPING, serializeEnvelope, toEnvelope } from '../../src/api/webhookEnvelope';
import { generateDevKeyPair, importPrivateKey, publicKeyOf, SIGNATURE_HEADER, signatureHeaders, TIMESTAMP_HEADER } from '../../src/api/webhookSigning';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { gcNow, underForcedGc } from './forcedGc';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Behaviour = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A webhook consumer stand-in: records every request whole, then answers as the test says. */
class Receiver {
  readonly received: Received[] = [];
  behave: Behaviour = (_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
  /** Bytes `stream` handed to sockets. */
  sentBytes = 0;
  private readonly server: Server;
  private readonly open = new Set<import('node:net').Socket>();
  private readonly requestSockets: import('node:net').Socket[] = [];
  private firstSocket: import('node:net').Socket | undefined;
  private closes: (() => void)[] = [];

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        this.requestSockets.push(req.socket);
        this.behave(req, res, body);
      });
    });
    this.server.on('connection', (s) => {
      this.firstSocket ??= s;
      this.open.add(s);
      s.on('close', () => {
        this.open.delete(s);
        for (const resolve of this.closes.splice(0)) resolve();
      });
    });
  }

  /**
   * Resolves once the sender has closed the socket it used: the one its request came on, or its first
   * connection if it gave up before (the behaviours here never close one). Not the spare connection undici
   * opens after an abort, which idles until its keep-alive ends.
   */
  async clientClosed(): Promise<void> {
    const used = this.requestSockets[0] ?? this.firstSocket;
    while (used && this.open.has(used)) await new Promise<void>((resolve) => this.closes.push(resolve));
  }

  /** Writes `total` bytes of 'x' as fast as the sender reads them, or until it goes. */
  stream(res: ServerResponse, total: number): void {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let left = total;
    const pump = (): void => {
      while (left > 0 && !res.destroyed) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= part.length;
        this.sentBytes += part.length;
        if (!res.write(part)) {
          res.once('drain', pump);
          return;
        }
      }
      if (left === 0 && !res.destroyed) res.end();
    };
    pump();
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks`;
  }

  async close(): Promise<void> {
    for (const s of this.open) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Node's header object as the SDK's verify takes it: one string per name. */
function flat(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

const settle = (ms = 200): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhooks: envelope, signing, local handler', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  let rx: Receiver;
  let client: TelnyxClient;
  /** A completed status-change event of the direction, as the events API returns it. */
  const statusEvent = async (dir: Direction): Promise<PortingEvent> => {
    const list: readonly { id: string; event_type: string; payload: unknown }[] = dir === PORT_IN ? sb.data.portinEvents : sb.data.portoutEvents;
    const seeded = list.find((e) => e.event_type.endsWith('.status_changed') && e.payload !== null)!;
    return client.getEvent(dir, seeded.id);
  };
  const sdk = (publicKey: string): Telnyx => new Telnyx({ apiKey: 'not-used', publicKey });
  const verify = async (publicKey: string, r: Received): Promise<unknown> => sdk(publicKey).webhooks.unwrap(r.body, { headers: flat(r.headers) });
  const rejectsVerification = async (p: Promise<unknown>, why: RegExp): Promise<void> => {
    await assert.rejects(p, (e: Error) => e.name === 'TelnyxWebhookVerificationError' && why.test(e.message));
  };

  before(async () => {
    sb = await startSandbox();
    client = new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey, timeoutMs: 2_000 });
  });
  after(async () => {
    await sb.close();
  });
  beforeEach(async () => {
    rx = new Receiver();
    await rx.start();
  });
  afterEach(async () => {
    await rx.close();
  });

  describe('envelope', () => {
    for (const dir of DIRECTIONS) {
      it(`${dir.label}: the v2 shape, mapped from the event record, and exactly the bytes received`, async () => {
        const event = await statusEvent(dir);
        const { request, result } = await deliverEvent(event, rx.url);
        assert.equal(result.kind, 'answered');
        assert.equal(rx.received.length, 1);
        const got = rx.received[0]!;
        assert.equal(got.method, 'POST');
        assert.equal(got.url, '/webhooks');
        assert.equal(got.headers['content-type'], 'application/json');
        assert.equal(got.headers[SOURCE_HEADER[0]], SOURCE_HEADER[1]);
        assert.equal(got.body, request.body);
        const env = JSON.parse(got.body) as { data: Record<string, unknown>; meta: Record<string, unknown> };
        assert.deepEqual(Object.keys(env), ['data', 'meta']);
        assert.deepEqual(Object.keys(env.data), ['event_type', 'id', 'occurred_at', 'payload', 'record_type']);
        assert.deepEqual(env.meta, { attempt: 1, delivered_to: rx.url });
        assert.equal(env.data.record_type, 'event');
        assert.equal(env.data.id, event.id);
        assert.equal(env.data.event_type, event.event_type);
        assert.equal(env.data.occurred_at, event.created_at);
        assert.deepEqual(env.data.payload, event.payload);
        // The trap the issue names: the order is in the payload, data.id is the event.
        assert.equal((env.data.payload as { id: string }).id, event[dir.eventOrderField]);
        assert.notEqual(env.data.id, event[dir.eventOrderField]);
      });
    }

    it('serialises deterministically: sorted keys at every level, whatever order the record came in', () => {
      const a: PortingEvent = { id: 'e1', event_type: 'portout.status_changed', created_at: '2026-01-02T03:04:05.000006Z', payload: { z: 1, a: { y: [{ b: 2, a: 1 }], x: null } } };
      const b: PortingEvent = { payload: { a: { x: null, y: [{ a: 1, b: 2 }] }, z: 1 }, created_at: a.created_at, event_type: a.event_type, id: 'e1' };
      const text = serializeEnvelope(toEnvelope(a, 'http://127.0.0.1/x'));
      assert.equal(text, serializeEnvelope(toEnvelope(b, 'http://127.0.0.1/x')));
      assert.equal(
        text,
        '{"data":{"event_type":"portout.status_changed","id":"e1","occurred_at":"2026-01-02T03:04:05.000006Z","payload":{"a":{"x":null,"y":[{"a":1,"b":2}]},"z":1},"record_type":"event"},"meta":{"attempt":1,"delivered_to":"http://127.0.0.1/x"}}',
      );
    });

    it('keeps the envelope whole for records the spec allows to be sparse: no created_at, no payload yet', () => {
      const deleted = toEnvelope({ id: 'd', event_type: 'porting_order.deleted', payload: { id: 'o', deleted_at: '2026-03-01T00:00:00Z' } }, 'u', 3);
      assert.equal(deleted.data.occurred_at, '2026-03-01T00:00:00Z');
      assert.equal(deleted.meta.attempt, 3);
      const pending = toEnvelope({ id: 'p', event_type: 'porting_order.loa_updated', created_at: '2026-03-02T00:00:00Z', payload: null }, 'u');
      assert.deepEqual(JSON.parse(serializeEnvelope(pending)).data, { event_type: 'porting_order.loa_updated', id: 'p', occurred_at: '2026-03-02T00:00:00Z', payload: null, record_type: 'event' });
      assert.equal(toEnvelope({}, 'u').data.id, null);
    });

    it('describes the undocumented mapping, naming what each direction leaves out', () => {
      for (const dir of DIRECTIONS) {
        const text = describeMapping(dir);
        for (const [field] of ENVELOPE_MAPPING) assert.ok(text.includes(field), field);
        assert.match(text, /not document/);
        assert.ok(text.includes(dir.eventOrderField));
        assert.ok(text.includes(dir.label));
      }
    });
  });

  describe('signing', () => {
    it('the official SDK (telnyx 7.24 webhooks.unwrap) accepts what is sent signed, and rejects it once the body is tampered with', async () => {
      const keys = generateDevKeyPair();
      const event = await statusEvent(PORT_OUT);
      const { request } = await deliverEvent(event, rx.url, { signingKey: keys.privateKey });
      const got = rx.received[0]!;
      assert.match(got.headers[SIGNATURE_HEADER] as string, /^[A-Za-z0-9+/]{86}==$/);
      assert.match(got.headers[TIMESTAMP_HEADER] as string, /^\d+$/);
      assert.ok(Math.abs(Number(got.headers[TIMESTAMP_HEADER]) - Date.now() / 1000) < 5);
      assert.equal(got.headers[SIGNATURE_HEADER], request.headers[SIGNATURE_HEADER]);

      const unwrapped = (await verify(keys.publicKey, got)) as { data: { id: string } };
      assert.equal(unwrapped.data.id, event.id);

      await rejectsVerification(verify(keys.publicKey, { ...got, body: got.body.replace('"attempt":1', '"attempt":2') }), /does not match/);
      await rejectsVerification(verify(keys.publicKey, { ...got, body: `${got.body} ` }), /does not match/);
      await rejectsVerification(verify(generateDevKeyPair().publicKey, got), /does not match/);
      await rejectsVerification(verify(keys.publicKey, { ...got, headers: { ...got.headers, [TIMESTAMP_HEADER]: String(Number(got.headers[TIMESTAMP_HEADER]) + 1) } }), /does not match/);
    });

    it('port-in too, and with a timestamp the SDK would call too old only when it is', async () => {
      const keys = generateDevKeyPair();
      const event = await statusEvent(PORT_IN);
      const now = Math.floor(Date.now() / 1000);
      await deliverEvent(event, rx.url, { signingKey: keys.privateKey, timestamp: now - 200 });
      await deliverEvent(event, rx.url, { signingKey: keys.privateKey, timestamp: now - 400 });
      await verify(keys.publicKey, rx.received[0]!);
      await rejectsVerification(verify(keys.publicKey, rx.received[1]!), /too old/);
    });

    it('stores the key pair as strings and reads them back: PKCS#8 PEM or its bare base64, public key as 32 raw bytes in base64', () => {
      const keys = generateDevKeyPair();
      assert.match(keys.privateKey, /^-----BEGIN PRIVATE KEY-----\n/);
      assert.equal(Buffer.from(keys.publicKey, 'base64').length, 32);
      assert.equal(publicKeyOf(keys.privateKey), keys.publicKey);
      const der = importPrivateKey(keys.privateKey).export({ format: 'der', type: 'pkcs8' }).toString('base64');
      assert.equal(publicKeyOf(der), keys.publicKey);
      const body = '{"a":"é"}';
      assert.deepEqual(signatureHeaders(body, der, 1_700_000_000), signatureHeaders(body, keys.privateKey, 1_700_000_000), 'Ed25519 signatures are deterministic');
      assert.notEqual(generateDevKeyPair().publicKey, keys.publicKey);
    });

    it('refuses a stored key it cannot use, in words the user can act on', () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      for (const bad of ['', 'not a key', rsa]) {
        assert.throws(() => importPrivateKey(bad), (e: unknown) => e instanceof TelnyxError && e.kind === 'config' && /make a new one/.test(e.message));
      }
    });
  });

  describe('sending', () => {
    // Under GC a deadline or Cancel that only a collectable object links to the socket stops working (issue 18).
    underForcedGc();

    it('reports a handler that answers 500 with its status, headers and body, and sends exactly once', async () => {
      rx.behave = (_req, res) => res.writeHead(500, { 'Content-Type': 'text/plain', 'X-Handler': 'mine' }).end('boom: payload.id missing');
      const { result } = await deliverEvent(await statusEvent(PORT_IN), rx.url);
      await settle();
      assert.equal(rx.received.length, 1);
      assert.equal(result.kind, 'answered');
      if (result.kind !== 'answered') return;
      assert.equal(result.status, 500);
      assert.equal(result.body, 'boom: payload.id missing');
      assert.deepEqual(result.headers.find(([n]) => n === 'x-handler'), ['x-handler', 'mine']);
      assert.equal(result.cutBytes, 0);
      assert.ok(result.ms >= 0);
    });

    it('reports a handler that never answers as a timeout at the deadline, sent once and never again', async () => {
      rx.behave = () => undefined;
      const t0 = Date.now();
      const { result } = await deliverEvent(await statusEvent(PORT_OUT), rx.url, { timeoutMs: 300 });
      const took = Date.now() - t0;
      await settle(400);
      assert.equal(rx.received.length, 1);
      assert.equal(result.kind, 'timeout');
      assert.ok(took >= 290 && took < 2_000, `took ${took} ms`);
      if (result.kind === 'timeout') {
        assert.equal(result.status, undefined);
        assert.match(result.message, /did not answer within 0\.3 s.*not sent again/);
      }
    });

    it('a body that stalls after the headers is a timeout that says the status it had', async () => {
      rx.behave = (_req, res) => {
        res.writeHead(202, { 'Content-Length': '100' });
        res.write('{"partial":');
      };
      // Long enough for the headers to be in first even with a full GC every 100 ms on a loaded machine.
      const { result } = await deliverEvent(await statusEvent(PORT_IN), rx.url, { timeoutMs: 1_500 });
      assert.equal(result.kind, 'timeout');
      if (result.kind === 'timeout') assert.equal(result.status, 202);
      assert.equal(rx.received.length, 1);
    });

    it('names a refused connection and a reset one', async () => {
      const port = (await startAndStop()).port;
      const refused = await postToHandler(`http://127.0.0.1:${port}/hook`, '{}', {});
      assert.equal(refused.kind, 'refused');
      if (refused.kind === 'refused') assert.match(refused.message, /Is the handler running\?/);

      rx.behave = (req) => req.socket.destroy();
      const reset = await postToHandler(rx.url, '{}', {});
      assert.equal(reset.kind, 'reset');
      assert.equal(rx.received.length, 1);
    });

    it('stops when the caller cancels, and says it may have been received', async () => {
      rx.behave = () => undefined;
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 100);
      const r = await postToHandler(rx.url, '{}', {}, { signal: ac.signal, timeoutMs: 5_000 });
      assert.equal(r.kind, 'cancelled');
      if (r.kind === 'cancelled') assert.match(r.message, /may or may not/);
      const already = new AbortController();
      already.abort();
      assert.equal((await postToHandler(rx.url, '{}', {}, { signal: already.signal })).kind, 'cancelled');
    });

    it('keeps the first bytes of a long answer and says how much was cut', async () => {
      const big = 'x'.repeat(100_000);
      rx.behave = (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(big);
      const r = await postToHandler(rx.url, '{}', {}, { maxBodyBytes: 1_000 });
      assert.equal(r.kind, 'answered');
      if (r.kind !== 'answered') return;
      assert.equal(r.body, 'x'.repeat(1_000));
      assert.equal(r.bodyBytes, 100_000);
      assert.equal(r.cutBytes, 99_000);
      assert.equal(r.readAll, true);
    });

    it('under forced GC, a handler that holds its answer is a timeout at the deadline, and the connection is closed', async function () {
      // The old code gave fetch ky's Request: once a GC collected it, the deadline never reached the socket and this hung.
      this.timeout(8_000);
      rx.behave = () => gcNow();
      const r = await postToHandler(rx.url, '{}', {}, { timeoutMs: 500 });
      assert.equal(r.kind, 'timeout');
      await rx.clientClosed();
    });

    it('under forced GC, an answer that drips for ever is a timeout, and the connection is closed', async function () {
      this.timeout(8_000);
      rx.behave = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        const timer = setInterval(() => res.write('.'), 20);
        res.on('close', () => clearInterval(timer));
        gcNow();
      };
      const r = await postToHandler(rx.url, '{}', {}, { timeoutMs: 500 });
      assert.equal(r.kind, 'timeout');
      await rx.clientClosed();
    });

    it('under forced GC, Cancel once the handler has the event: cancelled, and the connection is closed', async function () {
      this.timeout(8_000);
      const ac = new AbortController();
      rx.behave = () => {
        gcNow();
        ac.abort();
      };
      const r = await postToHandler(rx.url, '{}', {}, { signal: ac.signal, timeoutMs: 60_000 });
      assert.equal(r.kind, 'cancelled');
      await rx.clientClosed();
    });

    it('an answer that never ends: reading stops at 16 MB, the first bytes are kept, and the connection is closed', async () => {
      // It stops at 64 MB after all, so code that counts it whole ends in an assertion.
      rx.behave = (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        rx.stream(res, 64 * 1024 * 1024);
      };
      const r = await postToHandler(rx.url, '{}', {}, { timeoutMs: 60_000 });
      assert.equal(r.kind, 'answered');
      if (r.kind !== 'answered') return;
      assert.equal(r.readAll, false);
      assert.equal(r.body, 'x'.repeat(DEFAULT_MAX_BODY_BYTES));
      assert.ok(r.bodyBytes > 16 * 1024 * 1024 && r.bodyBytes < 17 * 1024 * 1024, `${r.bodyBytes} bytes read`);
      assert.equal(r.cutBytes, r.bodyBytes - DEFAULT_MAX_BODY_BYTES);
      await rx.clientClosed();
      assert.ok(rx.sentBytes < 48 * 1024 * 1024, `the handler could send ${rx.sentBytes} bytes`);
    });

    it('reports a redirect as the answer, without following it', async () => {
      rx.behave = (req, res) => res.writeHead(req.url === '/webhooks' ? 307 : 200, { Location: '/elsewhere' }).end();
      const r = await postToHandler(rx.url, '{}', {});
      assert.equal(r.kind, 'answered');
      if (r.kind === 'answered') assert.equal(r.status, 307);
      await settle();
      assert.deepEqual(rx.received.map((x) => x.url), ['/webhooks']);
    });

    it('sends plain http only to loopback, https anywhere, and nothing to a URL it refuses', async () => {
      for (const ok of ['http://127.0.0.1:3000/hook?token=a', 'http://localhost/hook', 'http://[::1]:8080/', 'https://hooks.example.com/telnyx', 'http://127.8.9.10/']) {
        assert.doesNotThrow(() => checkHandlerUrl(ok), ok);
      }
      for (const bad of ['http://192.168.1.10/hook', 'http://example.com/', 'ftp://127.0.0.1/', 'http://user:pw@127.0.0.1/', 'not a url', '']) {
        assert.throws(() => checkHandlerUrl(bad), (e: unknown) => e instanceof TelnyxError && e.kind === 'config', bad);
      }
      assert.equal(checkHandlerUrl(' http://127.0.0.1:3000/hook?x=1#frag '), 'http://127.0.0.1:3000/hook?x=1');
      await assert.rejects(deliverEvent({ id: 'e' }, 'http://10.0.0.1/hook'), (e: unknown) => e instanceof TelnyxError && e.kind === 'config');
    });
  });
});

/** A port nothing listens on: one that was just free. */
async function startAndStop(): Promise<{ port: number }> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return { port };
}
