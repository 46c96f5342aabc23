// Runs the mocha suite (out/test/integration/suite/index.js) in the extension host of a real VS Code:
// VS Code's server build with its smoke-test driver on, opened in headless Chromium. Works offline.
// Expects `node esbuild.mjs --tests` to have run. Env: INTEGRATION_TIMEOUT_S (watchdog, default 600),
// VERBOSE=1 (unfiltered workbench log), KEEP_TMP=1 (keep scratch folders), CHROMIUM (browser path).
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchChromium, requireBuilt, scratch, startSandbox, writeUserSettings } from './lib/env.mjs';
import { cacheRoot, ensureVsCodeServer, repoRoot } from './lib/provision.mjs';
import { exitWith, guard, log, onCleanup, seconds, spawnUntil, watchdog } from './lib/procs.mjs';

const SUITE = 'out/test/integration/suite/index.js';
const verbose = process.env.VERBOSE === '1';

// Known, harmless chatter of a workbench without internet (extension gallery, chat sign-in, the
// missing service worker) and its connection bookkeeping; VERBOSE=1 shows it all. Anchored to the
// workbench's own wording so a failing test that mentions a network error still shows.
const NOISE = [
  /ENOTFOUND (open-vsx\.org|[\w.-]+\.(visualstudio\.com|vsassets\.io|microsoft\.com|github\.com))/,
  /^\[Service Worker\] registration/,
  /^\[AgentHost|^\[AccountPolicyGate\]|^\[ChatModelSelection|No signed-in session resolved/,
  /connection token \(|^Creating a socket \(|^\[reconnection-grace-time\]|^Updating additional builtin extensions cache/,
  /^Canceled: Canceled/, // requests cut off by the window closing
  /^(\s+at .*\n?)+$/, // a bare stack trace, left over from one of the above
];

async function main() {
  const started = Date.now();
  let runStarted;
  guard();
  // Registered first so it runs last, on every way out.
  onCleanup(() => log(`integration wall time: ${runStarted ? seconds(runStarted) : '-'} (total ${seconds(started)})`));
  requireBuilt(['dist/extension.js', SUITE, 'out/test/sandbox/server.js'], 'node esbuild.mjs --tests');
  const vscode = await ensureVsCodeServer();

  runStarted = Date.now();
  const timeoutS = Number(process.env.INTEGRATION_TIMEOUT_S ?? 600);
  watchdog(timeoutS * 1000, 'the workbench never reported a result');

  const { env: sandboxEnv } = await startSandbox();
  const tmp = scratch('telnyx-porting-it-');
  writeUserSettings(join(tmp.dir, 'user-data'));

  const serverLog = join(cacheRoot, 'last-server.log');
  const { child: server, match } = await spawnUntil(vscode.node, [
    vscode.serverMain,
    // Port 0 lets the OS pick; the server prints the one it got.
    '--host', '127.0.0.1', '--port', '0',
    '--without-connection-token', '--accept-server-license-terms',
    // Without this, the web workbench silently ignores extensionDevelopmentPath/extensionTestsPath.
    '--enable-smoke-test-driver',
    '--disable-workspace-trust', '--disable-telemetry',
    '--server-data-dir', join(tmp.dir, 'server-data'),
    '--user-data-dir', join(tmp.dir, 'user-data'),
    '--extensions-dir', join(tmp.dir, 'extensions'),
  ], {
    // The extension host inherits this environment: that is how the tests find the sandbox.
    env: { ...process.env, ...sandboxEnv, XDG_CONFIG_HOME: join(tmp.dir, 'config') },
    ready: /Extension host agent listening on (\d+)/,
    sink: createWriteStream(serverLog),
  });
  server.on('exit', (code, sig) => void exitWith(1, `VS Code server exited mid-run (${sig ?? code}); see ${serverLog}`));
  const authority = `127.0.0.1:${match[1]}`;
  log(`VS Code server: http://${authority} (log: ${serverLog})`);

  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let summary;
  const result = new Promise((resolve) => {
    // Both must exist before the page loads: the workbench looks them up once, at startup.
    void context.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(args ?? []));
      const s = /^(\d+) passed, (\d+) failed$/m.exec(text);
      if (s) summary = { passed: Number(s[1]), failed: Number(s[2]) };
      if (!verbose && NOISE.some((re) => re.test(text))) return;
      console.log(type === 'log' || type === 'info' ? text : `[vscode ${type}] ${text}`);
    });
    void context.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  const page = await context.newPage();
  // Without these a dead browser would only be noticed by the watchdog, minutes later.
  page.on('crash', () => void exitWith(1, 'the workbench page crashed'));
  browser.on('disconnected', () => void exitWith(1, 'the browser went away mid-run'));
  if (verbose) {
    page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  }

  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(join(repoRoot, SUITE))],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(`http://${authority}/?folder=${encodeURIComponent(tmp.workspace)}&payload=${encodeURIComponent(payload)}`);
  log('workbench opened; running the suite');

  let code = await result;
  if (code === 0 && !summary) code = fail('the suite finished without printing "N passed, N failed"');
  else if (code === 0 && summary.passed + summary.failed === 0) code = fail('the suite ran 0 tests');
  else if (code === 0 && summary.failed > 0) code = fail(`${summary.failed} test(s) failed`);
  await exitWith(code, `exit code ${code}`);
}

function fail(why) {
  console.error(`[it] FAIL: ${why}`);
  return 1;
}

main().catch((e) => exitWith(1, `FAIL: ${e?.stack ?? e}`));
