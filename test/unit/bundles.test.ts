// The production bundles as `npm run package` builds them (in memory): activation's bundle stays under its budget
// without the webhook tools, and the tools carry no second copy of anything the extension has (a second TelnyxError
// class would fail instanceof; a second @vscode/l10n would be unconfigured). (mocha runs from the checkout's root.)

import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

interface Built {
  extensionBytes: number;
  toolsBytes: number;
  toolsModules: string[];
  sharedModules: string[];
  extensionModules: string[];
}

describe('production bundles', function () {
  this.timeout(60_000);
  let built: Built;

  before(async () => {
    const { buildBundles } = (await import(pathToFileURL(join(process.cwd(), 'esbuild.bundles.mjs')).href)) as {
      buildBundles(e: typeof esbuild, o: { production: boolean; write: boolean }): Promise<Built>;
    };
    built = await buildBundles(esbuild, { production: true, write: false });
  });

  it('dist/extension.js is under 150 KB and holds none of the tools', () => {
    assert.ok(built.extensionBytes < 150_000, `${built.extensionBytes} bytes`);
    for (const m of ['src/api/replay.ts', 'src/api/localHandler.ts', 'src/api/webhookSigning.ts', 'src/commands/sendToHandler.ts', 'src/ui/runReplay.ts']) {
      assert.ok(!built.extensionModules.includes(m), `${m} is in dist/extension.js`);
      assert.ok(built.toolsModules.includes(m), `${m} is not in dist/tools.js`);
    }
  });

  it('dist/tools.js takes what the extension has from the extension: no module in both', () => {
    const twice = built.toolsModules.filter((m) => built.extensionModules.includes(m));
    assert.deepEqual(twice, []);
    for (const m of ['src/api/errors.ts', 'node_modules/@vscode/l10n/dist/main.js', 'src/tree/eventNode.ts']) assert.ok(built.sharedModules.includes(m), `${m} is not shared`);
  });
});
