import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { API_URL, KEY, answerInputBoxes, api, childrenOf, configure, contextOf, ordersOf, ownRequests, sandbox, setKey, withStubs, type Api, type LoggedRequest } from './helpers';

/** The key check: a one-record page. The view's reads of the tree (pages of its page size) are not it. */
const isKeyCheck = (r: LoggedRequest): boolean => new URLSearchParams(r.query).get('page[size]') === '1';

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

  it('Set API Key asks with a password box, checks the key once in it and stores it in SecretStorage only', async () => {
    await sandbox.clearRequests();
    const input = answerInputBoxes([`  ${KEY}  `]);
    const { result: ok, calls } = await withStubs(
      { createInputBox: input.create, setStatusBarMessage: () => new vscode.Disposable(() => undefined), showInformationMessage: async () => undefined },
      () => vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey'),
    );
    assert.equal(ok, true);
    assert.equal(input.boxes.length, 1);
    assert.equal(input.boxes[0]!.password, true);
    assert.equal(input.entered[0]!.busy, true, 'the box is busy while Telnyx checks the key');
    assert.match(String(calls.setStatusBarMessage[0]?.[0]), /saved/);
    assert.equal(calls.showInformationMessage.length, 0, 'no toast: the tree shows it');
    assert.equal(await a.services.keys.get(), KEY, 'stored trimmed');
    assert.equal(a.services.keys.hasKeyContext, true);
    const { own: reqs, seen } = await ownRequests(isKeyCheck);
    assert.equal(reqs.length, 1, `one cheap call checks the key (all seen: ${seen})`);
    assert.equal(reqs[0]!.path, '/v2/porting_orders');
    assert.equal(new URLSearchParams(reqs[0]!.query).get('page[size]'), '1');
    const settings = JSON.stringify(vscode.workspace.getConfiguration());
    assert.ok(!settings.includes(KEY), 'the key is in the settings');
    assert.equal((await childrenOf(a)).length, 2, 'the roots appear');
  });

  it('a key Telnyx refuses is not stored; the box says so and stays open', async () => {
    await a.services.keys.clear();
    const input = answerInputBoxes(['KEYWRONG0000']);
    const { result: ok, calls } = await withStubs({ createInputBox: input.create, showErrorMessage: async () => undefined }, () =>
      vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey'),
    );
    assert.equal(ok, false, 'Escape after the refusal');
    assert.match(String(input.entered[0]?.message), /refused this API key/);
    assert.equal(calls.showErrorMessage.length, 0, 'said in the box, not in a message');
    assert.equal(await a.services.keys.get(), undefined);
  });

  it('a refused key is corrected in the same box, without pasting it again', async () => {
    await a.services.keys.clear();
    const input = answerInputBoxes(['KEYWRONG0000', KEY]);
    const { result: ok } = await withStubs({ createInputBox: input.create }, () => vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey'));
    assert.equal(ok, true);
    assert.equal(input.boxes.length, 1, 'one box throughout');
    assert.deepEqual(input.entered.map((e) => e.value), ['KEYWRONG0000', KEY]);
    assert.equal(input.entered[1]!.message, undefined, 'the refusal is gone once the key is accepted');
    assert.equal(await a.services.keys.get(), KEY);
  });

  it('a key with a line break is refused before any request', async () => {
    await sandbox.clearRequests();
    const input = answerInputBoxes(['KEY123\nKEY456']);
    const { result: ok } = await withStubs({ createInputBox: input.create }, () => vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey'));
    assert.equal(ok, false);
    assert.match(String(input.entered[0]?.message), /line breaks/);
    assert.equal(input.entered[0]!.busy, false, 'not checked with Telnyx');
    const { own, seen } = await ownRequests(isKeyCheck);
    assert.deepEqual(own, [], `no key check (all seen: ${seen})`);
  });

  it('a key Telnyx cannot check (5xx) is saved only on a second Enter, as the warning in the box says', async () => {
    await a.services.keys.clear();
    await configure({ maxRetries: 0 });
    try {
      await sandbox.fault({ path: '/v2/porting_orders', times: 1 }, { status: 503 });
      const input = answerInputBoxes([KEY, KEY]);
      const { result: ok } = await withStubs({ createInputBox: input.create }, () => vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey'));
      assert.equal(ok, true);
      assert.equal(input.entered[0]!.warning, true);
      assert.match(String(input.entered[0]!.message), /could not be checked/);
      assert.equal(input.entered[1]!.busy, false, 'not checked again');
      assert.equal(await a.services.keys.get(), KEY);
    } finally {
      await configure({ maxRetries: undefined });
    }
  });

  it('Clear API Key removes it and the welcome view returns', async () => {
    assert.equal(await setKey(), true);
    const { calls } = await withStubs(
      { setStatusBarMessage: () => new vscode.Disposable(() => undefined), showInformationMessage: async () => undefined },
      () => vscode.commands.executeCommand('telnyxPorting.clearApiKey'),
    );
    assert.match(String(calls.setStatusBarMessage[0]?.[0]), /removed/);
    assert.equal(calls.showInformationMessage.length, 0, 'no toast: the welcome view shows it');
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
    const input = answerInputBoxes([KEY]);
    await withStubs({ createInputBox: input.create }, () => vscode.commands.executeCommand('telnyxPorting.retry', error));
    assert.equal(input.boxes.length, 1, 'Update API Key asked for a key');
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
