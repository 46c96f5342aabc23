import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ext, sandbox, sleep } from './helpers';

describe('activation', () => {
  it('is lazy: not active at startup, active after a command, with no network call', async () => {
    const e = ext();
    assert.equal(e.isActive, false, 'the extension must not activate at startup');
    await sandbox.clearRequests();
    await vscode.commands.executeCommand('telnyxPorting.showLog');
    assert.equal(e.isActive, true);
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
