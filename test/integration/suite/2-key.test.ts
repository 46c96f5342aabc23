import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { API_URL, KEY, api, childrenOf, configure, contextOf, ordersOf, sandbox, setKey, withStubs, type Api } from './helpers';

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
    assert.deepEqual(await childrenOf(a), []);
  });

  it('Set API Key asks with a password box, checks the key once and stores it in SecretStorage only', async () => {
    await sandbox.clearRequests();
    const { result: ok, calls } = await withStubs({ showInputBox: async () => `  ${KEY}  ` }, () => vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey'));
    assert.equal(ok, true);
    assert.equal(calls.showInputBox.length, 1);
    assert.equal((calls.showInputBox[0]![0] as vscode.InputBoxOptions).password, true);
    assert.equal(await a.services.keys.get(), KEY, 'stored trimmed');
    assert.equal(a.services.keys.hasKeyContext, true);
    const reqs = await sandbox.requests();
    assert.equal(reqs.length, 1, 'one cheap call checks the key');
    assert.equal(reqs[0]!.path, '/v2/porting_orders');
    assert.equal(new URLSearchParams(reqs[0]!.query).get('page[size]'), '1');
    const settings = JSON.stringify(vscode.workspace.getConfiguration());
    assert.ok(!settings.includes(KEY), 'the key is in the settings');
    assert.equal((await childrenOf(a)).length, 2, 'the roots appear');
  });

  it('a key Telnyx refuses is not stored', async () => {
    await a.services.keys.clear();
    const { result: ok, calls } = await withStubs({ showErrorMessage: async () => undefined }, () => setKey('KEYWRONG0000'));
    assert.equal(ok, false);
    assert.match(String(calls.showErrorMessage[0]?.[0]), /refused this API key/);
    assert.equal(await a.services.keys.get(), undefined);
  });

  it('a key with a line break is refused before any request', async () => {
    await sandbox.clearRequests();
    const { result: ok, calls } = await withStubs({ showErrorMessage: async () => undefined }, () => setKey('KEY123\nKEY456'));
    assert.equal(ok, false);
    assert.match(String(calls.showErrorMessage[0]?.[0]), /line breaks/);
    assert.deepEqual(await sandbox.requests(), []);
  });

  it('Clear API Key removes it and the welcome view returns', async () => {
    assert.equal(await setKey(), true);
    await vscode.commands.executeCommand('telnyxPorting.clearApiKey');
    assert.equal(await a.services.keys.get(), undefined);
    assert.equal(a.services.keys.hasKeyContext, false);
    assert.deepEqual(await childrenOf(a), []);
  });

  it('a 401 while browsing shows an error node whose action is Update API Key', async () => {
    assert.equal(await setKey(), true);
    await sandbox.fault({ path: '/v2/porting_orders', times: 1 }, { status: 401 });
    a.services.tree.refreshAll();
    const [portin] = await childrenOf(a);
    const children = await childrenOf(a, portin);
    const error = children.at(-1)!;
    assert.equal(contextOf(a, error), 'error:auth');
    assert.match(String(a.services.tree.getTreeItem(error).label), /API key refused/);
    // Its click runs Set API Key; answering it with a good key reloads the tree.
    const { calls } = await withStubs({ showInputBox: async () => KEY }, () => vscode.commands.executeCommand('telnyxPorting.retry', error));
    assert.equal(calls.showInputBox.length, 1, 'Update API Key asked for a key');
    const reloaded = await childrenOf(a, (await childrenOf(a))[0]);
    assert.ok(ordersOf(a, reloaded, 'portin').length > 0);
  });

  it('a 401 from a command offers Update API Key in its message', async () => {
    const seed = await sandbox.seed();
    await sandbox.fault({ path: '/v2/porting/events/', times: 1 }, { status: 401 });
    const { calls } = await withStubs({ showErrorMessage: async () => undefined }, () => vscode.commands.executeCommand('telnyxPorting.openEvent', seed.portinEvents[0]!.id));
    const call = calls.showErrorMessage.find((c) => /401/.test(String(c[0])));
    assert.ok(call, `no 401 message in ${JSON.stringify(calls.showErrorMessage)}`);
    assert.ok(call.includes('Update API Key'), JSON.stringify(call));
    assert.ok(!String(call[0]).includes(KEY));
  });
});
