// `npm run sandbox`: runs the sandbox in the foreground so the extension (or curl) can be pointed at it.

import type { SandboxOptions, SeedOptions } from './server';
import { DEFAULT_API_KEY, startSandbox } from './server';

const USAGE = `Usage: node out/test/sandbox/main.js [options]
  --port N                    listen port (default 4010; 0 = any free port)
  --host H                    listen address (default 127.0.0.1)
  --key K                     accepted API key (default ${DEFAULT_API_KEY})
  --latency MS                delay added to every API answer (default 0)
  --portout-events-path P     "portouts" (spec, default) or "portout" (guide spelling)
  --seed N                    PRNG seed for the data
  --portin-orders N           number of port-in orders (default 24)
  --portout-orders N          number of port-outs (default 18)
  --events N | N-M            events per order (default 10-40)
  --total-events N            exactly N events over all orders (overrides --events)
  --empty-total-pages 0|1     total_pages reported for an empty list (default 0)
  --list-order O              order of the lists without a documented sort (/porting/events,
                              /portouts/events, /portouts): desc (default), asc or shuffled
  --lenient-query             ignore unknown and repeated query parameters (default: 422)
  --rate-limit-headers        add x-ratelimit-* headers to 429 answers (the API documents none)
  --quiet                     do not print one line per API request
  --help`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { options: SandboxOptions; quiet: boolean } {
  const options: SandboxOptions = { port: 4010 };
  const seed: Partial<SeedOptions> = {};
  let quiet = false;
  const int = (flag: string, v: string | undefined): number => {
    if (v === undefined || !/^\d+$/.test(v)) throw new UsageError(`${flag} needs a non-negative integer`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = (): string | undefined => argv[++i];
    switch (flag) {
      case '--port':
        options.port = int(flag, value());
        break;
      case '--host':
        options.host = value();
        break;
      case '--key': {
        const key = value();
        if (key === undefined || key === '') throw new UsageError('--key needs a value');
        options.apiKey = key;
        break;
      }
      case '--latency':
        options.latencyMs = int(flag, value());
        break;
      case '--portout-events-path': {
        const p = value();
        if (p !== 'portouts' && p !== 'portout') throw new UsageError('--portout-events-path is "portouts" or "portout"');
        options.portoutEventsPath = p;
        break;
      }
      case '--seed':
        seed.seed = int(flag, value());
        break;
      case '--portin-orders':
        seed.portinOrders = int(flag, value());
        break;
      case '--portout-orders':
        seed.portoutOrders = int(flag, value());
        break;
      case '--events': {
        const v = value() ?? '';
        const m = /^(\d+)(?:-(\d+))?$/.exec(v);
        if (m === null) throw new UsageError('--events is N or N-M');
        seed.eventsPerOrder = m[2] === undefined ? Number(m[1]) : { min: Number(m[1]), max: Number(m[2]) };
        break;
      }
      case '--total-events':
        seed.totalEvents = int(flag, value());
        break;
      case '--empty-total-pages': {
        const v = value();
        if (v !== '0' && v !== '1') throw new UsageError('--empty-total-pages is 0 or 1');
        options.emptyListTotalPages = v === '1' ? 1 : 0;
        break;
      }
      case '--list-order': {
        const v = value();
        if (v !== 'desc' && v !== 'asc' && v !== 'shuffled') throw new UsageError('--list-order is desc, asc or shuffled');
        options.listOrder = v;
        break;
      }
      case '--lenient-query':
        options.strictQuery = false;
        break;
      case '--rate-limit-headers':
        options.rateLimitHeaders = true;
        break;
      case '--quiet':
        quiet = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  options.seed = seed;
  return { options, quiet };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const { options, quiet } = parsed;
  if (!quiet) {
    options.onRequest = (r) => {
      const query = r.query ? `?${decodeURIComponent(r.query)}` : '';
      const notes = `${r.fault ? ` [fault: ${r.fault}]` : ''}${r.authorized ? '' : ' [unauthorized]'}`;
      console.log(`${r.at} ${r.method} ${r.path}${query} → ${r.status || 'no answer'}${notes}`);
    };
  }
  const sandbox = await startSandbox(options);
  const d = sandbox.data;
  console.log(`Telnyx sandbox listening on ${sandbox.apiBaseUrl}`);
  console.log(`In VS Code: set "telnyxPorting.apiBaseUrl": "${sandbox.apiBaseUrl}", then run "Telnyx Porting: Set API Key" with ${sandbox.apiKey}`);
  console.log(
    `Data: ${d.portinOrders.length} port-in orders, ${d.portoutOrders.length} port-outs, ${d.portinEvents.length} port-in events, ${d.portoutEvents.length} port-out events` +
      (sandbox.config.portoutEventsPath === 'portout' ? ' (port-out events at /v2/portout/events)' : ''),
  );
  const c = sandbox.config;
  console.log(`Lists without a documented sort: ${c.listOrder}; unknown query parameters: ${c.strictQuery ? '422' : 'ignored'}`);
  console.log(`Control: ${sandbox.url}/__sandbox/{faults,requests,republishes,events,remove,config,reset,seed}, with the key and JSON bodies (see test/sandbox/README.md)`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
