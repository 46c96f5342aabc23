// Pieces both the test run and the screenshot run need: the local Telnyx sandbox, scratch folders,
// user settings and a headless Chromium.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { log, onCleanup } from './procs.mjs';
import { repoRoot } from './provision.mjs';

/** Fails with the command that fixes it when a build output is missing. */
export function requireBuilt(files, hint) {
  const missing = files.filter((f) => !existsSync(join(repoRoot, f)));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run \`${hint}\` first`);
}

/** Starts the sandbox on a random port and returns it plus the variables the extension host gets. */
/** `options` go to the sandbox as given (the screenshots ask for the demo's world: `{ seed: { now, live: true } }`). */
export async function startSandbox(options = {}) {
  requireBuilt(['out/test/sandbox/server.js'], 'node esbuild.mjs --tests');
  const { startSandbox: start } = createRequire(import.meta.url)(join(repoRoot, 'out/test/sandbox/server.js'));
  const sandbox = await start({ port: 0, ...options });
  onCleanup(() => sandbox.close());
  log(`sandbox: ${sandbox.url} (API ${sandbox.apiBaseUrl})`);
  const env = {
    TELNYX_SANDBOX_URL: sandbox.apiBaseUrl,
    TELNYX_SANDBOX_CONTROL: sandbox.url.replace(/\/+$/, ''),
    TELNYX_SANDBOX_KEY: sandbox.apiKey,
  };
  return { sandbox, env };
}

/** A fresh scratch folder (removed at teardown unless KEEP_TMP=1) with an existing workspace in it. */
export function scratch(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => {
    if (process.env.KEEP_TMP === '1') log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  // A folder that does not exist makes the workbench raise a modal dialog.
  mkdirSync(join(dir, 'workspace'));
  return { dir, workspace: join(dir, 'workspace') };
}

/** Writes `<userDataDir>/User/settings.json`; the defaults keep chat and the welcome page out of the way. */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    ...extra,
  };
  writeFileSync(join(userDataDir, 'User/settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

export async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Our own handlers stop the browser along with everything else; Playwright's would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  // Playwright also kills the browser when this process exits, so a hung close() is only waited on briefly.
  onCleanup(() => Promise.race([browser.close(), new Promise((res) => setTimeout(res, 5000))]));
  return browser;
}
