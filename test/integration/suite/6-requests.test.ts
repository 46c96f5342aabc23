import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contextOf, freshSession, sandbox, type Api } from './helpers';

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
    const [portin, portout] = await a.services.tree.getChildren();
    const pin = await a.services.tree.getChildren(portin);
    const pout = await a.services.tree.getChildren(portout);
    const pinOrder = pin.find((n) => contextOf(a, n).startsWith('order:'))!;
    const poutOrder = pout.find((n) => contextOf(a, n).startsWith('order:'))!;
    await a.services.tree.getChildren(pinOrder);
    await a.services.tree.getChildren(poutOrder);
    await a.services.tree.getChildren(pin[0]);
    await a.services.tree.getChildren(pout[0]);
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
