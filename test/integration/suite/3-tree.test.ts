import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { tooltipOf, childrenOf, contextOf, eventsOf, freshSession, item, LIST_ORDERS, loadToEnd, newestFirst, ordersOf, readable, sandbox, type Api, type Node, type Seed } from './helpers';

// Written out here, not imported from the extension, so a wrong entry in its direction table fails a test.
const PORTIN_LOOK: Record<string, [string, string]> = {
  draft: ['Draft', 'edit'],
  'in-process': ['In process', 'sync'],
  submitted: ['Submitted', 'send'],
  exception: ['Exception', 'warning'],
  'foc-date-confirmed': ['FOC date confirmed', 'calendar'],
  ported: ['Ported', 'pass-filled'],
  cancelled: ['Cancelled', 'circle-slash'],
  'cancel-pending': ['Cancel pending', 'clock'],
};
const PORTOUT_LOOK: Record<string, [string, string]> = {
  pending: ['Pending', 'clock'],
  authorized: ['Authorized', 'verified'],
  ported: ['Ported', 'pass-filled'],
  rejected: ['Rejected', 'error'],
  'rejected-pending': ['Rejected (pending)', 'warning'],
  canceled: ['Canceled', 'circle-slash'],
};
const PAGE = 10;

// The API documents no sort for port-outs and both events lists: the tree must show newest first whatever
// order the server lists them in, so every test here runs with the sandbox listing each way.
for (const listOrder of LIST_ORDERS) describe(`tree (server lists ${listOrder})`, () => {
  let a: Api;
  let seed: Seed;
  let portin: Node;
  let portout: Node;

  before(async () => {
    a = await freshSession({ pageSize: PAGE });
    await sandbox.config({ listOrder });
    a.services.tree.refreshAll();
    seed = await sandbox.seed();
    [portin, portout] = await childrenOf(a);
  });
  after(() => sandbox.config({ listOrder: 'desc' }));

  it('has the two roots, Port-in and Port-out', async () => {
    const roots = await childrenOf(a);
    assert.deepEqual(roots.map((r) => item(a, r).label), ['Port-in', 'Port-out']);
    assert.deepEqual(roots.map((r) => contextOf(a, r)), ['root:portin', 'root:portout']);
    assert.equal(item(a, roots[0]!).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  it('shows the first page of port-in orders as the seed has them, newest first, then Load more', async () => {
    const children = await childrenOf(a, portin);
    assert.equal(contextOf(a, children[0]!), 'recent:portin');
    const orders = ordersOf(a, children);
    const expected = newestFirst(seed.portinOrders).slice(0, PAGE);
    assert.deepEqual(orders.map((o) => o.order!.id), expected.map((o) => o.id));
    for (const [i, node] of orders.entries()) {
      const o = expected[i]!;
      const ti = item(a, node);
      const label = String(ti.label);
      const first = o.phone_numbers[0]?.phone_number;
      // The first number grouped for reading (its digits, spaced), then the count; the reference ends the description.
      if (first) assert.ok(readable(label, first), `${label} should start with ${first}, grouped`);
      if (first && o.customer_reference) {
        assert.ok(!label.includes(o.customer_reference) && String(ti.description).endsWith(` · ${o.customer_reference}`), `${label} — ${String(ti.description)}: the reference comes last`);
      }
      const [statusLabel, icon] = PORTIN_LOOK[o.status.value]!;
      // Orders waiting on the account say for how long ("Exception for 9 d"), the others how long ago they changed.
      assert.ok(String(ti.description).startsWith(`${statusLabel} · `) || String(ti.description).startsWith(`${statusLabel} for `), String(ti.description));
      assert.equal((ti.iconPath as vscode.ThemeIcon).id, icon);
      assert.ok((ti.iconPath as vscode.ThemeIcon).color, 'status icons are coloured');
      assert.equal(ti.contextValue, `order:portin:${o.status.value}`);
      assert.equal(ti.tooltip, undefined, 'tooltips are built on hover, not per render');
      assert.ok(tooltipOf(a, node).value.includes(o.id));
      assert.equal(ti.id, `portin/order/${o.id}`);
    }
    const more = children.at(-1)!;
    assert.equal(contextOf(a, more), 'loadMore');
    assert.equal(item(a, more).label, 'Load more…');
  });

  it('shows port-outs with their support key, status and icon', async () => {
    const orders = ordersOf(a, await childrenOf(a, portout));
    // At least a page; more when the server lists oldest first and its last page is short (it is topped up).
    assert.ok(orders.length >= PAGE, `${orders.length} port-outs shown`);
    const expected = newestFirst(seed.portoutOrders).slice(0, orders.length);
    assert.deepEqual(orders.map((o) => o.order!.id), expected.map((o) => o.id));
    for (const [i, node] of orders.entries()) {
      const o = expected[i]!;
      const ti = item(a, node);
      assert.ok(readable(String(ti.label), o.phone_numbers[0]!), String(ti.label));
      assert.ok(String(ti.description).endsWith(` · ${o.support_key}`), String(ti.description));
      const [statusLabel, icon] = PORTOUT_LOOK[o.status]!;
      assert.ok(String(ti.description).startsWith(statusLabel), String(ti.description));
      assert.equal((ti.iconPath as vscode.ThemeIcon).id, icon);
      assert.equal(ti.contextValue, `order:portout:${o.status}`);
    }
  });

  it('expands an order to exactly its events, newest first, and Load more adds the next page without duplicates', async () => {
    const orders = ordersOf(a, await childrenOf(a, portin));
    const order = orders.find((o) => seed.portinEvents.filter((e) => e.porting_order_id === o.order!.id).length > PAGE * 2)!;
    assert.ok(order, 'the seed has an order with more than two pages of events');
    const expected = newestFirst(seed.portinEvents.filter((e) => e.porting_order_id === order.order!.id));
    let children = await childrenOf(a, order);
    let events = eventsOf(a, children);
    assert.ok(events.length >= PAGE);
    assert.deepEqual(events.map((e) => e.event!.id), expected.slice(0, events.length).map((e) => e.id));
    const shownFirst = events.length;
    const first = item(a, events[0]!);
    assert.equal(first.command, undefined, 'the click command is resolved on click');
    assert.equal(a.services.tree.resolveTreeItem(first, events[0]!).command?.command, 'telnyxPorting.openEvent');
    assert.equal(first.contextValue, `event:portin:${expected[0]!.payload_status}`);
    assert.doesNotMatch(String(first.label), /porting_order\./, 'labels are words, not raw types');

    const more = children.at(-1)!;
    assert.equal(contextOf(a, more), 'loadMore');
    await vscode.commands.executeCommand('telnyxPorting.loadMore', more);
    children = await childrenOf(a, order);
    events = eventsOf(a, children);
    const ids = events.map((e) => e.event!.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.ok(ids.length > shownFirst, 'Load more added events');
    assert.deepEqual(ids, expected.slice(0, ids.length).map((e) => e.id));
  });

  it('Load more to the end shows every event once and no Load more after the last page', async () => {
    const order = ordersOf(a, await childrenOf(a, portout))[0]!;
    const expected = newestFirst(seed.portoutEvents.filter((e) => e.portout_id === order.order!.id));
    const children = await loadToEnd(a, order, 20);
    assert.equal(eventsOf(a, children).length, children.length, 'no Load more after the last page');
    assert.deepEqual(children.map((n) => n.event!.id), expected.map((e) => e.id));
  });

  it('Recent events starts with the newest event of the direction and stays newest first through Load more', async () => {
    const recent = (await childrenOf(a, portout))[0]!;
    const times = (events: Node[]): number[] => events.map((e) => Date.parse(String(e.event!.created_at)));
    const truth = newestFirst(seed.portoutEvents).map((e) => Date.parse(e.created_at));
    let children = await childrenOf(a, recent);
    let events = eventsOf(a, children);
    assert.ok(events.length >= PAGE);
    assert.deepEqual(times(events), truth.slice(0, events.length));
    const shownFirst = events.length;
    await vscode.commands.executeCommand('telnyxPorting.loadMore', children.at(-1));
    children = await childrenOf(a, recent);
    events = eventsOf(a, children);
    assert.ok(events.length > shownFirst);
    assert.deepEqual(times(events), truth.slice(0, events.length));
  });

  it('an injected 500 shows an error node, and its retry recovers', async () => {
    await sandbox.fault({ path: '/v2/portouts', method: 'GET', times: 3 }, { status: 500 });
    await vscode.commands.executeCommand('telnyxPorting.refreshNode', portout);
    let children = await childrenOf(a, portout);
    const error = children.at(-1)!;
    assert.equal(contextOf(a, error), 'error:server');
    assert.match(String(item(a, error).description), /500/);
    assert.equal(ordersOf(a, children).length, 0);
    await vscode.commands.executeCommand('telnyxPorting.retry', error);
    children = await childrenOf(a, portout);
    const shown = ordersOf(a, children).length;
    assert.ok(shown >= PAGE);
    // Load more while some remain; a server listing oldest first may have shown them all at once.
    assert.equal(contextOf(a, children.at(-1)!), shown < seed.portoutOrders.length ? 'loadMore' : `order:portout:${newestFirst(seed.portoutOrders).at(-1)!.status}`);
  });

  it('keeps node ids stable across a refresh while new events arrive', async () => {
    const recent = (await childrenOf(a, portin))[0]!;
    const before = (await childrenOf(a, recent)).filter((n) => n.event).map((n) => [n.event!.id, n.id]);
    await sandbox.insertEvents({ direction: 'portin', count: 3 });
    await vscode.commands.executeCommand('telnyxPorting.refreshNode', recent);
    const after = new Map((await childrenOf(a, recent)).filter((n) => n.event).map((n) => [n.event!.id, n.id]));
    const kept = before.filter(([id]) => after.has(id));
    assert.ok(kept.length > 0);
    for (const [id, nodeId] of kept) assert.equal(after.get(id), nodeId);
    assert.equal(new Set(after.values()).size, after.size, 'unique');
  });
});
