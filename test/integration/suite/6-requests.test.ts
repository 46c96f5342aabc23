import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, freshSession, ordersOf, sandbox, type Api } from './helpers';

describe('requests on the wire', () => {
  let a: Api;
  before(async () => {
    // Open payload tabs of earlier tests would be read again on the key change: they are not part of this check.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    a = await freshSession({ pageSize: 10 });
  });

  it('uses exactly the paths and query strings of the API facts for both directions', async () => {
    a.services.tree.refreshAll();
    await sandbox.clearRequests();
    const [portin, portout] = await childrenOf(a);
    const pin = await childrenOf(a, portin);
    const pout = await childrenOf(a, portout);
    const pinOrder = ordersOf(a, pin)[0]!;
    const poutOrder = ordersOf(a, pout)[0]!;
    await childrenOf(a, pinOrder);
    await childrenOf(a, poutOrder);
    await childrenOf(a, pin[0]);
    await childrenOf(a, pout[0]);
    const log = await sandbox.requests();
    const seen = log.map((r) => `${r.method} ${r.path}?${decodeURIComponent(r.query)}`);
    const expected = [
      'GET /v2/porting_orders?sort[value]=-created_at&page[number]=1&page[size]=10',
      'GET /v2/portouts?page[number]=1&page[size]=10',
      `GET /v2/porting/events?filter[porting_order_id]=${pinOrder.order!.id}&page[number]=1&page[size]=10`,
      `GET /v2/portouts/events?filter[portout_id]=${poutOrder.order!.id}&page[number]=1&page[size]=10`,
      'GET /v2/porting/events?page[number]=1&page[size]=10',
      'GET /v2/portouts/events?page[number]=1&page[size]=10',
    ];
    // The view shows the tree too and may read the same nodes at the same time (the refresh above tells it to), so
    // the log may hold a request twice, in any order; each must be one of these, and each of these must be there.
    assert.deepEqual([...new Set(seen)].sort(), [...expected].sort(), seen.join('\n'));
    assert.ok(log.every((r) => r.status === 200), seen.join('\n'));
  });
});
