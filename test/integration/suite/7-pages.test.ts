import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, contextOf, freshSession, item, LIST_ORDERS, ordersOf, ownRequests, readable, sandbox, type Api, type Node, type Seed } from './helpers';

for (const listOrder of LIST_ORDERS) describe(`operations over every page (server lists ${listOrder})`, () => {
  let a: Api;
  let seed: Seed;
  let portin: Node;
  let portout: Node;
  before(async () => {
    a = await freshSession({ pageSize: 5 });
    await sandbox.config({ listOrder });
    seed = await sandbox.seed();
    a.services.tree.refreshAll();
    [portin, portout] = await childrenOf(a);
  });
  after(async () => {
    await sandbox.config({ listOrder: 'desc' });
    await vscode.commands.executeCommand('telnyxPorting.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Filter by Status on port-in reads every page and shows exactly the matching orders', async () => {
    await sandbox.clearRequests();
    const count = await vscode.commands.executeCommand<number>('telnyxPorting.filterByStatus', portin, ['exception']);
    const expected = seed.portinOrders.filter((o) => o.status.value === 'exception').map((o) => o.id).sort();
    assert.equal(count, expected.length);
    const shown = ordersOf(a, await childrenOf(a, portin));
    assert.deepEqual(shown.map((n) => n.order!.id).sort(), expected);
    assert.equal(contextOf(a, portin), 'root:portin:filtered');
    assert.match(String(item(a, portin).description), /filter: Exception/);
    // The view may render other nodes meanwhile (pages of 5); the scan's own requests are pages of 250, without numbers.
    const reqs = (await sandbox.requests()).filter((r) => r.path === '/v2/porting_orders' && new URLSearchParams(r.query).get('page[size]') === '250');
    assert.ok(reqs.length > 0);
    assert.ok(reqs.every((r) => new URLSearchParams(r.query).get('include_phone_numbers') === 'false'), 'a status scan needs no numbers');
    assert.ok(reqs.every((r) => !r.query.includes('filter')), 'no status filter is sent: the API has none for port-in');
    // Rows found by the scan name their first number like every other row (issue 19: they said "17 numbers").
    for (const node of shown) {
      const first = seed.portinOrders.find((o) => o.id === node.order!.id)!.phone_numbers[0]?.phone_number;
      if (first) assert.ok(readable(String(item(a, node).label), first), `${String(item(a, node).label)} should start with ${first}`);
    }
  });

  it('Filter by Status on port-out uses the API filter and stays lazy', async () => {
    await sandbox.clearRequests();
    await vscode.commands.executeCommand('telnyxPorting.filterByStatus', portout, ['rejected']);
    const shown = ordersOf(a, await childrenOf(a, portout));
    assert.ok(shown.length > 0);
    assert.ok(shown.every((n) => contextOf(a, n) === 'order:portout:rejected'));
    // Only the list's requests: an order or payload tab left open by an earlier suite may be read again meanwhile,
    // and the view may re-read the tree after the filter's refresh. A scan of every page would be pages 1 and up.
    const { own: reqs, seen } = await ownRequests((r) => r.path === '/v2/portouts' && new URLSearchParams(r.query).get('filter[status]') !== null);
    assert.equal(new Set(reqs.map((r) => r.query)).size, 1, `one page of the filtered list (all seen: ${seen})`);
    assert.equal(new URLSearchParams(reqs[0]!.query).get('filter[status]'), 'rejected');
  });

  it('Clear Filter brings every order back', async () => {
    await vscode.commands.executeCommand('telnyxPorting.clearFilter', portin);
    assert.equal(contextOf(a, portin), 'root:portin');
    const children = await childrenOf(a, portin);
    assert.equal(contextOf(a, children[0]!), 'recent:portin');
    assert.equal(ordersOf(a, children).length, 5);
  });

  it('Find Order by support key finds the port-in order', async () => {
    const target = seed.portinOrders[7] as unknown as { id: string; support_key: string };
    const found = await vscode.commands.executeCommand<number>('telnyxPorting.findOrder', target.support_key);
    assert.ok(found !== undefined && found >= 1);
    const shown = ordersOf(a, await childrenOf(a, portin));
    assert.ok(shown.some((n) => n.order!.id === target.id), 'the order is shown');
    await vscode.commands.executeCommand('telnyxPorting.clearFilter');
  });

  it('Export Events writes every event of an order, newest first, into a JSON editor', async () => {
    const order = ordersOf(a, await childrenOf(a, portout))[0]!;
    const n = await vscode.commands.executeCommand<number>('telnyxPorting.exportEvents', order);
    const expected = seed.portoutEvents.filter((e) => e.portout_id === order.order!.id);
    assert.equal(n, expected.length);
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.languageId, 'json');
    const ids = (JSON.parse(doc.getText()) as { id: string }[]).map((e) => e.id);
    assert.deepEqual(ids, [...expected].sort((x, y) => Date.parse(y.created_at) - Date.parse(x.created_at)).map((e) => e.id));
    // The export is an unsaved editor: close it without the save prompt.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
