// Starts the demo sandbox from its own bundle, dist/sandbox.js, read from disk only when a demo starts, so
// activation and dist/extension.js never carry it. Plain Node, no vscode: the commands that use it live elsewhere.

import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { EmbeddedSandbox } from './sandboxEntry';

export interface DemoSandbox {
  /** e.g. "http://127.0.0.1:40123/v2": the base URL of the "Demo" account. */
  readonly apiBaseUrl: string;
  /** The only key the sandbox accepts. */
  readonly apiKey: string;
  readonly port: number;
  /** Closes the server and its open connections, freeing the port. Later calls return the same promise. */
  stop(): Promise<void>;
}

interface SandboxBundle {
  startEmbeddedSandbox(): Promise<EmbeddedSandbox>;
}

/** Where the bundle is in an installed extension (or a built checkout). */
export function sandboxBundlePath(extensionPath: string): string {
  return path.join(extensionPath, 'dist', 'sandbox.js');
}

export async function startDemoSandbox(extensionPath: string): Promise<DemoSandbox> {
  const file = sandboxBundlePath(extensionPath);
  let bundle: SandboxBundle;
  try {
    // module.require with a computed path: esbuild inlines a require of a literal, which would put the whole
    // sandbox back into dist/extension.js. This one stays a real require at run time.
    bundle = module.require(file) as SandboxBundle;
  } catch (e) {
    throw new Error(l10n.t('The demo sandbox could not be loaded from {0}: {1}', file, e instanceof Error ? e.message : String(e)), { cause: e });
  }
  const sandbox = await bundle.startEmbeddedSandbox();
  let stopped: Promise<void> | undefined;
  return {
    apiBaseUrl: sandbox.apiBaseUrl,
    apiKey: sandbox.apiKey,
    port: sandbox.port,
    // Stop Demo Sandbox and deactivation may both ask; the server must be closed only once.
    stop: () => (stopped ??= sandbox.close()),
  };
}
