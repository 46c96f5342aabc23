import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ext, sandbox, sleep } from './helpers';

describe('activation', () => {
  it('is lazy: not active at startup, activated by a payload document asked for first (a tab restored at start-up), with no network call', async () => {
    const e = ext();
    assert.equal(e.isActive, false, 'the extension must not activate at startup');
    await sandbox.clearRequests();
    // What VS Code does for a payload tab restored before the view or a command activated us: it asks the
    // file system of the scheme. Without onFileSystem:telnyx-porting nothing answers and the tab stays empty.
    const uri = vscode.Uri.from({ scheme: 'telnyx-porting', path: '/portin/eef3340b-8903-4466-b445-89b697315a3a/status_changed eef3340b.json' });
    await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined); // no key yet: the read itself fails
    assert.equal(e.isActive, true, 'asking for a telnyx-porting: document activated the extension');
    await vscode.commands.executeCommand('telnyxPorting.showLog');
    const ms = e.exports.activationMs;
    console.log(`    activate() took ${ms.toFixed(1)} ms`);
    // npm run bench prints the last figure measured here, in the real extension host.
    const cache = join(e.extensionPath, '.vscode-test-web');
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'activation.json'), JSON.stringify({ activationMs: ms, vscode: vscode.version, at: new Date().toISOString() }));
    assert.ok(ms < 500, `activate() took ${ms} ms`);
    await sleep(500);
    assert.deepEqual(await sandbox.requests(), [], 'activation made requests');
  });
});
