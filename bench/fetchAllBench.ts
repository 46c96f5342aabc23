// Measures 1 and 2: one fetch-all workload with the extension's API layer and with the SDK side by side at
// the set latency, then the API layer again at latency 0: the transfer time the limit adds, and who spent the CPU.

import type { Telnyx } from 'telnyx';
import type { TelnyxClient } from '../src/api/client';
import type { FetchCase } from './fetchCases';
import type { LoggedRequest } from './protocol';
import type { SandboxProcess } from './sandboxHost';
import { limitMs, median, timed } from './stats';

export interface IdCheck {
  count: number;
  missing: number;
  duplicated: number;
  /** Ids the truth does not have (a filter the server ignored would show up here). */
  extra: number;
}

export interface FetchResult {
  label: string;
  records: number;
  pages: number;
  /** The timed side-by-side runs; absent at scales run light (see BenchOptions.fullUpTo). */
  timed?: {
    /** Medians of the samples below. */
    apiMs: number;
    sdkMs: number;
    apiSamples: number[];
    sdkSamples: number[];
    limitMs: number;
    apiRequests: number;
    sdkRequests: number;
    apiCheck: IdCheck;
    sdkCheck: IdCheck;
    /** Page 2 as the sandbox received it from each client, decoded. */
    apiQuery: string;
    sdkQuery: string;
    /** Answers other than 200 (retries would hide in the times otherwise). */
    non200: number;
  };
  /** Ids of the latency-0 run. */
  apiCheck: IdCheck;
  /** The API layer's run at latency 0: transfer time, and the CPU the sandbox and this process (the client) used. */
  transferMs: number;
  serverCpuMs: number;
  clientCpuMs: number;
}

export interface FetchSetup {
  sb: SandboxProcess;
  client: TelnyxClient;
  sdk: Telnyx;
  latencyMs: number;
  concurrency: number;
  runs: number;
}

function check(ids: readonly string[], truth: ReadonlySet<string>): IdCheck {
  const unique = new Set(ids);
  let missing = 0;
  for (const t of truth) if (!unique.has(t)) missing++;
  let extra = 0;
  for (const id of unique) if (!truth.has(id)) extra++;
  return { count: ids.length, missing, duplicated: ids.length - unique.size, extra };
}

/** Query of the page-2 request, parameters sorted so two clients' spellings compare equal. */
function page2Query(log: readonly LoggedRequest[]): string {
  for (const r of log) {
    const params = [...new URLSearchParams(r.query)];
    if (params.some(([k, v]) => k === 'page[number]' && v === '2')) return params.map(([k, v]) => `${k}=${v}`).sort().join('&');
  }
  return '(no page 2 requested)';
}

interface Sample<T> {
  ms: number;
  value: T;
  log: LoggedRequest[];
}

async function logged<T>(sb: SandboxProcess, run: () => Promise<T>): Promise<Sample<T>> {
  const from = await sb.call({ type: 'mark' });
  const { ms, value } = await timed(run);
  return { ms, value, log: await sb.call({ type: 'requests', from }) };
}

interface LatencyFreeRun {
  ms: number;
  serverCpuMs: number;
  clientCpuMs: number;
  ids: string[];
}

async function latencyFreeRun(c: FetchCase, s: FetchSetup): Promise<LatencyFreeRun> {
  const server0 = await s.sb.call({ type: 'cpu' });
  const client0 = process.cpuUsage();
  const { ms, value } = await timed(() => c.api(s.client, s.concurrency));
  const client = process.cpuUsage(client0);
  const serverCpuMs = (await s.sb.call({ type: 'cpu' })) - server0;
  return { ms, serverCpuMs, clientCpuMs: (client.user + client.system) / 1000, ids: value.ids };
}

async function sideBySide(c: FetchCase, s: FetchSetup, truth: ReadonlySet<string>): Promise<Omit<NonNullable<FetchResult['timed']>, 'limitMs'>> {
  const apiMs: number[] = [];
  const sdkMs: number[] = [];
  let first: { api: Sample<{ ids: string[] }>; sdk: Sample<string[]> } | undefined;
  let non200 = 0;
  const runApi = (): Promise<Sample<{ ids: string[] }>> => logged(s.sb, () => c.api(s.client, s.concurrency));
  const runSdk = (): Promise<Sample<string[]>> => logged(s.sb, () => c.sdk(s.sdk));
  // One untimed run each first: the first request of a query makes the sandbox filter the whole list once
  // (cached after), and the first run of each client compiles its hot paths. Untimed, the first sample of a
  // scale was 1.3-1.6x the others.
  await runApi();
  await runSdk();
  for (let i = 0; i < s.runs; i++) {
    // Alternating who goes first keeps warm-up and GC debt from favouring one side.
    let api: Sample<{ ids: string[] }>;
    let sdk: Sample<string[]>;
    if (i % 2 === 0) {
      api = await runApi();
      sdk = await runSdk();
    } else {
      sdk = await runSdk();
      api = await runApi();
    }
    apiMs.push(api.ms);
    sdkMs.push(sdk.ms);
    non200 += [...api.log, ...sdk.log].filter((r) => r.status !== 200).length;
    first ??= { api, sdk };
  }
  const { api, sdk } = first!;
  return {
    apiMs: median(apiMs),
    sdkMs: median(sdkMs),
    apiSamples: apiMs,
    sdkSamples: sdkMs,
    apiRequests: api.log.length,
    sdkRequests: sdk.log.length,
    apiCheck: check(api.value.ids, truth),
    sdkCheck: check(sdk.value, truth),
    apiQuery: page2Query(api.log),
    sdkQuery: page2Query(sdk.log),
    non200,
  };
}

/** `withSdk` false: only the latency-0 run (for scales where the sandbox, not the client, sets the pace). */
export async function measureFetch(c: FetchCase, s: FetchSetup, pageSize: number, withSdk: boolean): Promise<FetchResult> {
  const truth = new Set(await c.truth(s.sb));
  const pages = Math.max(1, Math.ceil(truth.size / pageSize));
  const side = withSdk ? await sideBySide(c, s, truth) : undefined;
  await s.sb.setLatency(0);
  const free: LatencyFreeRun[] = [];
  try {
    for (let i = 0; i < s.runs; i++) free.push(await latencyFreeRun(c, s));
  } finally {
    await s.sb.setLatency(s.latencyMs);
  }
  const transferMs = median(free.map((r) => r.ms));
  return {
    label: c.label,
    records: truth.size,
    pages,
    timed: side && { ...side, limitMs: limitMs(s.latencyMs, pages, s.concurrency, transferMs) },
    apiCheck: check(free[0]!.ids, truth),
    transferMs,
    serverCpuMs: median(free.map((r) => r.serverCpuMs)),
    clientCpuMs: median(free.map((r) => r.clientCpuMs)),
  };
}
