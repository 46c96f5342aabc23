// What the manifest promises, held against the running workbench: the walkthrough's buttons run commands VS Code
// knows, and the tree paints statuses with the colours the extension contributes (test/unit/manifest.test.ts
// checks the manifest itself).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, eventsOf, ext, freshSession, item, ordersOf, type Api } from './helpers';

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
});
