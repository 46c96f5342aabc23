// Several named accounts in the real VS Code, each with its own key and API base URL: the single key of before is
// the first account with nothing asked; adding one checks its key and switches the tree to it; switching reloads the
// tree against the other server; watched orders stay with their account; rename and remove.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { KEY, childrenOf, configure, freshSession, ordersOf, until, withStubs, type Api } from './helpers';

interface Account {
  id: string;
  name: string;
  baseUrl?: string;
}
interface Services {
  accounts: { list(): Account[]; active(): Account };
  keys: { get(id?: string): Promise<string | undefined>; has(id: string): Promise<boolean>; reload(): Promise<void>; set(key: string): Promise<void> };
  session: { get(): Promise<{ verifyKey(): Promise<void> }> };
  treeView: vscode.TreeView<unknown>;
  watched: { ids(dir: string): string[] };
}

describe('accounts', function () {
  this.timeout(60_000);
  let a: Api;
  let s: Services;
  let second: Sandbox;
  const SECOND_KEY = 'KEYSECONDACCOUNT0123456789';

  before(async () => {
    a = await freshSession({ pageSize: 50 });
    s = a.services as unknown as Services;
    second = await startSandbox({ apiKey: SECOND_KEY, seed: { seed: 424242, portinOrders: 7, portoutOrders: 3 } });
  });
  after(async () => {
    for (const acc of s.accounts.list().filter((x) => x.id !== 'default')) {
      await vscode.commands.executeCommand('telnyxPorting.switchAccount', acc.id);
      await withStubs({ showQuickPick: async (items: unknown) => (items as { account: Account }[]).find((i) => i.account.id === acc.id), showWarningMessage: async () => 'Remove' }, () =>
        vscode.commands.executeCommand('telnyxPorting.removeAccount'),
      );
    }
    await second.close();
  });

  const portinIds = async (): Promise<string[]> => {
    const root = (await childrenOf(a))[0]!;
    return ordersOf(a, await childrenOf(a, root), 'portin').map((n) => n.order!.id);
  };

  it('the key set before accounts existed is the first account: nothing asked, no account name shown', async () => {
    assert.deepEqual(s.accounts.list().map((x) => x.id), ['default']);
    assert.equal(await s.keys.get(), KEY);
    assert.equal(s.treeView.description, undefined, 'a single-key user sees no account');
    // A profile from before accounts: only the old secret entry and no list in global state.
    const context = (a as unknown as { context: vscode.ExtensionContext }).context;
    await context.globalState.update('telnyxPorting.accounts', undefined);
    await context.globalState.update('telnyxPorting.activeAccount', undefined);
    await context.secrets.store('telnyxPorting.apiKey', KEY);
    await s.keys.reload();
    assert.equal(await s.keys.get(), KEY);
    assert.ok((await portinIds()).length > 0, 'the tree loads with the old key');
  });

  it('Add Account checks the key against its own base URL and switches the tree to it', async () => {
    const first = await portinIds();
    const answers = ['Second', second.apiBaseUrl, SECOND_KEY];
    const { result } = await withStubs(
      { showInputBox: async () => answers.shift(), showQuickPick: async (items: unknown) => (items as vscode.QuickPickItem[])[1], showErrorMessage: async () => undefined },
      () => vscode.commands.executeCommand<string>('telnyxPorting.addAccount'),
    );
    assert.ok(result, 'added');
    assert.equal(s.accounts.active().name, 'Second');
    assert.equal(s.treeView.description, 'Second');
    const ids = await portinIds();
    assert.deepEqual(new Set(ids), new Set(second.data.portinOrders.map((o) => o.id).slice(0, ids.length)));
    assert.ok(ids.every((id) => !first.includes(id)), "none of the first account's orders");
    assert.ok(second.requests.some((r) => r.path === '/v2/porting_orders' && r.status === 200), 'the second server was asked, with its key');
  });

  it('a refused key adds no account', async () => {
    const before = s.accounts.list().length;
    const answers = ['Third', second.apiBaseUrl, 'KEYWRONG000000000000'];
    const { result, calls } = await withStubs(
      { showInputBox: async () => answers.shift(), showQuickPick: async (items: unknown) => (items as vscode.QuickPickItem[])[1], showErrorMessage: async () => undefined },
      () => vscode.commands.executeCommand<string>('telnyxPorting.addAccount'),
    );
    assert.equal(result, undefined);
    assert.match(String(calls.showErrorMessage[0]?.[0]), /not added/);
    assert.equal(s.accounts.list().length, before);
  });

  it('switching reloads the tree with the other key and base URL; watched orders stay with their account', async () => {
    const secondId = s.accounts.active().id;
    const secondOrders = await portinIds();
    await vscode.commands.executeCommand('telnyxPorting.switchAccount', 'default');
    assert.equal(s.treeView.description, 'Telnyx');
    const firstOrders = await portinIds();
    assert.ok(firstOrders.every((id) => !secondOrders.includes(id)));
    const root = (await childrenOf(a))[0]!;
    const row = ordersOf(a, await childrenOf(a, root), 'portin')[0]!;
    await vscode.commands.executeCommand('telnyxPorting.watchOrder', row);
    assert.deepEqual(s.watched.ids('portin'), [row.order!.id]);
    await vscode.commands.executeCommand('telnyxPorting.switchAccount', secondId);
    // The switch picks the account's watched list when it has worked out which account it is, after the command returned.
    await until(() => s.watched.ids('portin').length === 0, "the other account's watched list is in use");
    assert.deepEqual(s.watched.ids('portin'), [], "the other account's watched list");
    await vscode.commands.executeCommand('telnyxPorting.switchAccount', 'default');
    await until(() => s.watched.ids('portin').length > 0, 'the first account\'s watched list is back');
    assert.deepEqual(s.watched.ids('portin'), [row.order!.id], 'back with its account');
    await vscode.commands.executeCommand('telnyxPorting.unwatchOrder', row);
  });

  it("a switch while the key is read never sends one account's key to the other's server, nor keeps a client built across it", async () => {
    const secondId = s.accounts.list().find((x) => x.name === 'Second')!.id;
    assert.equal(s.accounts.active().id, 'default');
    // All in one turn: the reload drops the client, and the next key read, the one this get() makes, is held.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    void s.keys.reload();
    const { get } = s.keys;
    s.keys.get = (...args) => {
      const read = get.apply(s.keys, args);
      return held.then(() => read);
    };
    const pending = s.session.get();
    Reflect.deleteProperty(s.keys, 'get');
    await vscode.commands.executeCommand('telnyxPorting.switchAccount', secondId);
    second.clearRequests();
    release();
    const client = await pending;
    const outcome = await client.verifyKey().then(
      () => 'accepted',
      (e: unknown) => String(e),
    );
    const again = await s.session.get();
    await again.verifyKey().catch(() => undefined);
    const seen = second.requests.map((r) => `${r.path} ${r.authorized ? 'its own key' : 'another key'}`);
    assert.ok(seen.length >= 2, JSON.stringify(seen));
    assert.deepEqual(seen.filter((x) => x.endsWith('another key')), [], 'the second server saw only its own key');
    assert.equal(outcome, 'accepted', 'the get() that spanned the switch gave a client of the account now in use');
    await vscode.commands.executeCommand('telnyxPorting.switchAccount', 'default');
  });

  it("what is kept for an account (watched orders, seen events, republish ledger) follows a replaced key and goes with the account", async () => {
    // Fails on the code before: a replaced key left it behind under the old key's hash, a removed account kept it forever.
    const acc = s.accounts.list().find((x) => x.name === 'Second')!;
    await vscode.commands.executeCommand('telnyxPorting.switchAccount', acc.id);
    const state = (a as unknown as { context: vscode.ExtensionContext }).context.globalState;
    const session = a.services as unknown as { session: { account(): Promise<string | undefined> } };
    const kept = (k: string): string[] => state.keys().filter((x) => x.includes(k)).sort();
    const before = (await session.session.account())!;
    const root = (await childrenOf(a))[0]!;
    const row = ordersOf(a, await childrenOf(a, root), 'portin')[0]!;
    await vscode.commands.executeCommand('telnyxPorting.watchOrder', row);
    await configure({ 'watch.enabled': true, 'watch.intervalSeconds': 3600 });
    try {
      await vscode.commands.executeCommand('telnyxPorting.checkNow');
    } finally {
      await configure({ 'watch.enabled': false, 'watch.intervalSeconds': undefined });
    }
    await state.update(`telnyxPorting.replayLedger.${before}`, { [row.order!.id]: { outcome: 'unknown', at: new Date().toISOString() } });
    const keys = kept(before);
    assert.ok(keys.some((k) => k.startsWith('telnyxPorting.watch/')), `the watcher kept its cursors: ${keys.join(', ')}`);
    assert.ok(keys.includes(`telnyxPorting.watched.${before}`) && keys.includes(`telnyxPorting.replayLedger.${before}`), keys.join(', '));

    await s.keys.set(`${SECOND_KEY}ROTATED`);
    const after = (await session.session.account())!;
    assert.notEqual(after, before);
    assert.deepEqual(kept(before), [], 'nothing left under the old key');
    assert.deepEqual(kept(after), keys.map((k) => k.replace(before, after)), 'all of it under the new key');
    await s.keys.set(SECOND_KEY);
    await until(() => s.watched.ids('portin').length > 0, 'the watched list is back with the key');
    assert.deepEqual(s.watched.ids('portin'), [row.order!.id]);

    await withStubs(
      { showQuickPick: async (items: unknown) => (items as { account: Account }[]).find((i) => i.account.id === acc.id), showWarningMessage: async () => 'Remove' },
      () => vscode.commands.executeCommand<boolean>('telnyxPorting.removeAccount'),
    );
    assert.deepEqual(kept(before), [], 'nothing left of the removed account');
    assert.deepEqual(kept(after), []);
    // Added again for the test that follows.
    const answers = ['Second', second.apiBaseUrl, SECOND_KEY];
    await withStubs(
      { showInputBox: async () => answers.shift(), showQuickPick: async (items: unknown) => (items as vscode.QuickPickItem[])[1], showErrorMessage: async () => undefined },
      () => vscode.commands.executeCommand<string>('telnyxPorting.addAccount'),
    );
    assert.equal(s.accounts.active().name, 'Second');
  });

  it('rename shows in the view; remove deletes the key and goes back to the first account', async () => {
    const acc = s.accounts.list().find((x) => x.name === 'Second')!;
    await vscode.commands.executeCommand('telnyxPorting.switchAccount', acc.id);
    await withStubs(
      { showQuickPick: async (items: unknown) => (items as { account: Account }[]).find((i) => i.account.id === acc.id), showInputBox: async () => 'Staging' },
      () => vscode.commands.executeCommand('telnyxPorting.renameAccount'),
    );
    assert.equal(s.treeView.description, 'Staging');
    const { result } = await withStubs(
      { showQuickPick: async (items: unknown) => (items as { account: Account }[]).find((i) => i.account.id === acc.id), showWarningMessage: async () => 'Remove' },
      () => vscode.commands.executeCommand<boolean>('telnyxPorting.removeAccount'),
    );
    assert.equal(result, true);
    assert.deepEqual(s.accounts.list().map((x) => x.id), ['default']);
    assert.equal(await s.keys.has(acc.id), false, 'its key is gone from secret storage');
    assert.equal(s.accounts.active().id, 'default');
    assert.equal(await s.keys.get(), KEY);
    assert.equal(s.treeView.description, undefined);
  });
});
