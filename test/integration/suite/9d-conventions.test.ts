// What the manifest promises, held against the running workbench: the walkthrough's buttons run commands VS Code
// knows, and the tree paints statuses with the colours the extension contributes (test/unit/manifest.test.ts
// checks the manifest itself).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, eventsOf, ext, freshSession, item, ordersOf, withStubs, type Api } from './helpers';

interface Step {
  id: string;
  description: string;
  completionEvents?: string[];
}
interface Manifest {
  contributes: { walkthroughs: { steps: Step[] }[]; colors: { id: string }[] };
}

function iconColorId(i: vscode.TreeItem): string | undefined {
  const color = (i.iconPath as vscode.ThemeIcon | undefined)?.color as unknown as { id?: string } | undefined;
  return color?.id;
}

describe('conventions in the workbench', () => {
  let a: Api;
  const manifest = (): Manifest => ext().packageJSON as Manifest;
  before(async () => {
    a = await freshSession({ pageSize: 10 });
  });

  it('every command a Get started step runs or waits for is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(false));
    for (const step of manifest().contributes.walkthroughs.flatMap((w) => w.steps)) {
      const named = [
        ...[...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!),
        ...(step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
      ];
      for (const cmd of named) assert.ok(registered.has(cmd), `${step.id}: ${cmd} is not a registered command`);
    }
  });

  it('order and status-changed event icons are painted with contributed telnyxPorting.status.* colours', async () => {
    const contributed = new Set(manifest().contributes.colors.map((c) => c.id));
    const [portin] = await childrenOf(a);
    const orders = ordersOf(a, await childrenOf(a, portin));
    assert.ok(orders.length > 0, 'port-in orders to look at');
    const used = new Set<string>();
    for (const o of orders) {
      const id = iconColorId(item(a, o));
      assert.ok(id && contributed.has(id), `order ${o.id}: ${id}`);
      used.add(id);
      for (const e of eventsOf(a, await childrenOf(a, o))) {
        const eid = iconColorId(item(a, e));
        if (eid) assert.ok(contributed.has(eid), `event ${e.id}: ${eid}`);
      }
    }
    assert.ok([...used].every((id) => id.startsWith('telnyxPorting.status.')));
  });

  // VS Code passes the focused row to a view-title command and (row, selected rows) to a row's menu command; what
  // each command then does must be what its place in the menu promises.
  describe('what VS Code passes from the view title and row menus', () => {
    const noErrors = { showErrorMessage: async () => undefined, showWarningMessage: async () => undefined };

    it('Find Order… from the title, with a row focused, asks for the text to find', async () => {
      const [portin] = await childrenOf(a);
      const order = ordersOf(a, await childrenOf(a, portin))[0]!;
      const { calls } = await withStubs({ ...noErrors, showInputBox: async () => undefined }, () =>
        vscode.commands.executeCommand('telnyxPorting.findOrder', order),
      );
      assert.equal(calls.showInputBox.length, 1, 'asked what to find');
      assert.deepEqual(calls.showErrorMessage, [], 'no error');
    });

    it('Open Event… from the title, with an event focused, asks for an event instead of opening the focused one', async () => {
      const [portin] = await childrenOf(a);
      const order = ordersOf(a, await childrenOf(a, portin))[0]!;
      const event = eventsOf(a, await childrenOf(a, order))[0]!;
      assert.ok(event, 'an event row to focus');
      const title = (manifest() as unknown as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus['view/title']!;
      assert.ok(title.some((m) => m.command === 'telnyxPorting.openEventById'), 'the title offers Open Event…');
      assert.ok(!title.some((m) => m.command === 'telnyxPorting.openEvent'), 'the title does not offer the row command');
      const { result, calls } = await withStubs({ ...noErrors, showQuickPick: async () => undefined, showInputBox: async () => undefined }, () =>
        vscode.commands.executeCommand<vscode.TextEditor | undefined>('telnyxPorting.openEventById', event),
      );
      assert.equal(calls.showQuickPick.length + calls.showInputBox.length, 1, 'asked which event');
      assert.equal(result, undefined, 'nothing opened');
      assert.deepEqual(calls.showErrorMessage, []);
    });

    it('Filter by Status from a row menu, given (row, selected rows), asks which statuses', async () => {
      const [portin] = await childrenOf(a);
      const { calls } = await withStubs({ ...noErrors, showQuickPick: async () => undefined }, () =>
        vscode.commands.executeCommand('telnyxPorting.filterByStatus', portin, [portin]),
      );
      assert.equal(calls.showQuickPick.length, 1, 'asked which statuses');
      assert.deepEqual(calls.showErrorMessage, []);
    });
  });
});
