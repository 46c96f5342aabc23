// The entry of dist/sandbox.js, the extension's demo sandbox: the test sandbox (test/sandbox) as a visitor without
// an account sees it. It ships to users, so it lives in src/; it is the one place src/ reaches into test/sandbox,
// and it is bundled on its own so that only starting a demo loads it, never activation.

import { startSandbox, type Sandbox } from '../../test/sandbox/server';

/** What dist/sandbox.js hands back: enough to point the extension at it and to stop it. */
export interface EmbeddedSandbox {
  /** e.g. "http://127.0.0.1:40123/v2", for telnyxPorting.apiBaseUrl. */
  readonly apiBaseUrl: string;
  readonly apiKey: string;
  readonly port: number;
  /** What happens next in the demo, now: the new events' directions and ids, oldest first. */
  tick(): { direction: 'portin' | 'portout'; id: string }[];
  close(): Promise<void>;
}

// The sandbox keeps every request for tests to inspect; a demo left running for days must not grow with it.
const REQUEST_LOG_LIMIT = 1000;

/** How often something happens in a running demo, so watching has news to show (the first within a minute). */
export const LIVE_EVERY_MS = 45_000;

/**
 * Starts the seeded sandbox on a free loopback port, printing nothing; every `liveEveryMs` something happens to
 * its orders (test/sandbox/live.ts), stamped with `clock` (default the wall clock). `liveEveryMs: 0` starts no
 * timer: a test calls `tick` instead, moving its clock as it likes. It has no control endpoints unless `control`
 * asks for them (a test reading its log): its live changes are made here, in-process, so a user's demo has
 * nothing over HTTP but the API.
 */
export async function startEmbeddedSandbox(opts: { liveEveryMs?: number; control?: boolean; clock?: () => number } = {}): Promise<EmbeddedSandbox> {
  const clock = opts.clock ?? Date.now;
  const sandbox: Sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    control: opts.control ?? false,
    clock,
    // The default data, dated as of now: orders read "changed 3 hours ago", not months before the visitor came;
    // and as a running account's (pending port-outs hours old, FOC dates ahead), since the demo goes on from there.
    seed: { now: new Date(clock()).toISOString(), live: true },
    // Called only once a request was answered, which is after startSandbox resolved.
    onRequest: () => {
      if (sandbox.requests.length >= REQUEST_LOG_LIMIT) sandbox.clearRequests();
    },
  });
  const every = opts.liveEveryMs ?? LIVE_EVERY_MS;
  const live = every > 0 ? setInterval(() => sandbox.tickLive(), every) : undefined;
  // A demo's timer must not keep a process alive that is otherwise done (npm run demo's Ctrl+C, a test).
  live?.unref();
  const { apiBaseUrl, apiKey, port } = sandbox;
  return {
    apiBaseUrl,
    apiKey,
    port,
    tick: () => sandbox.tickLive().map((e) => ({ direction: e.record_type === 'porting_event' ? 'portin' : 'portout', id: e.id })),
    close: () => {
      clearInterval(live);
      return sandbox.close();
    },
  };
}
