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
    const seen = (await sandbox.requests()).map((r) => `${r.method} ${r.path}?${decodeURIComponent(r.query)}`);
    assert.deepEqual(seen, [
      'GET /v2/porting_orders?sort[value]=-created_at&page[number]=1&page[size]=10',
      'GET /v2/portouts?page[number]=1&page[size]=10',
      `GET /v2/porting/events?filter[porting_order_id]=${pinOrder.order!.id}&page[number]=1&page[size]=10`,
      `GET /v2/portouts/events?filter[portout_id]=${poutOrder.order!.id}&page[number]=1&page[size]=10`,
      'GET /v2/porting/events?page[number]=1&page[size]=10',
      'GET /v2/portouts/events?page[number]=1&page[size]=10',
    ]);
    assert.ok((await sandbox.requests()).every((r) => r.status === 200));
  });
});
