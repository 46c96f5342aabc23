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
  close(): Promise<void>;
}

// The sandbox keeps every request for tests to inspect; a demo left running for days must not grow with it.
const REQUEST_LOG_LIMIT = 1000;

/** Starts the seeded sandbox on a free loopback port, printing nothing. */
export async function startEmbeddedSandbox(): Promise<EmbeddedSandbox> {
  const sandbox: Sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    // The default data, dated as of now: orders read "changed 3 hours ago", not months before the visitor came.
    seed: { now: new Date().toISOString() },
    // Called only once a request was answered, which is after startSandbox resolved.
    onRequest: () => {
      if (sandbox.requests.length >= REQUEST_LOG_LIMIT) sandbox.clearRequests();
    },
  });
  const { apiBaseUrl, apiKey, port } = sandbox;
  return { apiBaseUrl, apiKey, port, close: sandbox.close };
}
