// Process bookkeeping shared by the integration scripts: everything started is registered here
// and torn down on every way out (normal end, failure, exception, signal, watchdog).
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const t0 = Date.now();
export const seconds = (since = t0) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
export const log = (msg) => console.log(`[it ${seconds()}] ${msg}`);

const cleanups = [];
let exiting = false;

/** Registers a teardown step; the returned function unregisters it. Steps run last-in first-out. */
export function onCleanup(fn) {
  // Something started while teardown already runs (a signal mid-startup): stop it right away.
  if (exiting) {
    void Promise.resolve().then(fn).catch(() => {});
    return () => {};
  }
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Runs every teardown step once, then exits. Later calls (a signal during teardown) are ignored. */
export async function exitWith(code, why) {
  if (exiting) return;
  exiting = true;
  if (why) log(why);
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error(`[it] cleanup step failed: ${e?.message ?? e}`);
    }
  }
  process.exit(code);
}

/** Routes signals and stray errors to exitWith, so teardown runs on every way out. */
export function guard() {
  // A second signal while teardown hangs means "stop now".
  const onSignal = (code, name) => (exiting ? process.exit(code) : void exitWith(code, `stopped by ${name}`));
  process.on('SIGINT', () => onSignal(130, 'SIGINT'));
  process.on('SIGTERM', () => onSignal(143, 'SIGTERM'));
  process.on('SIGHUP', () => onSignal(129, 'SIGHUP'));
  process.on('uncaughtException', (e) => void exitWith(1, `uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => void exitWith(1, `unhandled rejection: ${e?.stack ?? e}`));
  // Nothing left to wait on but no verdict either: that must not read as success.
  process.on('beforeExit', () => void exitWith(1, 'stopped without a result'));
}

/** Exits non-zero if nothing else ended the run within `ms` (0 disables it). */
export function watchdog(ms, what) {
  if (ms > 0) setTimeout(() => void exitWith(124, `watchdog: ${what} after ${ms / 1000}s`), ms);
}

/**
 * Kills a detached child's whole process group: `stopSignal` (SIGTERM), then SIGKILL for whatever is left once the
 * child exited or `graceMs` passed.
 */
export async function killGroup(child, graceMs = 5000, stopSignal = 'SIGTERM') {
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // The group is already gone.
    }
  };
  signal(stopSignal);
  await Promise.race([exited, new Promise((res) => setTimeout(res, graceMs))]);
  // The leader going first does not mean its helpers (extension host, watchers) went with it.
  signal('SIGKILL');
}

/** Registers a detached child so teardown kills its process group; returns the unregister function. */
export function track(child, { graceMs, stopSignal } = {}) {
  return onCleanup(() => killGroup(child, graceMs, stopSignal));
}

/**
 * Starts `cmd` in its own process group (so teardown can stop all it spawned), copies its output
 * to `sink`, and resolves with the first match of `ready` in stdout/stderr. `stop` is how teardown
 * stops it (see killGroup), for a child that needs another signal or longer to stop cleanly.
 */
export function spawnUntil(cmd, args, { env, ready, timeoutMs = 60000, sink, stop }) {
  const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child, stop);
  return new Promise((res, rej) => {
    let seen = '';
    const timer = setTimeout(() => rej(new Error(`${cmd} did not become ready in ${timeoutMs / 1000}s`)), timeoutMs);
    const onData = (d) => {
      sink?.write(d);
      if (seen === null) return;
      seen = (seen + d).slice(-4096);
      const m = ready.exec(seen);
      if (m) {
        seen = null;
        clearTimeout(timer);
        res({ child, match: m });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => {
      clearTimeout(timer);
      rej(e);
    });
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      rej(new Error(`${cmd} exited early (${sig ?? code})`));
    });
  });
}
