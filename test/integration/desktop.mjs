// `npm run test:desktop`: the same mocha suite in desktop VS Code (Electron) via @vscode/test-electron.
// It downloads VS Code from update.code.visualstudio.com into .vscode-test/, so it needs internet
// (or VSCODE_EXECUTABLE pointing at an installed `code`), and a display on Linux (e.g. xvfb-run -a).
// Offline machines use `npm run test:integration` (test/integration/run.mjs) instead.
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { join } from 'node:path';
import { requireBuilt, scratch, startSandbox, writeUserSettings } from './lib/env.mjs';
import { repoRoot } from './lib/provision.mjs';
import { exitWith, guard, log, seconds, watchdog } from './lib/procs.mjs';

// Same VS Code release as the server build the offline runner uses (code-server 4.139.1).
const VERSION = process.env.VSCODE_VERSION ?? '1.139.1';

async function main() {
  const started = Date.now();
  guard();
  watchdog(Number(process.env.INTEGRATION_TIMEOUT_S ?? 600) * 1000, 'desktop run not finished');
  requireBuilt(['dist/extension.js', 'out/test/integration/suite/index.js'], 'node esbuild.mjs --tests');
  const { env } = await startSandbox();
  const tmp = scratch('telnyx-porting-desktop-');
  // Watching ticks on its own timer; a tick in the middle of another test would take that test's faults and
  // requests. The watch tests turn it on and tick on purpose.
  writeUserSettings(join(tmp.dir, 'user-data'), { 'telnyxPorting.watch.enabled': false });

  let code;
  try {
    code = await runTests({
      version: VERSION,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out/test/integration/suite/index.js'),
      extensionTestsEnv: env,
      launchArgs: [tmp.workspace, '--user-data-dir', join(tmp.dir, 'user-data'), '--disable-extensions',
        '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
    });
  } catch (e) {
    // A failed suite rejects with TestRunFailedError; anything else means VS Code never ran.
    if (e instanceof TestRunFailedError) code = e.code || 1;
    else throw new Error(`could not start desktop VS Code ${VERSION}: ${e?.message ?? e}\n`
      + 'It is downloaded from update.code.visualstudio.com (or set VSCODE_EXECUTABLE). Offline, use `npm run test:integration`.');
  }
  log(`desktop wall time: ${seconds(started)}`);
  await exitWith(code, `exit code ${code}`);
}

main().catch((e) => exitWith(1, `FAIL: ${e?.message ?? e}`));
