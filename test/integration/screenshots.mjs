// `npm run screenshots`: installs the packaged telnyx-porting.vsix into code-server, points it at
// the local sandbox, drives the UI like a user and saves PNGs into media/screenshots/.
// Steps are small named functions so new pictures are a few lines in main().
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { launchChromium, requireBuilt, scratch, startSandbox, writeUserSettings } from './lib/env.mjs';
import { cacheRoot, ensureVsCodeServer, repoRoot } from './lib/provision.mjs';
import { exitWith, guard, log, onCleanup, spawnUntil, watchdog } from './lib/procs.mjs';

// Overridable to picture another build, or to try the flow without touching media/.
const VSIX = resolve(repoRoot, process.env.VSIX ?? 'telnyx-porting.vsix');
const OUT_DIR = resolve(repoRoot, process.env.SCREENSHOTS_DIR ?? 'media/screenshots');
const CONTAINER_TITLE = 'Telnyx Porting';
const SET_KEY_COMMAND = 'Telnyx Porting: Set API Key';
// Tree labels as the extension renders them (prefix match).
const PORT_IN_ROOT = 'Port-in';

const UI_TIMEOUT = 60_000;
const FAILURE_SHOT = join(cacheRoot, 'screenshots-failure.png');
const sidebar = (page) => page.locator('.part.sidebar');
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs a command by its palette title (F1, type, Enter) and waits for the palette to close or move on. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(`>${title}`);
  // Enter before the list has filtered would run whatever was on top.
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first()
    .waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
}

/** Answers the input box a command opened (e.g. showInputBox) with `text`, then Enter. */
export async function answerInputBox(page, text) {
  // The palette and the input box are the same widget: wait until it holds a fresh, empty input.
  await page.waitForFunction(() => {
    const el = document.querySelector('.quick-input-widget .quick-input-box input');
    return el && el.offsetParent !== null && el.value === '';
  }, null, { timeout: UI_TIMEOUT });
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** The first sidebar tree row whose label starts with `labelPrefix`. */
export function treeItem(page, labelPrefix) {
  const label = page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(labelPrefix)}`) });
  return sidebar(page).locator('.monaco-list-row', { has: label }).first();
}

/** Expands a collapsed tree row (no-op when already expanded) and returns it. */
export async function expandTreeItem(page, labelPrefix) {
  const row = treeItem(page, labelPrefix);
  return expandRow(row);
}

async function expandRow(row) {
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  await row.locator('xpath=self::*[@aria-expanded="true"]').waitFor({ timeout: UI_TIMEOUT });
  return row;
}

/** Expands the first child of an expanded row (rows of one list are numbered in display order). */
export async function expandFirstChild(page, parentLabelPrefix) {
  const parent = await expandTreeItem(page, parentLabelPrefix);
  const index = Number(await parent.getAttribute('data-index'));
  const child = parent.locator(`xpath=../*[@data-index="${index + 1}"]`);
  await expandRow(child);
  log(`expanded ${JSON.stringify(await child.innerText())}`);
  return child;
}

/** Stores the sandbox key in SecretStorage through the extension's own command, as a user would. */
export async function setApiKey(page, key) {
  await runCommand(page, SET_KEY_COMMAND);
  await answerInputBox(page, key);
}

export async function openSidebar(page) {
  const icon = page.locator(`.part.activitybar [aria-label^="${CONTAINER_TITLE}"]`).first();
  await icon.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // Clicking the icon of the container already shown would close the sidebar.
  if (!(await sidebar(page).locator(`.title-label [title^="${CONTAINER_TITLE}" i]`).count())) await icon.click();
  await sidebar(page).locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
}

/** Saves the whole window as media/screenshots/<name>, without toasts, hovers or focus rings. */
export async function shoot(page, name) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.mouse.move(1, 1);
  await page.waitForTimeout(500); // let hovers and list animations settle
  const path = join(OUT_DIR, name);
  await page.screenshot({ path });
  log(`saved ${path}`);
}

async function openWorkbench(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // A modal left over from startup would swallow every click.
  if (await page.locator('.monaco-dialog-modal-block').count()) await page.keyboard.press('Escape');
  return page;
}

async function startCodeServer(vscode, { sandboxEnv, tmp }) {
  const dirs = ['--user-data-dir', join(tmp.dir, 'user-data'), '--extensions-dir', join(tmp.dir, 'extensions')];
  writeUserSettings(join(tmp.dir, 'user-data'), { 'telnyxPorting.apiBaseUrl': sandboxEnv.TELNYX_SANDBOX_URL });
  const env = { ...process.env, XDG_CONFIG_HOME: join(tmp.dir, 'config') };
  const cli = (...args) => execFileSync(vscode.node, [vscode.codeServer, ...dirs, ...args], { env }).toString().trim();
  log(cli('--install-extension', VSIX));
  const { match } = await spawnUntil(vscode.node, [vscode.codeServer, ...dirs,
    '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
  ], { env, ready: /HTTP server listening on (http:\/\/\S+)/, sink: createWriteStream(join(cacheRoot, 'last-code-server.log')) });
  return match[1].replace(/\/$/, '');
}

async function main() {
  guard();
  watchdog(Number(process.env.INTEGRATION_TIMEOUT_S ?? 600) * 1000, 'screenshots not finished');
  requireBuilt([relative(repoRoot, VSIX)], 'npm run package');
  const vscode = await ensureVsCodeServer();
  const { env: sandboxEnv } = await startSandbox();
  const tmp = scratch('telnyx-porting-shots-');
  const base = await startCodeServer(vscode, { sandboxEnv, tmp });
  log(`code-server: ${base}`);
  mkdirSync(OUT_DIR, { recursive: true });

  const browser = await launchChromium();
  const page = await openWorkbench(browser, `${base}/?folder=${encodeURIComponent(tmp.workspace)}`);
  onCleanup(() => (failed ? page.screenshot({ path: FAILURE_SHOT }).then(() => log(`failure picture: ${FAILURE_SHOT}`)) : undefined));
  await setApiKey(page, sandboxEnv.TELNYX_SANDBOX_KEY);
  await openSidebar(page);
  await expandFirstChild(page, PORT_IN_ROOT);
  await shoot(page, 'sidebar.png');

  await exitWith(0, 'screenshots done');
}

let failed = false;
main().catch((e) => {
  failed = true;
  return exitWith(1, `FAIL: ${e?.stack ?? e}`);
});
