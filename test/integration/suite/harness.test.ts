// Proves the harness wiring itself: the extension under development is loaded and the local
// Telnyx sandbox started by test/integration/run.mjs is reachable from the extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('integration harness', () => {
  it('loads the extension under development', () => {
    assert.ok(vscode.extensions.getExtension('telnyx-porting-tools.telnyx-porting'), 'extension not found');
  });

  it('passes the sandbox location to the extension host', () => {
    assert.match(process.env.TELNYX_SANDBOX_URL ?? '', /^https?:\/\/.+\/v2$/);
    assert.ok(process.env.TELNYX_SANDBOX_CONTROL, 'TELNYX_SANDBOX_CONTROL not set');
    assert.ok(process.env.TELNYX_SANDBOX_KEY, 'TELNYX_SANDBOX_KEY not set');
  });

  it('reaches the sandbox control endpoint', async () => {
    const res = await fetch(`${process.env.TELNYX_SANDBOX_CONTROL}/__sandbox/requests`, { headers: { authorization: `Bearer ${process.env.TELNYX_SANDBOX_KEY}` } });
    assert.equal(res.status, 200);
  });
});
