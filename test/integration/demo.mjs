// `npm run demo`: the extension as a user gets it, without a Telnyx account. Packages the .vsix, starts the demo
// sandbox from dist/sandbox.js (the bundle the extension ships for Start Demo Sandbox) and the pinned code-server
// the integration tests provision, with the .vsix installed and the sandbox handed to the extension as its "Demo"
// account (through the environment of the extension host), then prints the address to open. Runs until Ctrl+C (SIGINT), SIGTERM or SIGHUP, which stop
// everything it started.
// Env: DEMO_PORT (code-server's port, default any free one). code-server listens on 127.0.0.1 only: it runs with
// `--auth none`, so anyone who reached it would have a shell on this machine.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { requireBuilt, scratch } from './lib/env.mjs';
import { cacheRoot, ensureVsCodeServer, repoRoot } from './lib/provision.mjs';
import { exitWith, log, onCleanup, spawnUntil, track } from './lib/procs.mjs';

const VSIX = join(repoRoot, 'telnyx-porting.vsix');
const SANDBOX_BUNDLE = join(repoRoot, 'dist/sandbox.js');
const SERVER_LOG = join(cacheRoot, 'last-demo.log');

/**
 * Signals end the demo normally (exit 0): Ctrl+C is how it is meant to stop. Unlike procs.mjs's guard(), a second
 * signal does not exit at once: a terminal's Ctrl+C reaches npm and us both (and npm may pass it on), and exiting
 * before teardown would leave code-server, which runs in its own process group, behind. Teardown is bounded by
 * killGroup's grace.
 */
function stopOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void exitWith(0, `${signal}: stopping the demo`));
  process.on('uncaughtException', (e) => void exitWith(1, `uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => void exitWith(1, `unhandled rejection: ${e?.stack ?? e}`));
}

/** Runs a command in its own process group (stopped with the demo if interrupted), its output on ours. */
async function run(cmd, args, options = {}) {
  const child = spawn(cmd, args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  const untrack = track(child);
  const [code, signal] = await once(child, 'exit');
  untrack();
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code})`);
}

/** The demo sandbox, loaded as the extension loads it: the shipped bundle, required by path. */
async function startDemoSandbox() {
  requireBuilt(['dist/sandbox.js'], 'npm run package');
  const { startEmbeddedSandbox } = createRequire(import.meta.url)(SANDBOX_BUNDLE);
  const sandbox = await startEmbeddedSandbox();
  onCleanup(() => sandbox.close());
  log(`demo sandbox: ${sandbox.apiBaseUrl}`);
  return sandbox;
}

async function startCodeServer(vscode, sandbox) {
  const tmp = scratch('telnyx-porting-demo-');
  const dirs = ['--user-data-dir', join(tmp.dir, 'user-data'), '--extensions-dir', join(tmp.dir, 'extensions')];
  // Keeps code-server from writing its config (and a generated password) into the user's ~/.config. The extension
  // host inherits this environment: the extension adds the sandbox as its Demo account from it (the sandbox's key
  // is public, and the browser workbench has no secret storage to hold a key across a reload anyway).
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(tmp.dir, 'config'),
    TELNYX_PORTING_DEMO_API_URL: sandbox.apiBaseUrl,
    TELNYX_PORTING_DEMO_API_KEY: sandbox.apiKey,
  };
  await run(vscode.node, [vscode.codeServer, ...dirs, '--install-extension', VSIX], { env });
  const port = Number(process.env.DEMO_PORT ?? 0);
  const { child, match } = await spawnUntil(vscode.node, [vscode.codeServer, ...dirs,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
  ], { env, ready: /HTTP server listening on (http:\/\/\S+)/, timeoutMs: 120_000, sink: createWriteStream(SERVER_LOG) });
  child.on('exit', (code, sig) => void exitWith(1, `code-server stopped on its own (${sig ?? code}); see ${SERVER_LOG}`));
  const base = match[1].replace(/\/$/, '');
  // A folder, so the workbench opens as a window with a workspace rather than the empty one.
  return `${base}/?folder=${encodeURIComponent(tmp.workspace)}`;
}

async function main() {
  stopOnSignals();
  log('packaging the extension (npm run package)');
  await run('npm', ['run', 'package']);
  const vscode = await ensureVsCodeServer();
  const sandbox = await startDemoSandbox();
  const url = await startCodeServer(vscode, sandbox);
  console.log(`
Telnyx Porting demo is running (code-server log: ${SERVER_LOG}).

  Open     ${url}
  API key  ${sandbox.apiKey} (already in use as the "Demo" account: nothing to paste)

Open the Telnyx Porting view in the activity bar: made-up port-ins, port-outs and their events, from a sandbox
that behaves like the Telnyx API. Nothing reaches Telnyx. Ctrl+C stops the demo.
`);
}

main().catch((e) => exitWith(1, `demo failed: ${e?.stack ?? e}`));
