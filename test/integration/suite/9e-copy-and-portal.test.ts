// Copy Numbers and Open in Mission Control from an order's (or event's) menu in the real VS Code: what lands on
// the clipboard is what a carrier form or the portal's search takes, and the portal page is the direction's.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, contextOf, eventsOf, freshSession, ordersOf, type Api, type Node, sandbox, type Seed } from './helpers';

interface Opened {
  url: string;
  copied: string | undefined;
}

describe('copy numbers and the portal', function () {
  this.timeout(60_000);
  let a: Api;
  let seed: Seed;
  let portin: Node;
  let portout: Node;
  const opened: string[] = [];
  let restore: () => void;

  before(async () => {
    a = await freshSession({ pageSize: 10 });
    seed = await sandbox.seed();
    [portin, portout] = await childrenOf(a);
    // A browser opened from the test run would wait on VS Code's "open external website?" prompt.
    const services = a.services as unknown as { openExternal(uri: vscode.Uri): Thenable<boolean> };
    const original = services.openExternal;
    services.openExternal = async (uri) => {
      opened.push(uri.toString(true));
      return true;
    };
    restore = () => void (services.openExternal = original);
  });
  after(() => restore());

  it('Copy Numbers puts every number of a port-in order on the clipboard in E.164, one per line', async () => {
    const row = ordersOf(a, await childrenOf(a, portin)).find((n) => (seed.portinOrders.find((o) => o.id === n.order!.id)?.phone_numbers.length ?? 0) > 1)!;
    assert.ok(row, 'a port-in order with several numbers');
    const want = seed.portinOrders.find((o) => o.id === row.order!.id)!.phone_numbers.map((p) => p.phone_number);
    const got = await vscode.commands.executeCommand<string[]>('telnyxPorting.copyNumbers', row);
    assert.deepEqual(got, want);
    assert.equal(await vscode.env.clipboard.readText(), want.join('\n'));
    assert.ok(want.every((n) => /^\+\d{8,15}$/.test(n)), 'E.164');
  });

  it('Copy Numbers on a Needs attention row, read without numbers, reads the order for them', async () => {
    const group = (await childrenOf(a, portin)).find((n) => contextOf(a, n).startsWith('attention:'))!;
    const row = ordersOf(a, await childrenOf(a, group))[0]!;
    assert.ok(row, 'an order needs attention');
    const want = seed.portinOrders.find((o) => o.id === row.order!.id)!.phone_numbers.map((p) => p.phone_number);
    await sandbox.clearRequests();
    const got = await vscode.commands.executeCommand<string[]>('telnyxPorting.copyNumbers', row);
    assert.deepEqual(got, want);
    assert.equal(await vscode.env.clipboard.readText(), want.join('\n'));
  });

  it("Open in Mission Control opens the direction's page and puts the order's support key on the clipboard", async () => {
    const row = ordersOf(a, await childrenOf(a, portout))[0]!;
    const key = seed.portoutOrders.find((o) => o.id === row.order!.id)!.support_key;
    opened.length = 0;
    const got = await vscode.commands.executeCommand<Opened>('telnyxPorting.openInMissionControl', row);
    assert.deepEqual(opened, ['https://portal.telnyx.com/#/app/numbers/port-outs']);
    assert.equal(got.copied, key);
    assert.equal(await vscode.env.clipboard.readText(), key);
  });

  it("from an event row: the page of the event's direction, with its order's key or id to search for", async () => {
    const order = ordersOf(a, await childrenOf(a, portin))[0]!;
    const event = eventsOf(a, await childrenOf(a, order))[0]!;
    opened.length = 0;
    const got = await vscode.commands.executeCommand<Opened>('telnyxPorting.openInMissionControl', event);
    assert.deepEqual(opened, ['https://portal.telnyx.com/#/app/numbers/port-numbers?status=both']);
    const support = (order.order as { support_key?: string | null }).support_key;
    assert.equal(got.copied, support ?? order.order!.id);
  });
});
