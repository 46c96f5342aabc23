// Measure 8 (replay, issue 13): 500 republishes at concurrency 2 against the sandbox at the bench's latency,
// measured against the limit latency x ceil(500 / 2) (each republish waits one latency, two at a time); and
// 500 events delivered, signed, to a local handler one after the other. The replay and delivery code are the
// real ones (src/api/replay.ts, src/api/localHandler.ts).

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelnyxClient } from '../src/api/client';
import { DIRECTIONS } from '../src/api/directions';
import { deliverEvent } from '../src/api/localHandler';
import { MemoryLedger, replay, targetsOf } from '../src/api/replay';
import type { PortingEvent } from '../src/api/types';
import { serializeEnvelope, toEnvelope } from '../src/api/webhookEnvelope';
import { generateDevKeyPair, importPrivateKey, signatureHeaders } from '../src/api/webhookSigning';
import { int, ms, verdict, x } from './format';
import type { BenchOptions } from './options';
import { SandboxProcess } from './sandboxHost';
import { median } from './stats';

const EVENTS = 500;
const CONCURRENCY = 2;
const TARGET_RATIO = 1.2;
/** Enough events in each direction for half of EVENTS, and little else: seeding is not what is measured. */
const SEED = { portinOrders: 40, portoutOrders: 40, totalEvents: 2_000 };

export interface ReplayBench {
  latencyMs: number;
  republish: { events: number; concurrency: number; ms: number; limitMs: number; posts: number; answered204: number; sent: number };
  handler: { events: number; ms: number; medianMs: number; maxMs: number; buildAndSignMs: number; received: number; answered200: number };
}

/** Runs both measures on a sandbox of its own and prints them. */
export async function benchReplay(o: BenchOptions): Promise<ReplayBench> {
  const sb = await SandboxProcess.start({ latencyMs: o.latencyMs, seed: SEED });
  try {
    const client = new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey });
    // Half from each direction, newest first as a page lists them. Reading them settles each direction's
    // events path, so every request timed below is a republish.
    const pages = await Promise.all(DIRECTIONS.map((d) => client.listEvents(d, { pageNumber: 1, pageSize: EVENTS / 2 })));
    const events: { dir: (typeof DIRECTIONS)[number]; event: PortingEvent }[] = pages.flatMap((p, i) => p.items.map((event) => ({ dir: DIRECTIONS[i]!, event })));
    if (events.length < EVENTS) throw new Error(`the replay sandbox has only ${events.length} events`);
    const targets = events.flatMap(({ dir, event }) => targetsOf(dir, [event]));

    const from = await sb.call({ type: 'mark' });
    const t0 = performance.now();
    const result = await replay(client, targets, { ledger: new MemoryLedger(), concurrency: CONCURRENCY });
    const republishMs = performance.now() - t0;
    const log = (await sb.call({ type: 'requests', from })).filter((r) => r.path.endsWith('/republish'));
    const republish = {
      events: targets.length,
      concurrency: CONCURRENCY,
      ms: republishMs,
      limitMs: o.latencyMs * Math.ceil(targets.length / CONCURRENCY),
      posts: log.length,
      answered204: log.filter((r) => r.status === 204).length,
      sent: result.counts.sent,
    };

    const handler = await measureHandler(events.map((e) => e.event));
    const r: ReplayBench = { latencyMs: o.latencyMs, republish, handler };
    printReplay(r);
    return r;
  } finally {
    await sb.close();
  }
}

/** A do-nothing handler in this process, answering each POST once its body is in. */
async function measureHandler(events: readonly PortingEvent[]): Promise<ReplayBench['handler']> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    const key = importPrivateKey(generateDevKeyPair().privateKey);
    await deliverEvent(events[0]!, url, { signingKey: key }); // connection and JIT warm-up
    received = 0;

    const b0 = performance.now();
    for (const e of events) signatureHeaders(serializeEnvelope(toEnvelope(e, url)), key);
    const buildAndSignMs = performance.now() - b0;

    const each: number[] = [];
    let answered200 = 0;
    const t0 = performance.now();
    for (const e of events) {
      const { result } = await deliverEvent(e, url, { signingKey: key });
      each.push(result.ms);
      if (result.kind === 'answered' && result.status === 200) answered200++;
    }
    const total = performance.now() - t0;
    return { events: events.length, ms: total, medianMs: median(each), maxMs: Math.max(...each), buildAndSignMs, received, answered200 };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function printReplay(r: ReplayBench): void {
  const p = r.republish;
  const ratio = p.ms / p.limitMs;
  console.log(`\n8. Replay (issue 13; src/api/replay.ts against a sandbox of its own at ${r.latencyMs} ms, one run)`);
  console.log(
    `  republish ${int(p.events)} events (both directions), concurrency ${p.concurrency}: ${ms(p.ms)} ms; limit ${r.latencyMs} ms x ceil(${p.events}/${p.concurrency}) = ${ms(p.limitMs)} ms; ` +
      `${x(ratio)} the limit, target <= ${x(TARGET_RATIO, 1)}: ${verdict(ratio <= TARGET_RATIO)}`,
  );
  console.log(`    the sandbox got ${int(p.posts)} republish POSTs (${int(p.answered204)} answered 204); the ledger says ${int(p.sent)} sent`);
  const h = r.handler;
  console.log(
    `  send ${int(h.events)} events to a local handler (in this process, answering 200 at once), signed, one at a time: ${ms(h.ms)} ms, ` +
      `${ms(h.ms / h.events)} ms per event (request median ${ms(h.medianMs)}, max ${ms(h.maxMs)}); envelope + Ed25519 signature alone ${ms((h.buildAndSignMs / h.events) * 1000)} µs per event`,
  );
  console.log(`    the handler got ${int(h.received)} requests, ${int(h.answered200)} answered 200`);
}
