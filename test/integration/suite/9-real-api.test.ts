// What the real API allows and our old assumptions did not: loads overtaken by a filter or a refresh, reads of a
// payload overtaken by a newer one, records without ids or that are not records, an event without created_at,
// a republish answered 502 after Telnyx did it, and the port-out events path settled without a POST.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, configure, contextOf, freshSession, item, ownRequests, sandbox, whileHeld, withStubs, type Api, type Node } from './helpers';

interface Docs {
  readFile(uri: vscode.Uri): Promise<Uint8Array>;
  refresh(uri: vscode.Uri): void;
}

const ORDER_ID = '7d8e9f00-1111-4222-8333-444455556666';

function page(data: unknown[]): string {
  return JSON.stringify({ data, meta: { page_number: 1, page_size: 10, total_pages: 1, total_results: data.length } });
}

describe('right against the real API', function () {
  this.timeout(60_000);
  let a: Api;
  let portin: Node;
  let portout: Node;

  before(async () => {
    a = await freshSession({ pageSize: 10 });
  });
  beforeEach(async () => {
    await sandbox.reset();
    a.services.tree.refreshAll();
    [portin, portout] = await childrenOf(a);
  });
  after(async () => {
    await vscode.commands.executeCommand('telnyxPorting.clearFilter');
  });

  it('a filter chosen while the unfiltered page is on the wire shows the filtered list, never the stale one', async () => {
    // The unfiltered page is held at the sandbox while the filter is chosen, and answers (late) once let go.
    // First the load the view started on its own after beforeEach's refresh ends: arriving late under load, it
    // took the hold and was then abandoned by the refresh below, leaving nothing held. The exact path keeps a
    // watcher's GET /v2/portouts/events from taking it too.
    await childrenOf(a, portout);
    await sandbox.fault({ method: 'GET', path: '/v2/portouts', exact: true, times: 1 }, { hold: 'unfiltered' });
    await vscode.commands.executeCommand('telnyxPorting.refreshNode', portout);
    const stale = childrenOf(a, portout);
    const filtered = await whileHeld('unfiltered', async ([held]) => {
      assert.equal(new URLSearchParams(held!.query).get('filter[status]'), null, `the held load is the unfiltered one: ${held!.query}`);
      await vscode.commands.executeCommand('telnyxPorting.filterByStatus', portout, ['rejected']);
      return (await childrenOf(a, portout)).filter((n) => n.order);
    });
    const late = (await stale).filter((n) => n.order);
    const seed = await sandbox.seed();
    const rejected = seed.portoutOrders.filter((o) => o.status === 'rejected').map((o) => o.id).sort();
    assert.deepEqual(filtered.map((n) => n.order!.id).sort(), rejected);
    assert.ok(late.every((n) => contextOf(a, n) === 'order:portout:rejected'), 'the overtaken load did not show unfiltered orders');
    const sent = (await sandbox.requests()).filter((r) => r.path === '/v2/portouts').map((r) => new URLSearchParams(r.query).get('filter[status]'));
    assert.ok(sent.includes('rejected'), `the filtered request was sent (${JSON.stringify(sent)})`);
    const after = (await childrenOf(a, portout)).filter((n) => n.order);
    assert.deepEqual(after.map((n) => n.order!.id).sort(), rejected, 'the late unfiltered answer was dropped');
  });

  it('a payload read overtaken by a newer one answers with the newer result', async () => {
    const seed = await sandbox.seed();
    const event = seed.portinEvents.find((e) => e.payload_status === 'completed')!;
    const uri = vscode.Uri.from({ scheme: 'telnyx-porting', path: `/portin/${event.id}/status_changed ${event.id.slice(0, 8)}.json` });
    // The first read gets an old version of the event, held at the sandbox until the second (the real one) is done.
    const old = { ...event, event_type: 'porting_order.stale_version' };
    await sandbox.fault({ method: 'GET', path: `/porting/events/${event.id}`, times: 1 }, { hold: 'first', body: JSON.stringify({ data: old }) });
    const docs = (a.services as unknown as { docs: Docs }).docs;
    const first = docs.readFile(uri);
    const second = await whileHeld('first', async () => docs.readFile(uri));
    const [text1, text2] = [await first, second].map((b) => new TextDecoder().decode(b));
    assert.doesNotMatch(text1!, /stale_version/, 'the overtaken read does not answer with what it fetched');
    assert.equal(text1, text2);
    assert.equal(JSON.parse(text2!).id, event.id);
  });

  it('records without an id get unique, stable rows; an entry that is not a record is one warning row, not a failed list', async () => {
    const noId = (ref: string) => ({ status: 'pending', support_key: ref, phone_numbers: ['+13125550100'], created_at: '2026-11-20T10:00:00Z' });
    await childrenOf(a, portout);
    await sandbox.fault({ method: 'GET', path: '/v2/portouts', exact: true, times: 2 }, { body: page([noId('PO_A1'), noId('PO_B2'), 'not a record', { id: 42 }]) });
    await vscode.commands.executeCommand('telnyxPorting.refreshNode', portout);
    const children = await childrenOf(a, portout);
    const orders = children.filter((n) => n.order);
    assert.equal(orders.length, 2);
    assert.notEqual(orders[0]!.id, orders[1]!.id);
    assert.deepEqual(orders.map((n) => contextOf(a, n)), ['orderWithoutId:portout', 'orderWithoutId:portout'], 'no order actions on a record without id');
    assert.equal(item(a, orders[0]!).collapsibleState, vscode.TreeItemCollapsibleState.None, 'nothing to expand without an id');
    const warnings = children.filter((n) => contextOf(a, n) === 'warning');
    assert.equal(warnings.length, 2);
    assert.match(String(item(a, warnings[0]!).description), /could not be read: expected an object, got string/);
    assert.ok(!children.some((n) => contextOf(a, n).startsWith('error:')), 'the list did not fail');
    // The same records again give the same node ids.
    const ids = orders.map((n) => n.id);
    await vscode.commands.executeCommand('telnyxPorting.refreshNode', portout);
    assert.deepEqual((await childrenOf(a, portout)).filter((n) => n.order).map((n) => n.id), ids);

    // Export of an order without an id refuses instead of exporting the whole direction.
    await sandbox.clearRequests();
    const { result: exported, calls } = await withStubs({ showErrorMessage: async () => undefined }, () =>
      vscode.commands.executeCommand<number | undefined>('telnyxPorting.exportEvents', orders[0]),
    );
    assert.equal(exported, undefined);
    assert.match(String(calls.showErrorMessage[0]?.[0]), /no id/);
    // An export reads pages of 250; the view's own reads of Recent events (pages of 10) may land here meanwhile.
    const { own, seen } = await ownRequests((r) => r.path.includes('events') && new URLSearchParams(r.query).get('page[size]') !== '10');
    assert.deepEqual(own, [], `no events were requested (all seen: ${seen})`);
  });

  it('places porting_order.deleted, which has no top-level created_at, by its payload deleted_at', async () => {
    const at = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    const ev = (id: string, h: number) => ({ id, event_type: 'porting_order.status_changed', porting_order_id: ORDER_ID, payload_status: 'completed', created_at: at(h), payload: { status: { value: 'submitted' } } });
    const deleted = {
      id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3',
      event_type: 'porting_order.deleted',
      porting_order_id: ORDER_ID,
      payload_status: 'completed',
      available_notification_methods: ['email'],
      payload: { id: ORDER_ID, customer_reference: 'ref', deleted_at: at(5), created_at: at(100), updated_at: at(5), record_type: 'porting_event' },
    };
    await sandbox.fault({ method: 'GET', path: '/v2/porting/events', times: 1 }, { body: page([ev('11111111-1111-4111-8111-111111111111', 1), ev('22222222-2222-4222-8222-222222222222', 10), deleted]) });
    const recent = (await childrenOf(a, portin))[0]!;
    const events = (await childrenOf(a, recent)).filter((n) => n.event);
    assert.deepEqual(events.map((n) => n.event!.id), ['11111111-1111-4111-8111-111111111111', deleted.id, '22222222-2222-4222-8222-222222222222']);
    assert.match(String(item(a, events[1]!).description), /^5 h ago/);
  });

  it('a republish answered 502 after Telnyx processed it is reported as may-have-been-sent and never resent on its own', async () => {
    const seed = await sandbox.seed();
    const event = seed.portinEvents[0]!;
    await sandbox.fault({ method: 'POST', path: '/republish' }, { statusAfterProcessing: 502 });
    const { result, calls } = await withStubs(
      { showWarningMessage: async (message: string) => (String(message).startsWith('Republish "') ? 'Republish' : undefined) },
      () => vscode.commands.executeCommand<string>('telnyxPorting.republishEvent', event.id),
    );
    assert.equal(result, 'unknown');
    const told = calls.showWarningMessage.map((c) => String(c[0])).find((m) => !m.startsWith('Republish "'));
    assert.match(String(told), /may or may not have been processed/);
    assert.ok(calls.showWarningMessage.some((c) => c.includes('Send Again')), 'Send Again is offered, not Retry');
    assert.equal((await sandbox.republishes()).length, 1, 'processed once');
    assert.equal((await sandbox.requests()).filter((r) => r.method === 'POST').length, 1, 'sent once');
  });

  it('settles the port-out events path with a GET: the republish POST goes once, to the path that answers', async () => {
    await sandbox.config({ portoutEventsPath: 'portout' });
    // An event row from the tree, then a fresh client (a settings change) that knows no events path yet: the
    // republish is the first thing it sends, so the old code probed with a POST to the spec path first.
    const order = (await childrenOf(a, portout)).find((n) => n.order)!;
    const node = (await childrenOf(a, order)).find((n) => n.event)!;
    assert.ok(node, 'a port-out event row');
    await configure({ pageSize: 11 });
    await sandbox.clearRequests();
    const { result } = await withStubs({ showWarningMessage: async () => 'Republish', showInformationMessage: async () => undefined }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.republishEvent', node),
    );
    assert.equal(result, 'sent');
    const posts = (await sandbox.requests()).filter((r) => r.method === 'POST').map((r) => r.path);
    await configure({ pageSize: 10 });
    assert.deepEqual(posts, [`/v2/portout/events/${node.event!.id}/republish`]);
  });
});
