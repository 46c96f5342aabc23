// Command-line flags (and the BENCH_* environment variables behind them) for `npm run bench`.
// Flags win over the environment so `npm run bench -- --latency 20` works without unsetting anything.

export interface BenchOptions {
  latencyMs: number;
  concurrency: number;
  /** Data-size multipliers, run in this order; the first one is the reference for the targets. */
  scales: number[];
  /** Samples per measure at the first scale (median taken); larger scales take one each. */
  runs: number;
  /** Scales above this skip the SDK and the timed runs: there the sandbox's CPU, not the network, sets the pace. */
  fullUpTo: number;
  pageSize: number;
  base: { portinOrders: number; portoutOrders: number; totalEvents: number };
}

export const USAGE = `Usage: npm run bench -- [options]    (or: node --expose-gc out/bench/main.js [options])
  --latency MS        time from a request's arrival at the sandbox to its answer (default 50; env BENCH_LATENCY_MS)
  --concurrency N     pages in flight for the extension's fetch-all (default 4; env BENCH_CONCURRENCY)
  --scales A,B,C      data-size multipliers (default 1,4,16; env BENCH_SCALES)
  --runs N            samples per measure at the first scale, median shown (default 5; env BENCH_RUNS)
  --full-up-to N      scales above N run light: no SDK, no timed runs, only the latency-0 run, first
                      paint and memory (default 4; env BENCH_FULL_UP_TO; 64 runs everything everywhere)
  --page-size N       page size for fetch-all and the memory load (default 250, the API maximum)
  --portin-orders N   port-in orders at 1x (default 5000)
  --portout-orders N  port-outs at 1x (default 2000)
  --events N          events at 1x, spread over all orders (default 50000)
  --help`;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const raw = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--help' || flag === '-h') return 'help';
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new UsageError(`bad or incomplete option ${flag}`);
    raw.set(flag.slice(2), value);
    i++;
  }
  const pick = (name: string, envName?: string): string | undefined => raw.get(name) ?? (envName ? env[envName] : undefined);
  const int = (name: string, fallback: number, min: number, envName?: string): number => {
    const v = pick(name, envName);
    if (v === undefined || v === '') return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`--${name} must be an integer >= ${min}`);
    return Number(v);
  };
  const scalesText = pick('scales', 'BENCH_SCALES') ?? '1,4,16';
  const scales = scalesText.split(',').map((s) => Number(s.trim()));
  if (scales.length === 0 || scales.some((s) => !Number.isInteger(s) || s < 1 || s > 64)) {
    throw new UsageError('--scales is a comma-separated list of integers between 1 and 64');
  }
  const known = new Set(['latency', 'concurrency', 'scales', 'runs', 'full-up-to', 'page-size', 'portin-orders', 'portout-orders', 'events']);
  for (const k of raw.keys()) if (!known.has(k)) throw new UsageError(`unknown option --${k}`);
  const pageSize = int('page-size', 250, 1);
  if (pageSize > 250) throw new UsageError('--page-size is at most 250 (the API maximum)');
  return {
    latencyMs: int('latency', 50, 0, 'BENCH_LATENCY_MS'),
    concurrency: int('concurrency', 4, 1, 'BENCH_CONCURRENCY'),
    scales,
    runs: int('runs', 5, 1, 'BENCH_RUNS'),
    fullUpTo: int('full-up-to', 4, 1, 'BENCH_FULL_UP_TO'),
    pageSize,
    base: {
      portinOrders: int('portin-orders', 5000, 1),
      portoutOrders: int('portout-orders', 2000, 1),
      totalEvents: int('events', 50_000, 0),
    },
  };
}
