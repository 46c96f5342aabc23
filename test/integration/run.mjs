// Runs the mocha suite (out/test/integration/suite/index.js) in the extension host of a real VS Code:
// VS Code's server build with its smoke-test driver on, opened in headless Chromium. Works offline.
// Then reloads the workbench to check that a payload tab restored at start-up activates the extension
// and shows its event (test/integration/restore/).
// Expects `node esbuild.mjs --tests` to have run. Env: INTEGRATION_TIMEOUT_S (watchdog, default 1800: only a guard against a hang, and a whole run on a busy 2-core machine takes over 600 s),
// VERBOSE=1 (unfiltered workbench log), KEEP_TMP=1 (keep scratch folders), CHROMIUM (browser path).
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchChromium, requireBuilt, scratch, startSandbox, writeUserSettings } from './lib/env.mjs';
import { cacheRoot, ensureVsCodeServer, repoRoot } from './lib/provision.mjs';
import { exitWith, guard, log, onCleanup, seconds, spawnUntil, watchdog } from './lib/procs.mjs';
import { savedState } from './lib/workbenchState.mjs';

const SUITE = 'out/test/integration/suite/index.js';
const PREPARE = 'out/test/integration/restore/prepare.js';
const RESTORE = 'out/test/integration/restore/index.js';
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
  // A reload (the restore check): shutdown bookkeeping and reads the unload cut off.
  /^\[lifecycle\] (onBeforeUnload|Long running operations during shutdown)|^Failed to execute 'abort' on 'IDBTransaction'/,
  /^Unable to read file .*\(Canceled: Canceled\)|^Unable to write file 'vscode-log:|^\[RemoteAgentHostProtocol\] (Transport lost|Reconnecting)/,
  /^(\s+at .*\n?)+$/, // a bare stack trace, left over from one of the above
];

async function main() {
  const started = Date.now();
  let runStarted;
  guard();
  // Registered first so it runs last, on every way out.
  onCleanup(() => log(`integration wall time: ${runStarted ? seconds(runStarted) : '-'} (total ${seconds(started)})`));
  requireBuilt(['dist/extension.js', SUITE, PREPARE, RESTORE, 'out/test/sandbox/server.js'], 'node esbuild.mjs --tests');
  const vscode = await ensureVsCodeServer();

  runStarted = Date.now();
  const timeoutS = Number(process.env.INTEGRATION_TIMEOUT_S ?? 1800);
  watchdog(timeoutS * 1000, 'the workbench never reported a result');

  const { env: sandboxEnv } = await startSandbox();
  const tmp = scratch('telnyx-porting-it-');
  // Watching ticks on its own timer; a tick in the middle of another test would take that test's faults and
  // requests. The watch tests turn it on and tick on purpose.
  writeUserSettings(join(tmp.dir, 'user-data'), { 'telnyxPorting.watch.enabled': false });

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
  /** The window being run: its name, the "N passed, N failed" it printed, and what its exit resolves. */
  let phase;
  // Both must exist before the page loads: the workbench looks them up once, at startup. They outlive
  // reloads, so they report to whichever phase is current.
  await context.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(args ?? []));
    const s = /^(\d+) passed, (\d+) failed$/m.exec(text);
    if (s && phase) phase.summary = { passed: Number(s[1]), failed: Number(s[2]) };
    if (!verbose && NOISE.some((re) => re.test(text))) return;
    console.log(type === 'log' || type === 'info' ? text : `[vscode ${type}] ${text}`);
  });
  await context.exposeFunction('codeAutomationExit', (code) => phase?.exited(Number(code)));
  const page = await context.newPage();
  // Without these a dead browser would only be noticed by the watchdog, minutes later.
  page.on('crash', () => void exitWith(1, 'the workbench page crashed'));
  browser.on('disconnected', () => void exitWith(1, 'the browser went away mid-run'));
  // Playwright dismisses dialogs, and a dismissed beforeunload would cancel the reload.
  page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => {}));
  if (verbose) {
    page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  }

  const remote = (p) => `vscode-remote://${authority}${p}`;
  /** Loads the workbench (a reload after the first) on `folder` with `tests` as extensionTestsPath; resolves with its verdict. */
  const runWindow = async (name, tests, folder) => {
    const exited = new Promise((resolve) => {
      phase = { name, summary: undefined, exited: resolve };
    });
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(join(repoRoot, tests))],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`http://${authority}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    log(`workbench opened; running ${name}`);
    return verdict(name, await exited, phase.summary);
  };

  const suite = await runWindow('the suite', SUITE, tmp.workspace);
  const restore = await restoreCheck(page, runWindow, join(tmp.dir, 'restore-workspace'));
  const code = suite || restore;
  await exitWith(code, `exit code ${code}`);
}

/**
 * The issue's case: a payload tab left open when VS Code closes is restored at start-up, before anything
 * else activates the extension. Two more loads of the workbench in the same browser and server, on a
 * folder of their own (so nothing the suite left open comes back): one leaves a payload tab open with
 * the Telnyx view closed, the next checks that tab. Runs even after a failed suite: it needs nothing from it.
 */
async function restoreCheck(page, runWindow, folder) {
  const started = Date.now();
  mkdirSync(folder);
  // The folder's state database is the one that appears with its first window.
  const before = Object.keys(await savedState(page, []));
  let code = await runWindow('the restore preparation', PREPARE, folder);
  // The workbench writes its state when idle; what is still unwritten at unload can be lost.
  const waited = Date.now();
  if (code === 0 && !(await tabSaved(page, before))) code = fail('the workbench did not save the payload tab and the closed side bar within 15s');
  else if (code === 0) log(`the workbench saved the tab and the closed side bar (${seconds(waited)}); reloading`);
  if (code === 0) code = await runWindow('the restore check', RESTORE, folder);
  log(code === 0
    ? `restore: PASS, a payload tab restored at start-up activated the extension and showed its event (${seconds(started)})`
    : `restore: FAIL (${seconds(started)}), see above`);
  return code;
}

/** Waits until a state database not in `before` holds a payload tab and a hidden side bar. */
async function tabSaved(page, before, timeoutMs = 15_000) {
  const EDITORS = 'memento/workbench.parts.editor';
  const SIDE_BAR = 'workbench.sideBar.hidden';
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((res) => setTimeout(res, 250))) {
    const saved = Object.entries(await savedState(page, [EDITORS, SIDE_BAR])).filter(([db]) => !before.includes(db));
    if (saved.some(([, v]) => /scheme\W+telnyx-porting\W/.test(v[EDITORS] ?? '') && v[SIDE_BAR] === 'true')) return true;
  }
  return false;
}

/** 0 only for a window that exited 0 after printing its summary with at least one test and no failure. */
function verdict(name, code, summary) {
  if (code !== 0) return fail(`${name} exited with ${code}`, code);
  if (!summary) return fail(`${name} finished without printing "N passed, N failed"`);
  if (summary.passed + summary.failed === 0) return fail(`${name} ran 0 tests`);
  if (summary.failed > 0) return fail(`${name}: ${summary.failed} test(s) failed`);
  return 0;
}

function fail(why, code = 1) {
  console.error(`[it] FAIL: ${why}`);
  return code;
}

main().catch((e) => exitWith(1, `FAIL: ${e?.stack ?? e}`));
