// Issue 18: deadlines, Cancel and the size cap hold while V8 collects garbage. Servers written here on
// 127.0.0.1 that never answer, drip forever, or send more than any API answer; a full GC runs every 100 ms,
// and once more when each request arrives, so a link to the socket that only something collectable holds
// is gone before the deadline fires. Each test ends on what the server saw (its socket closed, how much it
// could send), never on a time.

import * as assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TelnyxError } from '../../src/api/errors';
import { Http, type HttpOptions } from '../../src/api/http';
import { gcNow, underForcedGc } from './forcedGc';

const MB = 1024 * 1024;
/** The default cap (MAX_ANSWER_BYTES), as the messages say it. */
const CAP = 64 * MB;
/** Where an "endless" answer stops after all, so code that reads it whole ends in an assertion, not out of memory. */
const ENDLESS_STOPS_AT = 256 * MB;
/** What the server may have handed to its socket beyond what the client read: kernel buffers both sides, undici's queue. */
const IN_FLIGHT_SLACK = 32 * MB;
/** More than the socket buffers of both ends can hold: once the server has written this, the client is reading the body. */
const PAST_THE_BUFFERS = 24 * MB;

type Behaviour = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A server that answers as the test says, and tells what became of each connection. */
class Wire {
  behave: Behaviour = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  readonly bodies: string[] = [];
  /** Bytes the server's answers handed to their sockets. */
  sentBytes = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  /** The sockets requests came on, in order. */
  private readonly requestSockets: Socket[] = [];
  private firstSocket: Socket | undefined;
  private closes: (() => void)[] = [];

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.bodies.push(body);
        this.requestSockets.push(req.socket);
        // The request is on the wire and fetch has copied ky's Request: collect what is collectable now.
        gcNow();
        this.behave(req, res, body);
      });
    });
    this.server.on('connection', (s) => {
      this.firstSocket ??= s;
      this.sockets.add(s);
      s.on('close', () => {
        this.sockets.delete(s);
        for (const resolve of this.closes.splice(0)) resolve();
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v2`;
  }

  /**
   * Resolves once the client has closed the socket it used: the one the request came on, or the first
   * connection when the client gave up before its request was in (the server never closes one here).
   * Only that one: after an abort undici opens a spare connection that idles until its keep-alive ends.
   */
  async allClosed(): Promise<void> {
    const used = this.requestSockets[0] ?? this.firstSocket;
    while (used && this.sockets.has(used)) await new Promise<void>((resolve) => this.closes.push(resolve));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Writes `total` bytes of 'x' (or until the client goes), at the pace the client reads them; then ends the
   * answer, or with `then` calls it instead and leaves the answer open.
   */
  stream(res: ServerResponse, total: number, then?: () => void): void {
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
      if (left === 0 && !res.destroyed) {
        if (then) then();
        else res.end();
      }
    };
    pump();
  }
}

/** Holds the headers back forever. */
const silent: Behaviour = () => undefined;

/** A 200 whose body comes a byte at a time, for ever. */
const dripping: Behaviour = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('[');
  const timer = setInterval(() => res.write(' '), 20);
  res.on('close', () => clearInterval(timer));
};

describe('Http under forced GC: deadlines, Cancel and the size cap reach the socket', function () {
  this.timeout(20_000);
  underForcedGc();
  let wire: Wire;
  const http = (over: Partial<HttpOptions> = {}): Http => new Http({ baseUrl: wire.baseUrl, apiKey: 'KEYGCTEST0123456789', timeoutMs: 500, retries: 0, ...over });

  async function failure(p: Promise<unknown>): Promise<TelnyxError> {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof TelnyxError, `expected a TelnyxError, got ${String(e)}`);
      return e;
    }
    return assert.fail('expected the call to fail');
  }

  beforeEach(async () => {
    wire = new Wire();
    await wire.start();
  });
  afterEach(async () => {
    await wire.close();
  });

  describe('reads', () => {
    it('a server that never answers: a timeout, and the socket is closed', async function () {
      // The old code passed ky's Request to fetch: after a GC the deadline's abort no longer reached undici and the read hung here.
      this.timeout(8_000);
      wire.behave = silent;
      const e = await failure(http().json('porting_orders', { what: 'Loading' }));
      assert.equal(e.kind, 'timeout');
      await wire.allClosed();
    });

    it('a 200 that drips for ever: a timeout, and the socket is closed', async function () {
      this.timeout(8_000);
      wire.behave = dripping;
      const e = await failure(http().json('porting_orders', { what: 'Loading' }));
      assert.equal(e.kind, 'timeout');
      await wire.allClosed();
    });

    it('Cancel of a read the server holds: cancelled, and the socket is closed', async function () {
      this.timeout(8_000);
      const abort = new AbortController();
      // Cancelled once the request is in and a GC has run (Wire collects before behaving).
      wire.behave = () => abort.abort();
      const e = await failure(http({ timeoutMs: 60_000 }).json('porting_orders', { what: 'Loading', signal: abort.signal }));
      assert.equal(e.kind, 'cancelled');
      await wire.allClosed();
    });

    it('Cancel while the body is read, then held: cancelled, and the socket is closed', async function () {
      this.timeout(8_000);
      const abort = new AbortController();
      wire.behave = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        // Written past what the buffers hold, the client is in its body read; then nothing more comes.
        wire.stream(res, PAST_THE_BUFFERS, () => {
          gcNow();
          abort.abort();
        });
      };
      const e = await failure(http({ timeoutMs: 60_000 }).json('porting_orders', { what: 'Loading', signal: abort.signal }));
      assert.equal(e.kind, 'cancelled');
      await wire.allClosed();
    });

    it('a 200 that never ends stops at the cap: a malformed error that says so, not retried, and the server could send little more', async () => {
      // The deadline is long on purpose: the cap, not the clock, must end this.
      wire.behave = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        wire.stream(res, ENDLESS_STOPS_AT);
      };
      const e = await failure(http({ timeoutMs: 60_000, retries: 2 }).json('porting_orders', { what: 'Loading' }));
      assert.equal(e.kind, 'malformed');
      assert.match(e.message, /^Loading: Telnyx sent an answer longer than 64 MB \(64 MB or more\), which is not read\. Check the API base URL\.$/);
      assert.equal(wire.bodies.length, 1, 'the same request would bring the same answer: not retried');
      await wire.allClosed();
      assert.ok(wire.sentBytes < CAP + IN_FLIGHT_SLACK, `the server sent ${Math.round(wire.sentBytes / MB)} MB`);
    });

    it('a 200 MB body is refused on its Content-Length, before it is read', async () => {
      wire.behave = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * MB) });
        wire.stream(res, 200 * MB);
      };
      const e = await failure(http({ timeoutMs: 60_000 }).json('porting_orders', { what: 'Loading' }));
      assert.equal(e.kind, 'malformed');
      assert.match(e.message, /longer than 64 MB \(200 MB or more\)/);
      await wire.allClosed();
      assert.ok(wire.sentBytes < IN_FLIGHT_SLACK, `the server sent ${Math.round(wire.sentBytes / MB)} MB`);
    });

    it('a cap set lower holds the same way, and an error status past it still stands', async () => {
      wire.behave = (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/html' });
        wire.stream(res, ENDLESS_STOPS_AT);
      };
      const e = await failure(http({ timeoutMs: 60_000, maxAnswerBytes: MB }).json('porting_orders', { what: 'Loading' }));
      assert.equal(e.kind, 'not-found');
      await wire.allClosed();
      assert.ok(wire.sentBytes < MB + IN_FLIGHT_SLACK, `the server sent ${Math.round(wire.sentBytes / MB)} MB`);
    });
  });

  describe('writes', () => {
    it('a POST the server never answers: unknown outcome at the deadline, and the socket is closed', async function () {
      this.timeout(8_000);
      wire.behave = silent;
      const e = await failure(http().sendOnce('POST', 'porting_orders/x/comments', { what: 'Posting a comment', body: { body: 'hello' } }));
      assert.equal(e.kind, 'unknown-outcome');
      assert.equal(e.retryable, false);
      assert.match(e.message, /did not answer within 0\.5 s, so it may or may not have been processed\.$/);
      await wire.allClosed();
    });

    it('a 2xx to a POST, then Cancel while its body is read: done, its answer unreadable, the socket is closed', async function () {
      this.timeout(8_000);
      const abort = new AbortController();
      wire.behave = (_req, res) => {
        res.writeHead(201, { 'content-type': 'application/json' });
        wire.stream(res, PAST_THE_BUFFERS, () => {
          gcNow();
          abort.abort();
        });
      };
      const sent = await http({ timeoutMs: 60_000 }).sendOnce('POST', 'porting_orders/x/comments', { what: 'Posting a comment', body: { body: 'hello' }, signal: abort.signal });
      assert.deepEqual(sent, { status: 201, body: undefined, bodyUnreadable: true });
      await wire.allClosed();
    });

    it('a PATCH the server holds, then Cancel: cancelled, the body went whole, and the socket is closed', async function () {
      this.timeout(8_000);
      const abort = new AbortController();
      wire.behave = () => abort.abort();
      const e = await failure(http({ timeoutMs: 60_000 }).sendOnce('PATCH', 'portouts/x/authorized', { what: 'Authorizing', body: { reason: 'ok' }, signal: abort.signal }));
      assert.equal(e.kind, 'cancelled');
      assert.match(e.message, /may or may not have been processed/);
      assert.deepEqual(wire.bodies, ['{"reason":"ok"}'], 'our signal given to fetch does not cost the body');
      await wire.allClosed();
    });

    it('a 2xx whose answer runs past the cap is done, with its answer unreadable; the read stops at the cap', async () => {
      wire.behave = (_req, res) => {
        res.writeHead(201, { 'content-type': 'application/json' });
        wire.stream(res, ENDLESS_STOPS_AT);
      };
      const sent = await http({ timeoutMs: 60_000 }).sendOnce('POST', 'porting_orders/x/comments', { what: 'Posting a comment', body: { body: 'hi' } });
      assert.deepEqual(sent, { status: 201, body: undefined, bodyUnreadable: true });
      assert.equal(wire.bodies.length, 1);
      await wire.allClosed();
      assert.ok(wire.sentBytes < CAP + IN_FLIGHT_SLACK, `the server sent ${Math.round(wire.sentBytes / MB)} MB`);
    });

    it('an unexpected exception once the request was sent is an unknown outcome, never a Retry', async () => {
      // The old code let it out as a plain Error, which TelnyxError.from makes 'malformed': retryable.
      wire.behave = (_req, res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"data":{"id":"c1"}}');
      const broken = http({ onRequest: () => { throw new Error('the log is closed'); } });
      const e = await failure(broken.sendOnce('POST', 'porting_orders/x/comments', { what: 'Posting a comment', body: { body: 'hi' } }));
      assert.equal(e.kind, 'unknown-outcome');
      assert.equal(e.retryable, false);
      assert.equal(e.message, 'Posting a comment: an unexpected problem after the request was sent (the log is closed), so it may or may not have been processed.');
      assert.equal(wire.bodies.length, 1, 'sent once');
    });

    it('an exception before anything was sent stays what it was: nothing reached the server', async () => {
      const e = await http()
        .sendOnce('POST', 'porting_orders/x/comments', { what: 'Posting a comment', body: { n: 1n } })
        .then(() => assert.fail('expected the call to fail'), (x: unknown) => x);
      assert.ok(!(e instanceof TelnyxError && e.kind === 'unknown-outcome'), String(e));
      assert.equal(wire.bodies.length, 0);
    });
  });
});
