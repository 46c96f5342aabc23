// `npm run screenshots`: installs the packaged telnyx-porting.vsix into code-server, points it at
// the local sandbox, drives the UI like a user and saves PNGs into media/screenshots/.
// Steps are small named functions so new pictures are a few lines in main().
import { execFileSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync } from 'node:fs';
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
const NOT_ORDERS = ['Recent events', 'Load more', 'Needs attention', 'Watched'];

const UI_TIMEOUT = 60_000;
const FAILURE_SHOT = join(cacheRoot, 'screenshots-failure.png');
const sidebar = (page) => page.locator('.part.sidebar');
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs a command by its palette title (F1, type, Enter). */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  // The palette lists the commands known when it opens; right after startup an extension's may
  // still be arriving, so reopen it until the command shows up.
  for (let deadline = Date.now() + UI_TIMEOUT; ;) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      // An editor that opens a moment later takes the focus and closes the palette: then this fails and we go again.
      await input.fill(`>${title}`, { timeout: 5000 });
      await row.waitFor({ state: 'visible', timeout: 5000 });
      break;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`command not in the palette: ${title}`, { cause: e });
      await page.keyboard.press('Escape');
    }
  }
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

/**
 * Expands a row, then its first child whose label starts with none of `skip`
 * (rows of one list carry their display position in data-index and their depth in aria-level).
 */
export async function expandChild(page, parentLabelPrefix, skip = []) {
  const parent = await expandTreeItem(page, parentLabelPrefix);
  const index = Number(await parent.getAttribute('data-index'));
  const level = Number(await parent.getAttribute('aria-level'));
  // Children load asynchronously: until they arrive, the next row is the parent's next sibling.
  await parent.locator(`xpath=../*[@data-index="${index + 1}" and @aria-level="${level + 1}"]`)
    .waitFor({ timeout: UI_TIMEOUT });
  const pick = await parent.locator('xpath=../*').evaluateAll((rows, { index, level, skip }) => {
    const byIndex = rows.map((r) => ({
      i: Number(r.dataset.index),
      level: Number(r.getAttribute('aria-level')),
      label: r.querySelector('.label-name')?.textContent?.trim() ?? '',
    })).sort((a, b) => a.i - b.i);
    for (const r of byIndex.filter((r) => r.i > index)) {
      if (r.level <= level) break;
      if (r.level === level + 1 && !skip.some((p) => r.label.startsWith(p))) return r;
    }
    return undefined;
  }, { index, level, skip });
  if (!pick) throw new Error(`no child of "${parentLabelPrefix}" other than ${JSON.stringify(skip)} is on screen`);
  const child = parent.locator(`xpath=../*[@data-index="${pick.i}"]`);
  await expandRow(child);
  log(`expanded "${pick.label}"`);
  return child;
}

/** Expands the Port-in root and its first order. */
export async function expandFirstPortInOrder(page) {
  return expandChild(page, PORT_IN_ROOT, NOT_ORDERS);
}

/** The row right below `row`: its first child once it is expanded. */
export async function firstChildRow(row) {
  const index = Number(await row.getAttribute('data-index'));
  const child = row.locator(`xpath=../*[@data-index="${index + 1}"]`);
  await child.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return child;
}

/** Drags the sidebar's right edge so long order labels fit. */
export async function widenSidebar(page, by) {
  const box = await sidebar(page).boundingBox();
  if (!box) return;
  // The sash sits on the gap between the sidebar and the editor.
  const x = box.x + box.width + 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + by, y, { steps: 8 });
  await page.mouse.up();
}

/** Opens a row's context menu and picks `entry`. */
export async function contextMenu(page, row, entry) {
  await row.click({ button: 'right' });
  const item = page.locator('.context-view .action-item', { hasText: entry }).first();
  await item.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await item.hover();
  await item.click();
  // A click that lands while the menu is still animating in is sometimes ignored; Enter runs the hovered entry.
  await page.waitForTimeout(300);
  if (await item.isVisible()) await page.keyboard.press('Enter');
}

/** Clicks a leaf row (e.g. an event) and waits for the editor it opens to become active. */
export async function openTreeItem(page, labelPrefix) {
  const row = treeItem(page, labelPrefix);
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await row.click();
  await page.locator('.part.editor .tab.active').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
}

/** Presses `button` in the modal dialog that is up (e.g. a republish confirmation). */
export async function answerDialog(page, button) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Stores the sandbox key in SecretStorage through the extension's own command, as a user would. */
export async function setApiKey(page, key) {
  await runCommand(page, SET_KEY_COMMAND);
  await answerInputBox(page, key);
}

const activityBarIcon = (page) => page.locator(`.part.activitybar [aria-label^="${CONTAINER_TITLE}"]`).first();

export async function openSidebar(page) {
  const icon = activityBarIcon(page);
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

/**
 * The port-in order with the longest seeded conversation, found by id and opened with its comment thread,
 * a reply of two lines typed into the reply box (not sent).
 */
async function shootComments(page, sandboxEnv) {
  const seed = await (await fetch(`${sandboxEnv.TELNYX_SANDBOX_CONTROL}/__sandbox/seed`, { headers: { authorization: `Bearer ${sandboxEnv.TELNYX_SANDBOX_KEY}` } })).json();
  const counts = new Map();
  for (const c of seed.portinComments) counts.set(c.porting_order_id, (counts.get(c.porting_order_id) ?? 0) + 1);
  const [id] = [...counts].sort((x, y) => y[1] - x[1])[0];
  await runCommand(page, 'Telnyx Porting: Find Order…');
  await answerInputBox(page, id);
  await runCommand(page, 'View: Close All Editors');
  // shootReadme closed the side bar (Find Order may have shown it again).
  if (!(await sidebar(page).isVisible())) await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  const row = await expandFirstPortInOrder(page);
  await contextMenu(page, row, 'Comments');
  const thread = page.locator('.review-widget').first();
  await thread.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await thread.locator('.review-comment').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await thread.locator('.comment-form textarea, .comment-form .monaco-editor').first().click();
  await page.keyboard.type('Hi, the corrected LOA is attached to the order.');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Could you confirm the new FOC date?');
  await page.waitForTimeout(500);
  const shot = join(OUT_DIR, 'comments.png');
  await page.screenshot({ path: shot }); // not shoot(): the palette would take the focus from the reply box
  log(`saved ${shot}`);
  // The reply box's own button, as a user presses it: the preview must show the text as typed. Cancel keeps it as a draft.
  await thread.getByRole('button', { name: 'Post Comment…' }).click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  const previewed = await dialog.innerText();
  if (!previewed.includes('Could you confirm the new FOC date?')) throw new Error(`the preview does not show the reply: ${previewed}`);
  await page.waitForTimeout(300);
  const preview = join(OUT_DIR, 'comment-preview.png');
  await page.screenshot({ path: preview });
  log(`saved ${preview}`);
  await answerDialog(page, 'Cancel');
  await thread.locator('.review-comment', { hasText: 'Your reply (not sent)' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  log('declined: the reply stays in the thread as a draft');
  await page.waitForTimeout(500);
  const left = await thread.locator('.comment-form .view-lines').last().innerText().catch(() => '?');
  log(`the reply box after the decline holds: ${JSON.stringify(left.trim())}`);
  await page.mouse.move(1, 1);
  const kept = join(OUT_DIR, 'comment-draft.png');
  await page.screenshot({ path: kept });
  log(`saved ${kept}`);
}

/**
 * A watch notification: the first check only learns where the lists end, then three new port-in events arrive
 * (one an exception) and the next check announces them. Shot with the toast up.
 */
async function shootNotification(page, sandboxEnv) {
  await runCommand(page, 'Telnyx Porting: Check for New Events');
  await page.waitForTimeout(1500);
  const res = await fetch(`${sandboxEnv.TELNYX_SANDBOX_CONTROL}/__sandbox/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandboxEnv.TELNYX_SANDBOX_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ direction: 'portin', count: 1, eventType: 'porting_order.status_changed', status: 'exception' }),
  });
  if (!res.ok) throw new Error(`inserting events: ${res.status} ${await res.text()}`);
  await runCommand(page, 'Telnyx Porting: Check for New Events');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.mouse.move(1, 1);
  await page.waitForTimeout(600);
  const shot = join(OUT_DIR, 'notification.png');
  await page.screenshot({ path: shot });
  log(`saved ${shot}`);
  return shot;
}

/** The hero: the four frames as a looping GIF, if ImageMagick is here (CONVERT names its convert; the PNGs stand on their own otherwise). */
function heroGif(frames) {
  const out = join(OUT_DIR, 'hero.gif');
  try {
    execFileSync(process.env.CONVERT ?? 'convert', ['-delay', '220', '-loop', '0', ...frames, '-resize', '960x', '-layers', 'Optimize', out]);
    log(`saved ${out}`);
  } catch (e) {
    log(`no hero.gif (ImageMagick's convert: ${e.message.split('\n')[0]})`);
  }
}

/** The README as VS Code's Markdown preview shows it, first screen: what the closing note shows. */
async function shootReadme(page, workspace) {
  cpSync(join(repoRoot, 'README.md'), join(workspace, 'README.md'));
  cpSync(join(repoRoot, 'media'), join(workspace, 'media'), { recursive: true });
  await runCommand(page, 'View: Close All Editors');
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget .quick-input-box input').fill('README.md');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'README.md' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await runCommand(page, 'Markdown: Open Preview');
  // The page alone, as a Marketplace visitor sees it: no side bar or toasts around it.
  await runCommand(page, 'View: Close Primary Side Bar');
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.mouse.move(1, 1);
  await page.waitForTimeout(2500);
  const shot = join(OUT_DIR, 'readme.png');
  await page.screenshot({ path: shot });
  log(`saved ${shot}`);
}

async function openWorkbench(page, url) {
  await page.goto(url);
  // The container's icon shows once the extension is loaded: only then are its commands there.
  await activityBarIcon(page).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // A modal left over from startup would swallow every click.
  if (await page.locator('.monaco-dialog-modal-block').count()) await page.keyboard.press('Escape');
}

async function startCodeServer(vscode, { sandboxEnv, tmp }) {
  const dirs = ['--user-data-dir', join(tmp.dir, 'user-data'), '--extensions-dir', join(tmp.dir, 'extensions')];
  // Small pages keep both directions on one screen.
  writeUserSettings(join(tmp.dir, 'user-data'), { 'telnyxPorting.apiBaseUrl': sandboxEnv.TELNYX_SANDBOX_URL, 'telnyxPorting.pageSize': 4 });
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
  // Pictured as the demo shows it: dated as of now and as a running account, not the tests' fixed calendar.
  const { env: sandboxEnv } = await startSandbox({ seed: { now: new Date().toISOString(), live: true } });
  const tmp = scratch('telnyx-porting-shots-');
  const base = await startCodeServer(vscode, { sandboxEnv, tmp });
  log(`code-server: ${base}`);
  mkdirSync(OUT_DIR, { recursive: true });

  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  onCleanup(async () => {
    if (done) return;
    log(`dialogs: ${await page.locator('.monaco-dialog-box').allInnerTexts().catch(() => [])}; inert: ${await page.locator('[inert]').count().catch(() => -1)}`);
    await page.screenshot({ path: FAILURE_SHOT });
    log(`what the page showed: ${FAILURE_SHOT}`);
  });
  const workspace = tmp.workspace;
  await openWorkbench(page, `${base}/?folder=${encodeURIComponent(workspace)}`);

  // No key yet: the view shows its welcome content; the Get started walkthrough fills the editor beside it.
  await activityBarIcon(page).click();
  await sidebar(page).locator('.welcome-view-content').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Telnyx Porting' }).first().click();
  await page.locator('.gettingStartedContainer').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // The walkthrough keeps the keyboard (F1 does not reach the palette from it): focus the side bar first.
  await sidebar(page).locator('.welcome-view-content').first().click({ position: { x: 5, y: 5 } });
  await shoot(page, 'welcome.png');
  await runCommand(page, 'View: Close All Editors');

  await setApiKey(page, sandboxEnv.TELNYX_SANDBOX_KEY);
  // The sidebar is already open on the welcome view; the tree replaces it once the key is stored.
  await sidebar(page).locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await widenSidebar(page, 260);
  const order = await expandFirstPortInOrder(page);
  await expandChild(page, 'Port-out', NOT_ORDERS);
  // The whole order beside the tree, so the picture is not half empty.
  await contextMenu(page, order, 'Open Order');
  await page.locator('.part.editor .view-lines').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await shoot(page, 'sidebar.png');
  const frames = [join(OUT_DIR, 'sidebar.png')];

  const event = await firstChildRow(order);
  await event.click();
  await page.locator('.part.editor .tab.active', { hasText: 'porting_order.' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.locator('.part.editor .view-lines').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await shoot(page, 'payload.png');
  frames.push(join(OUT_DIR, 'payload.png'));

  await contextMenu(page, event, 'Republish Event');
  await page.locator('.monaco-dialog-box').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await page.waitForTimeout(300);
  const shot = join(OUT_DIR, 'republish.png');
  await page.screenshot({ path: shot }); // not shoot(): the palette would close the dialog
  log(`saved ${shot}`);
  frames.push(shot);
  await answerDialog(page, 'Cancel');

  frames.push(await shootNotification(page, sandboxEnv));
  heroGif(frames);
  await shootReadme(page, workspace);
  await shootComments(page, sandboxEnv);

  done = true;
  await exitWith(0, 'screenshots done');
}

let done = false;
main().catch((e) => exitWith(1, `FAIL: ${e?.stack ?? e}`));
