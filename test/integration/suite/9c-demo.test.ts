// The demo sandbox shipped in the extension, in the real VS Code: started from the welcome view's button, it runs
// inside the extension host on a free loopback port as the "Demo" account and the tree loads from it; stopping it
// frees the port and removes the account.

import * as assert from 'node:assert/strict';
import { connect } from 'node:net';
import * as vscode from 'vscode';
import { childrenOf, ext, freshSession, ordersOf, type Api } from './helpers';

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
});
