// The demo sandbox shipped in the extension, in the real VS Code: started from the welcome view's button, it runs
// inside the extension host on a free loopback port as the "Demo" account and the tree loads from it; stopping it
// frees the port and removes the account. A demo named by the environment must be on this machine, and no key of
// the user's is ever stored for (or sent to) a Demo account.

import * as assert from 'node:assert/strict';
import { connect } from 'node:net';
import * as vscode from 'vscode';
import { startSandbox } from '../../sandbox/server';
import { answerInputBoxes, childrenOf, ext, freshSession, KEY, ordersOf, withStubs, type Api } from './helpers';

interface Services {
  accounts: { list(): { id: string; name: string; baseUrl?: string; demo?: boolean }[]; active(): { id: string; name: string; demo?: boolean } };
  keys: { get(): Promise<string | undefined> };
  demo: { useExternal(apiBaseUrl: string, apiKey: string): Promise<unknown> };
}

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('demo sandbox', function () {
  this.timeout(60_000);
  let a: Api;

  before(async () => {
    a = await freshSession({ pageSize: 50 });
  });

  it('the welcome view offers it, and it starts as the Demo account with its orders in the tree; stopping frees the port', async () => {
    const welcome = (ext().packageJSON as { contributes: { viewsWelcome: { contents: string }[] } }).contributes.viewsWelcome[0]!.contents;
    assert.match(welcome, /\[Start Demo Sandbox\]\(command:telnyxPorting\.startDemoSandbox\)/);
    const url = await vscode.commands.executeCommand<string>('telnyxPorting.startDemoSandbox');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    const port = Number(new URL(url).port);
    assert.equal(await listening(port), true);
    const services = a.services as unknown as { accounts: { active(): { name: string; demo?: boolean } }; treeView: vscode.TreeView<unknown> };
    assert.equal(services.accounts.active().name, 'Demo');
    assert.equal(services.treeView.description, 'Demo');
    const root = (await childrenOf(a))[0]!;
    assert.ok(ordersOf(a, await childrenOf(a, root), 'portin').length > 0, 'the tree loads from the demo sandbox');
    assert.equal(await vscode.commands.executeCommand('telnyxPorting.stopDemoSandbox'), true);
    assert.equal(await listening(port), false, 'the port is free');
    assert.notEqual(services.accounts.active().name, 'Demo');
    assert.equal(services.treeView.description, undefined, 'the Demo account is gone');
  });

  it('started and stopped three times, the demo leaves nothing in global state: no cursors, ledger or watched orders', async () => {
    // Fails on the code before: each start is a new port, so a new account identity, and each left its set behind.
    const state = (a as unknown as { context: vscode.ExtensionContext }).context.globalState;
    const session = a.services as unknown as { session: { account(): Promise<string | undefined> } };
    const perAccount = (k: string): string[] => state.keys().filter((x) => x.includes(k));
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await vscode.commands.executeCommand<string>('telnyxPorting.startDemoSandbox');
      const account = (await session.session.account())!;
      seen.push(account);
      const root = (await childrenOf(a))[0]!;
      await vscode.commands.executeCommand('telnyxPorting.watchOrder', ordersOf(a, await childrenOf(a, root), 'portin')[0]!);
      await state.update(`telnyxPorting.replayLedger.${account}`, { x: { outcome: 'sent', at: new Date().toISOString() } });
      assert.equal(perAccount(account).length, 2, perAccount(account).join(', '));
      if (i < 2) {
        // A window that died with the demo running: the next start finds the Demo account and moves it to a new port.
        const demo = a.services as unknown as { demo: { sandbox?: Promise<{ stop(): Promise<void> }> } };
        await (await demo.demo.sandbox!).stop();
        demo.demo.sandbox = undefined;
      } else {
        await vscode.commands.executeCommand('telnyxPorting.stopDemoSandbox');
      }
    }
    assert.equal(new Set(seen).size, 3, 'each start is its own identity');
    for (const account of seen) assert.deepEqual(perAccount(account), [], `left behind for ${account}`);
  });

  it('a demo named by the environment elsewhere than this machine is ignored: no account added or used', async () => {
    const s = a.services as unknown as Services;
    const before = s.accounts.list();
    const active = s.accounts.active().id;
    for (const url of ['https://evil.example/v2', 'https://127.0.0.1.evil.example/v2', 'http://10.0.0.5:4010/v2']) {
      await s.demo.useExternal(url, 'KEYDEMOFROMENV0123456789');
      assert.deepEqual(s.accounts.list(), before, url);
      assert.equal(s.accounts.active().id, active, url);
    }
    assert.equal(await s.keys.get(), KEY, 'the key in use is the same');
  });

  it('Update API Key while the Demo account is in use stores no key of the user\'s for it, sends it nowhere, and offers a real account', async () => {
    const s = a.services as unknown as Services;
    const USER_KEY = 'KEYREALUSER0123456789';
    const STALE = 'KEYDEMOSTALE0123456789';
    // A demo that would take the user's key if asked: only refusing to ask keeps it from getting it.
    const demo = await startSandbox({ apiKey: USER_KEY });
    try {
      await s.demo.useExternal(demo.apiBaseUrl, STALE);
      assert.equal(s.accounts.active().demo, true);
      const boxes = answerInputBoxes([USER_KEY]);
      const { result, calls } = await withStubs({ createInputBox: boxes.create, showInformationMessage: async () => undefined }, () =>
        vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey'),
      );
      assert.equal(result, false);
      assert.equal(await s.keys.get(), STALE, "the Demo account's key is not the typed one");
      assert.equal(boxes.boxes.length, 0, 'no key was asked for');
      assert.ok(demo.requests.every((r) => !r.authorized), 'the demo never saw the user key');
      const [message, ...buttons] = calls.showInformationMessage[0] as string[];
      assert.match(message!, /Demo account .*no key of yours is stored/);
      assert.deepEqual(buttons, ['Add Account…', 'Switch Account…']);

      // Its way out: Add Account… (closed at its first step here).
      const { calls: adding } = await withStubs({ showInformationMessage: async () => 'Add Account…', showInputBox: async () => undefined }, () =>
        vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey'),
      );
      assert.match((adding.showInputBox[0] as [vscode.InputBoxOptions])[0].title ?? '', /Add Telnyx Account \(1\/3\)/);
      assert.equal(await s.keys.get(), STALE);
    } finally {
      await vscode.commands.executeCommand('telnyxPorting.stopDemoSandbox');
      await demo.close();
    }
    assert.equal(s.accounts.list().some((x) => x.demo), false);
    assert.equal(await s.keys.get(), KEY, 'back on the first account and its key');
  });
});
