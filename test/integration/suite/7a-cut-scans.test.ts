// A scan cut short (fetchAll's `settled: false`) is shown as possibly incomplete, not as the whole list: the
// sandbox answers every port-in page with the same page while claiming 10^9 of them.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, contextOf, CONTROL, controlHeaders, freshSession, item, ordersOf, sandbox, type Api, type Node } from './helpers';

describe('scans cut short', () => {
  let a: Api;
  let portin: Node;
  /** The one order every faulted page holds: in exception, so it matches the filter and needs attention. */
  let order: { id: string };

  /** Every port-in list request (up to far more than a cut scan makes) answers the same page, claiming 10^9 pages. */
  async function endlessPages(): Promise<void> {
    const body = JSON.stringify({ data: [order], meta: { page_number: 1, page_size: 250, total_pages: 1e9, total_results: 250e9 } });
    await sandbox.fault({ method: 'GET', path: '/v2/porting_orders', times: 100 }, { body });
  }

  function warnings(children: Node[]): string[] {
    return children.filter((n) => contextOf(a, n) === 'warning').map((n) => String(item(a, n).label));
  }

  before(async () => {
    a = await freshSession({ pageSize: 5 });
    const seeded = (await sandbox.seed()).portinOrders.find((o) => o.status.value === 'exception');
    assert.ok(seeded, 'the seed has a port-in in exception');
    order = seeded;
    [portin] = await childrenOf(a);
    // Page 1 of the root is read before the fault, so only the scans below meet it.
    assert.ok(ordersOf(a, await childrenOf(a, portin!)).length > 0);
  });
  afterEach(async () => {
    await fetch(`${CONTROL}/__sandbox/faults`, { method: 'DELETE', headers: controlHeaders() });
  });
  after(async () => {
    await vscode.commands.executeCommand('telnyxPorting.clearFilter');
  });

  it('Needs attention shows a warning row when its scan was cut short', async () => {
    const attention = (await childrenOf(a, portin)).find((n) => contextOf(a, n) === 'attention:portin');
    assert.ok(attention, 'a Needs attention group');
    await endlessPages();
    const children = await childrenOf(a, attention);
    assert.deepEqual(
      ordersOf(a, children).map((n) => n.order!.id),
      [order.id],
    );
    assert.deepEqual(warnings(children), ['Some records may be missing']);
  });

  it('Filter by Status shows a warning row when its scan was cut short', async () => {
    await endlessPages();
    const count = await vscode.commands.executeCommand<number>('telnyxPorting.filterByStatus', portin, ['exception']);
    assert.equal(count, 1);
    const children = await childrenOf(a, portin);
    assert.deepEqual(
      ordersOf(a, children).map((n) => n.order!.id),
      [order.id],
    );
    assert.deepEqual(warnings(children), ['Some records may be missing']);
  });

  it('Find Order shows a warning row under the root whose scan was cut short', async () => {
    await endlessPages();
    // A whole id is no number or key: only a scan of every page finds it.
    const found = await vscode.commands.executeCommand<number>('telnyxPorting.findOrder', order.id);
    assert.equal(found, 1);
    assert.deepEqual(warnings(await childrenOf(a, portin)), ['Some records may be missing']);
  });
});
