import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, eventsOf, freshSession, item, ordersOf, sandbox, whileHeld, withStubs, type Api, type Node } from './helpers';

/** Stands in for vscode.window.withProgress: runs the task at once, so the calls say where progress was shown. */
const runProgress = async (_opts: unknown, task: unknown) =>
  (task as (p: vscode.Progress<unknown>, t: vscode.CancellationToken) => Promise<unknown>)({ report: () => undefined }, new vscode.CancellationTokenSource().token);

async function firstEvent(a: Api, rootIndex: number): Promise<Node> {
  const root = (await childrenOf(a))[rootIndex]!;
  const order = ordersOf(a, await childrenOf(a, root))[0]!;
  const ev = eventsOf(a, await childrenOf(a, order))[0]!;
  assert.ok(ev, 'an event to republish');
  return ev;
}

describe('republish', () => {
  let a: Api;
  before(async () => {
    a = await freshSession({ pageSize: 10 });
  });
  beforeEach(async () => {
    await sandbox.reset();
  });

  for (const [i, dir, path] of [[0, 'portin', '/v2/porting/events'], [1, 'portout', '/v2/portouts/events']] as const) {
    it(`${dir}: confirmed, it POSTs exactly once to ${path}/{id}/republish`, async () => {
      const node = await firstEvent(a, i);
      const { result, calls } = await withStubs(
        { showWarningMessage: async () => 'Republish', showInformationMessage: async () => undefined, withProgress: runProgress },
        () => vscode.commands.executeCommand<string>('telnyxPorting.republishEvent', node),
      );
      assert.equal(result, 'sent');
      const progress = calls.withProgress.filter((c) => /Republishing/.test((c[0] as vscode.ProgressOptions).title ?? ''));
      assert.deepEqual(progress, [], 'from a row, the row alone shows progress');
      const [message, options] = calls.showWarningMessage[0] as [string, vscode.MessageOptions & { detail: string }];
      assert.equal(options.modal, true);
      assert.match(message, /^Republish "/);
      // The type in words and the order by its name, as the rows say them (issue 19), never the raw type.
      assert.ok(!options.detail.includes(node.event!.event_type), options.detail);
      assert.ok(options.detail.includes(`Event: ${String(item(a, node).label).split(' → ')[0]} (${node.event!.id})`), options.detail);
      assert.ok(options.detail.includes(`Order: ${String(item(a, node.parent as Node).label)}`), options.detail);
      for (const m of node.event!.available_notification_methods as string[]) assert.ok(options.detail.includes(m));
      assert.match(options.detail, /No new event is created/);
      const posts = (await sandbox.requests()).filter((r) => r.method === 'POST');
      assert.deepEqual(posts.map((r) => `${r.path} ${r.status}`), [`${path}/${node.event!.id}/republish 204`]);
      assert.deepEqual((await sandbox.republishes()).map((r) => r.id), [node.event!.id]);
      assert.match(String(calls.showInformationMessage[0]?.[0]), /Republished/);
      assert.equal(node.busy, undefined, 'the spinner is gone');
    });
  }

  it('from the palette, an event picked from the tree is republished once, in its own direction', async () => {
    await firstEvent(a, 1); // loads a port-out order's events into the tree
    const { result, calls } = await withStubs(
      {
        showQuickPick: async (items: unknown) =>
          (items as (vscode.QuickPickItem & { description?: string; detail?: string })[]).find((i) => i.detail && i.description?.startsWith('Port-out')),
        showWarningMessage: async () => 'Republish',
        showInformationMessage: async () => undefined,
        withProgress: runProgress,
      },
      () => vscode.commands.executeCommand<string>('telnyxPorting.republishEvent'),
    );
    assert.equal(result, 'sent');
    const progress = calls.withProgress.map((c) => c[0] as vscode.ProgressOptions).filter((o) => /Republishing/.test(o.title ?? ''));
    assert.deepEqual(progress.map((o) => o.location), [vscode.ProgressLocation.Window], 'no row to spin: the status bar shows it');
    const picked = (await calls.showQuickPick[0]![0]) as unknown as { detail?: string; description?: string }[];
    const chosen = picked.find((i) => i.detail && i.description?.startsWith('Port-out'))!.detail!;
    const posts = (await sandbox.requests()).filter((r) => r.method === 'POST');
    assert.deepEqual(posts.map((r) => r.path), [`/v2/portouts/events/${chosen}/republish`]);
  });

  it('answered no, it sends nothing', async () => {
    const node = await firstEvent(a, 0);
    const { result, calls } = await withStubs({ showWarningMessage: async () => undefined }, () => vscode.commands.executeCommand('telnyxPorting.republishEvent', node));
    assert.equal(result, 'declined');
    assert.equal(calls.showWarningMessage.length, 1);
    assert.equal((await sandbox.requests()).filter((r) => r.method === 'POST').length, 0);
  });

  it('a 404 shows an error and nothing else', async () => {
    const node = await firstEvent(a, 1);
    await sandbox.fault({ method: 'POST', path: '/republish' }, { status: 404 });
    const { result, calls } = await withStubs(
      { showWarningMessage: async () => 'Republish', showErrorMessage: async () => undefined, showInformationMessage: async () => undefined },
      () => vscode.commands.executeCommand('telnyxPorting.republishEvent', node),
    );
    assert.equal(result, 'failed');
    assert.equal(calls.showErrorMessage.length, 1);
    assert.match(String(calls.showErrorMessage[0]![0]), /Not found \(404\)/);
    assert.equal(calls.showInformationMessage.length, 0, 'no success message');
    assert.equal(calls.showWarningMessage.length, 1, 'no second prompt');
    assert.equal((await sandbox.republishes()).length, 0);
  });

  it('a second click while one is in flight does nothing', async () => {
    const node = await firstEvent(a, 0);
    // Held at the sandbox until the checks are done: in flight for sure, however busy the machine.
    await sandbox.fault({ method: 'POST', path: '/republish' }, { hold: 'republish' });
    const { calls } = await withStubs({ showWarningMessage: async () => 'Republish', showInformationMessage: async () => undefined }, async () => {
      // Rendered before, so the spinner must replace an item VS Code already has.
      const before = a.services.tree.getTreeItem(node);
      const first = vscode.commands.executeCommand<string>('telnyxPorting.republishEvent', node);
      await whileHeld('republish', async () => {
        assert.equal(node.busy, 'Republishing…', 'the node shows a spinner while sending');
        const during = a.services.tree.getTreeItem(node);
        assert.equal(during.description, 'Republishing…');
        assert.equal((during.iconPath as vscode.ThemeIcon).id, 'loading~spin');
        const second = await vscode.commands.executeCommand<string>('telnyxPorting.republishEvent', node);
        assert.equal(second, 'busy');
      });
      assert.equal(await first, 'sent');
      const after = a.services.tree.getTreeItem(node);
      assert.equal(after.description, before.description, 'the spinner is gone from the item');
      assert.notEqual((after.iconPath as vscode.ThemeIcon).id, 'loading~spin');
    });
    assert.equal(calls.showWarningMessage.length, 1);
    assert.equal((await sandbox.republishes()).length, 1);
  });
});
