// `npm run bench`: the issue-5 figures, side by side, at each data scale, and issue 11's watching. Targets are
// printed, never asserted: a missed target is a finding to read, not a red build.

import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TelnyxClient } from '../src/api/client';
import { direction } from '../src/api/directions';
import { measureFetch } from './fetchAllBench';
import { eventsCase, pickEventSlice, portinOrdersCase, type EventSlice } from './fetchCases';
import { measureFirstPaint } from './firstPaint';
import { USAGE, UsageError, parseOptions, type BenchOptions } from './options';
import { printScale, printSize, printSummary, type ScaleResult } from './report';
import { benchReplay } from './replay';
import { SandboxProcess } from './sandboxHost';
import { measureScanBytes } from './scanBytes';
import { sdkClient } from './sdk';
import { measureSize } from './size';
import { measureTreeMemory } from './treeMemory';
import { measureWatch } from './watch';

/** The issue's "40-page direction". */
const TARGET_EVENT_PAGES = 40;
const FIRST_PAINT_SAMPLES = 9;

async function runScale(scale: number, o: BenchOptions, runs: number, slice: EventSlice | undefined, reference: boolean): Promise<ScaleResult> {
  const seed = { portinOrders: o.base.portinOrders * scale, portoutOrders: o.base.portoutOrders * scale, totalEvents: o.base.totalEvents * scale };
  const sb = await SandboxProcess.start({ latencyMs: o.latencyMs, seed });
  try {
    const counts = sb.ready.counts;
    const chosen = slice ?? pickEventSlice(counts, o.pageSize, TARGET_EVENT_PAGES);
    const client = new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey });
    const sdk = sdkClient(sb.apiBaseUrl, sb.apiKey);
    // Connections and JIT warm for both sides before anything is timed.
    await client.listOrders(direction('portin'), { pageNumber: 1, pageSize: 1 });
    await sdk.portingOrders.list({ 'page[size]': 1 });
    const setup = { sb, client, sdk, latencyMs: o.latencyMs, concurrency: o.concurrency, runs };
    const full = scale <= o.fullUpTo;
    const orders = await measureFetch(portinOrdersCase(o.pageSize), setup, o.pageSize, full);
    const events = await measureFetch(eventsCase(chosen, o.pageSize), setup, o.pageSize, full);
    const paint = await measureFirstPaint(sb, client, FIRST_PAINT_SAMPLES);
    const memory = await measureTreeMemory(sb, counts, o.pageSize, o.latencyMs);
    // Bytes grow with the data by construction: the reference scale says it.
    const scanBytes = reference ? await measureScanBytes(sb, o.pageSize, o.concurrency, o.latencyMs) : undefined;
    // Last: it inserts events into the sandbox. The issue's sizes are fixed, so the reference scale says it.
    const watch = reference ? await measureWatch(sb, o.latencyMs, runs, counts.portin.total) : undefined;
    return { scale, runs, seedMs: sb.ready.seedMs, counts, slice: chosen, orders, events, paint, memory, scanBytes, watch };
  } finally {
    await sb.close();
  }
}

async function main(): Promise<void> {
  let o: BenchOptions | 'help';
  try {
    o = parseOptions(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (o === 'help') {
    console.log(USAGE);
    return;
  }
  const root = process.cwd();
  const sdkVersion = (JSON.parse(readFileSync(join(root, 'node_modules/telnyx/package.json'), 'utf8')) as { version: string }).version;
  console.log(
    `Telnyx Porting bench: node ${process.version}, ${cpus().length} CPUs; sandbox in a child process on 127.0.0.1; ` +
      `latency ${o.latencyMs} ms, concurrency ${o.concurrency}, page size ${o.pageSize}, scales ${o.scales.map((s) => `${s}x`).join(', ')}; ` +
      `SDK telnyx ${sdkVersion} (for await auto-pagination)`,
  );
  const started = performance.now();
  const size = await measureSize(root);
  printSize(size);
  const results: ScaleResult[] = [];
  let slice: EventSlice | undefined;
  for (const [i, scale] of o.scales.entries()) {
    // The first scale is the reference, sampled several times; larger ones three times (one sample moved by
    // up to 1.6x between runs at 4x), or once when run light.
    const runs = i === 0 ? o.runs : scale <= o.fullUpTo ? Math.min(3, o.runs) : 1;
    const r = await runScale(scale, o, runs, slice, i === 0);
    slice = r.slice;
    printScale(r, o);
    results.push(r);
  }
  await benchReplay(o);
  printSummary(results, size, o, performance.now() - started);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
