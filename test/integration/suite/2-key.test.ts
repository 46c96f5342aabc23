import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { API_URL, KEY, api, configure, contextOf, sandbox, setKey, stub, type Api } from './helpers';

describe('API key', () => {
  let a: Api;
  before(async () => {
    a = await api();
    await configure({ apiBaseUrl: API_URL, pageSize: 10 });
    await sandbox.reset();
  });

  it('without a key: the context key is false and the tree is empty, so the welcome view shows', async () => {
    assert.equal(await a.services.keys.get(), undefined);
    assert.equal(a.services.keys.hasKeyContext, false);
    assert.deepEqual(await a.services.tree.getChildren(), []);
  });

  it('Set API Key asks with a password box, checks the key once and stores it in SecretStorage only', async () => {
    await sandbox.clearRequests();
    const input = stub('showInputBox', async () => `  ${KEY}  `);
    let ok: boolean | undefined;
    try {
      ok = await vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey');
    } finally {
      input.restore();
    }
    assert.equal(ok, true);
    assert.equal(input.calls.length, 1);
    assert.equal((input.calls[0]![0] as vscode.InputBoxOptions).password, true);
    assert.equal(await a.services.keys.get(), KEY, 'stored trimmed');
    assert.equal(a.services.keys.hasKeyContext, true);
    const reqs = await sandbox.requests();
    assert.equal(reqs.length, 1, 'one cheap call checks the key');
    assert.equal(reqs[0]!.path, '/v2/porting_orders');
    assert.equal(new URLSearchParams(reqs[0]!.query).get('page[size]'), '1');
    const settings = JSON.stringify(vscode.workspace.getConfiguration());
    assert.ok(!settings.includes(KEY), 'the key is in the settings');
    assert.equal((await a.services.tree.getChildren()).length, 2, 'the roots appear');
  });

  it('a key Telnyx refuses is not stored', async () => {
    await a.services.keys.clear();
    const errors = stub('showErrorMessage', async () => undefined);
    try {
      assert.equal(await setKey('KEYWRONG0000'), false);
    } finally {
      errors.restore();
    }
    assert.match(String(errors.calls[0]?.[0]), /refused this API key/);
    assert.equal(await a.services.keys.get(), undefined);
  });

  it('a key with a line break is refused before any request', async () => {
    await sandbox.clearRequests();
    const errors = stub('showErrorMessage', async () => undefined);
    try {
      assert.equal(await setKey('KEY123\nKEY456'), false);
    } finally {
      errors.restore();
    }
    assert.match(String(errors.calls[0]?.[0]), /line breaks/);
    assert.deepEqual(await sandbox.requests(), []);
  });

  it('Clear API Key removes it and the welcome view returns', async () => {
    assert.equal(await setKey(), true);
    await vscode.commands.executeCommand('telnyxPorting.clearApiKey');
    assert.equal(await a.services.keys.get(), undefined);
    assert.equal(a.services.keys.hasKeyContext, false);
    assert.deepEqual(await a.services.tree.getChildren(), []);
  });

  it('a 401 while browsing shows an error node whose action is Update API Key', async () => {
    assert.equal(await setKey(), true);
    await sandbox.fault({ path: '/v2/porting_orders', times: 1 }, { status: 401 });
    a.services.tree.refreshAll();
    const [portin] = await a.services.tree.getChildren();
    const children = await a.services.tree.getChildren(portin);
    const error = children.at(-1)!;
    assert.equal(contextOf(a, error), 'error:auth');
    assert.match(String(a.services.tree.getTreeItem(error).label), /API key refused/);
    // Its click runs Set API Key; answering it with a good key reloads the tree.
    const input = stub('showInputBox', async () => KEY);
    try {
      await vscode.commands.executeCommand('telnyxPorting.retry', error);
    } finally {
      input.restore();
    }
    assert.equal(input.calls.length, 1, 'Update API Key asked for a key');
    const reloaded = await a.services.tree.getChildren((await a.services.tree.getChildren())[0]);
    assert.ok(reloaded.some((n) => contextOf(a, n).startsWith('order:portin:')));
  });

  it('a 401 from a command offers Update API Key in its message', async () => {
    const seed = await sandbox.seed();
    await sandbox.fault({ path: '/v2/porting/events/', times: 1 }, { status: 401 });
    const errors = stub('showErrorMessage', async () => undefined);
    try {
      await vscode.commands.executeCommand('telnyxPorting.openEvent', seed.portinEvents[0]!.id);
    } finally {
      errors.restore();
    }
    const call = errors.calls.find((c) => /401/.test(String(c[0])));
    assert.ok(call, `no 401 message in ${JSON.stringify(errors.calls)}`);
    assert.ok(call.includes('Update API Key'), JSON.stringify(call));
    assert.ok(!String(call[0]).includes(KEY));
  });
});
