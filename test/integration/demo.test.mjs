// `npm run test:demo`: runs `npm run demo` as a user would, opens the address it prints in headless Chromium,
// with no key to enter (the demo hands its sandbox to the extension as the Demo account) waits for the tree to show the sandbox's orders (so the
// extension is installed, active and pointed at the sandbox). Then presses Ctrl+C (SIGINT to the demo's process
// group, as a terminal does) and checks that every process it started has exited and both ports are free.
// Env: DEMO_TEST_TIMEOUT_S (watchdog, default 600: a first run provisions code-server), CHROMIUM (browser path).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { connect } from 'node:net';
import { launchChromium } from './lib/env.mjs';
import { exitWith, guard, log, seconds, spawnUntil, watchdog } from './lib/procs.mjs';

const UI_TIMEOUT = 60_000;
const STOP_TIMEOUT = 30_000;
// What demo.mjs prints once everything is up: its sandbox, then the address and key for the user.
const READY = /demo sandbox: (http:\/\/127\.0\.0\.1:(\d+)\/v2)[\s\S]*^\s*Open\s+(http:\/\/127\.0\.0\.1:(\d+)\/\S*)\s*\n\s*API key\s+(\S+)/m;

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port) {
  return new Promise((res) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      res(true);
    });
    socket.once('error', () => res(false));
  });
}

/** The pids below `root` in the process tree, read from /proc (code-server leaves the demo's group, not its tree). */
function descendants(root) {
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // The command name in parentheses may hold spaces; the parent pid is the second field after it.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
    } catch {
      // Gone while we looked.
    }
  }
  const out = [];
  for (let todo = [root]; todo.length;) {
    const next = children.get(todo.pop()) ?? [];
    out.push(...next);
    todo.push(...next);
  }
  return out;
}

/** Whether a process (pid) or process group (-pgid) still exists. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Copies the demo's output to ours line by line, marked, so its own timestamps are not read as the test's. */
function prefixed(tag) {
  let partial = '';
  return {
    write(chunk) {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) process.stdout.write(`${tag}${line}\n`);
    },
  };
}

async function waitFor(what, check, ms) {
  for (const deadline = Date.now() + ms; !(await check());) {
    if (Date.now() > deadline) throw new Error(`${what} within ${ms / 1000}s`);
    await sleep(200);
  }
}

async function main() {
  guard();
  watchdog(Number(process.env.DEMO_TEST_TIMEOUT_S ?? 600) * 1000, 'the demo test did not finish');
  const t0 = Date.now();

  log('starting `npm run demo`');
  const { child: demo, match } = await spawnUntil('npm', ['run', 'demo'], {
    env: process.env,
    ready: READY,
    timeoutMs: 240_000,
    sink: prefixed('demo | '),
    // If this test fails, stop the demo as Ctrl+C does: npm exits at once on SIGTERM, and the SIGKILL that
    // follows would cut the demo's own teardown short; on SIGINT npm waits for it.
    stop: { stopSignal: 'SIGINT', graceMs: 20_000 },
  });
  const [, apiBaseUrl, sandboxPort, url, serverPort] = match;
  // demo.mjs removes its scratch folder (user data, extensions, the workspace opened) when it stops.
  const scratchDir = new URL(url).searchParams.get('folder').replace(/\/workspace$/, '');
  log(`demo up in ${seconds(t0)}: ${url} (sandbox ${apiBaseUrl})`);
  if (!scratchDir.includes('telnyx-porting-demo-')) throw new Error(`unexpected workspace folder in ${url}`);

  const tUi = Date.now();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  const icon = page.locator('.part.activitybar [aria-label^="Telnyx Porting"]').first();
  await icon.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // A modal left over from startup would swallow the click.
  if (await page.locator('.monaco-dialog-modal-block').count()) await page.keyboard.press('Escape');
  const sidebar = page.locator('.part.sidebar');
  // No key to paste: demo.mjs hands the sandbox to the extension as its Demo account.
  if (!(await sidebar.locator('.monaco-list-row').count())) await icon.click();
  // Rows the extension renders from the sandbox's answers: it is active, has the key and reads the sandbox.
  const portIn = sidebar.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^\s*Port-in/ }) });
  await portIn.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // The roots show whatever the API answers; an order row (its phone number first) only what the sandbox listed
  // for its key. A refused key would be an error row in its place.
  const order = sidebar.locator('.monaco-list-row[aria-level="2"]', { has: page.locator('.label-name', { hasText: /^\s*\+\d/ }) });
  await order.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // The shipped sandbox has no control endpoints (they would answer 401 without the key): nothing can reprogram it.
  const control = await fetch(`${apiBaseUrl.replace(/\/v2$/, '')}/__sandbox/requests`);
  if (control.status !== 404) throw new Error(`the demo sandbox answers its control endpoint: ${control.status}`);
  log(`workbench: extension active, tree loaded from the sandbox (${seconds(tUi)})`);

  for (const port of [sandboxPort, serverPort]) {
    if (!(await listening(Number(port)))) throw new Error(`nothing listens on ${port} while the demo runs`);
  }
  const started = descendants(demo.pid);
  const tStop = Date.now();
  log('Ctrl+C: SIGINT to the demo\'s process group');
  const exited = demo.exitCode !== null ? Promise.resolve() : once(demo, 'exit');
  process.kill(-demo.pid, 'SIGINT');
  await Promise.race([exited, sleep(STOP_TIMEOUT).then(() => Promise.reject(new Error(`npm run demo still running ${STOP_TIMEOUT / 1000}s after SIGINT`)))]);
  await waitFor(`the demo's process group ${demo.pid} did not end`, () => !alive(-demo.pid), 5000);
  await waitFor('processes of the demo were left behind', () => !started.some(alive), 5000).catch((e) => {
    throw new Error(`${e.message}: ${started.filter(alive).join(', ')}`);
  });
  for (const port of [sandboxPort, serverPort]) {
    if (await listening(Number(port))) throw new Error(`port ${port} still answers after the demo stopped`);
  }
  if (existsSync(scratchDir)) throw new Error(`the demo left ${scratchDir} behind`);
  log(`stopped cleanly in ${seconds(tStop)}: its ${started.length} processes gone, ports ${sandboxPort} and ${serverPort} free`);

  await exitWith(0, `PASS: npm run demo served a working workbench and stopped cleanly (total ${seconds(t0)})`);
}

main().catch((e) => exitWith(1, `FAIL: ${e?.stack ?? e}`));
