// What a screen reader says for every kind of row, as VS Code gets it (TreeItem.accessibilityInformation):
// a sentence with what the eye gets from the row's label, description, icon and colour, abbreviations in
// words, and on an error row what activating it does.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, CONTROL, controlHeaders, contextOf, eventsOf, freshSession, item, ordersOf, readable, tooltipOf, sandbox, type Api, type Node, type Seed } from './helpers';

// Written out here, not imported from the extension, so a unit the extension forgets to spell out fails.
const UNITS: Record<string, string> = { min: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' };
/** A row's description as it should be said: "3 h ago · FOC in 36 h" → "3 hours ago, FOC in 36 hours". */
function inWords(description: string): string {
  return description
    .split(' · ')
    .map((part) => part.replace(/\b(\d+) (min|h|d|mo|y)\b/g, (_, n: string, u: string) => `${n} ${UNITS[u]}${n === '1' ? '' : 's'}`))
    .join(', ');
}
function orders(n: number): string {
  return n === 0 ? 'no orders' : `${n} order${n === 1 ? '' : 's'}`;
}
const ABBREVIATED = /\b\d+ (min|h|d|mo|y)\b|·|→|\(\+/;

interface Provider {
  addFresh(direction: unknown, events: readonly unknown[]): void;
  markAllSeen(): void;
}

describe('accessibility: every row says itself as a sentence', function () {
  this.timeout(60_000);
  let a: Api;
  let seed: Seed;
  let portin: Node;
  let portout: Node;
  let watched: Node | undefined;

  const spoken = (n: Node): string => {
    const info = item(a, n).accessibilityInformation;
    assert.ok(info, `${contextOf(a, n)} has no accessibilityInformation`);
    return info.label;
  };
  const child = async (parent: Node, context: string): Promise<Node> => {
    const found = (await childrenOf(a, parent)).find((n) => contextOf(a, n) === context);
    assert.ok(found, `no ${context} row`);
    return found;
  };
  const clearFaults = async (): Promise<void> => {
    await fetch(`${CONTROL}/__sandbox/faults`, { method: 'DELETE', headers: controlHeaders() });
  };

  before(async () => {
    a = await freshSession({ pageSize: 10 });
    seed = await sandbox.seed();
    [portin, portout] = await childrenOf(a);
  });
  after(async () => {
    await clearFaults();
    if (watched) await vscode.commands.executeCommand('telnyxPorting.unwatchOrder', watched);
    await vscode.commands.executeCommand('telnyxPorting.clearFilter');
    (a.services.tree as unknown as Provider).markAllSeen();
    a.services.tree.refreshAll();
  });

  it('roots: direction, how many orders, and the filter', async () => {
    await childrenOf(a, portin);
    await childrenOf(a, portout);
    assert.equal(spoken(portin), `Port-in, ${orders(seed.portinOrders.length)}`);
    assert.equal(spoken(portout), `Port-out, ${orders(seed.portoutOrders.length)}`);
    await vscode.commands.executeCommand('telnyxPorting.filterByStatus', portout, ['rejected']);
    await childrenOf(a, portout);
    const rejected = seed.portoutOrders.filter((o) => o.status === 'rejected').length;
    assert.equal(spoken(portout), `Port-out, ${orders(rejected)}, filtered by Rejected`);
    await vscode.commands.executeCommand('telnyxPorting.clearFilter', portout);
    await childrenOf(a, portout);
    assert.equal(spoken(portout), `Port-out, ${orders(seed.portoutOrders.length)}`);
  });

  it('groups: Recent events and Needs attention, with its count once opened', async () => {
    assert.equal(spoken(await child(portin, 'recent:portin')), 'Recent events: all Port-in events, newest first');
    const attention = await child(portin, 'attention:portin');
    const urgent = ordersOf(a, await childrenOf(a, attention));
    assert.ok(urgent.length > 0, 'the seed has port-ins needing attention');
    assert.equal(spoken(attention), `Needs attention, ${orders(urgent.length)}`);
  });

  it('orders: numbers, reference, status and time in words, as the row shows them', async () => {
    const rows = ordersOf(a, await childrenOf(a, portin), 'portin');
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const ti = item(a, row);
      const said = spoken(row);
      const o = seed.portinOrders.find((x) => x.id === row.order!.id)!;
      const first = o.phone_numbers[0]?.phone_number;
      // The number as the row shows it, grouped for reading.
      if (first) assert.ok(readable(String(ti.label), first) && said.startsWith(String(ti.label).split(' (+')[0]!), `${said} should start with ${first} as the row shows it`);
      if (o.phone_numbers.length > 1) assert.match(said, / and \d+ more numbers?, /);
      if (o.customer_reference) assert.ok(said.includes(o.customer_reference), `${said} lacks ${o.customer_reference}`);
      assert.ok(said.includes(inWords(String(ti.description))), `"${said}" does not say "${String(ti.description)}"`);
      assert.doesNotMatch(said, ABBREVIATED);
      assert.doesNotMatch(said, /watched/);
    }
  });

  it('Watched: the group counts its orders, and a watched order says so', async () => {
    const row = ordersOf(a, await childrenOf(a, portin), 'portin')[0]!;
    assert.equal(await vscode.commands.executeCommand('telnyxPorting.watchOrder', row), true);
    watched = row;
    const group = await child(portin, 'watched:portin');
    assert.equal(spoken(group), 'Watched, 1 order');
    const [inGroup] = ordersOf(a, await childrenOf(a, group));
    assert.ok(inGroup);
    assert.match(spoken(inGroup), /, watched$/);
    assert.match(spoken(row), /, watched$/, 'the same order in the list');
    assert.equal(await vscode.commands.executeCommand('telnyxPorting.unwatchOrder', row), true);
    watched = undefined;
    assert.doesNotMatch(spoken(row), /watched/);
  });

  it('events under an order: what changed, when, and whether the payload is ready', async () => {
    const order = ordersOf(a, await childrenOf(a, portin), 'portin').find((o) => seed.portinEvents.some((e) => e.porting_order_id === o.order!.id));
    assert.ok(order, 'an order of the first page has events');
    const rows = eventsOf(a, await childrenOf(a, order));
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const ti = item(a, row);
      const said = spoken(row);
      const [kind, change] = String(ti.label).split(' → ');
      assert.ok(said.startsWith(change ? `${kind} to ${change}, ` : `${kind}, `), said);
      assert.ok(said.includes(inWords(String(ti.description).split(' · ')[0]!)), `"${said}" lacks the time of "${String(ti.description)}"`);
      assert.match(said, row.event!.payload_status === 'created' ? /, payload not generated yet/ : /, payload ready/);
      // A comment's words are quoted as Telnyx sent them; the rest is the tree's own.
      assert.doesNotMatch(said.replace(/“.*”/, ''), ABBREVIATED);
      assert.doesNotMatch(said, /, order [0-9a-f]{8}$/, 'under its order the order is not repeated');
    }
  });

  it('events in Recent events: a status change, a payload not generated yet, a new one, one being republished', async () => {
    const [status] = await sandbox.insertEvents({ direction: 'portin', count: 1, eventType: 'porting_order.status_changed', status: 'exception' });
    const [pending] = await sandbox.insertEvents({ direction: 'portin', count: 1, pending: true, eventType: 'porting_order.new_comment' });
    a.services.tree.refreshAll();
    const recent = await child(portin, 'recent:portin');
    const rows = eventsOf(a, await childrenOf(a, recent));
    const pendingRow = rows.find((n) => n.event!.id === pending!.id)!;
    const statusRow = rows.find((n) => n.event!.id === status!.id)!;
    assert.ok(pendingRow && statusRow, 'both inserted events are listed');
    const when = (n: Node): string => inWords(String(item(a, n).description).split(' · ')[0]!);

    assert.equal(spoken(statusRow), `Status changed to exception, ${when(statusRow)}, payload ready, Port-in order ${status!.porting_order_id!.slice(0, 8)}`);
    assert.equal(spoken(pendingRow), `New comment, ${when(pendingRow)}, payload not generated yet, Port-in order ${pending!.porting_order_id!.slice(0, 8)}`);

    // As the watcher hands over an event that arrived while watching: marked new until opened.
    const provider = a.services.tree as unknown as Provider;
    provider.addFresh((portin as unknown as { direction: unknown }).direction, [pending]);
    try {
      assert.match(String(item(a, pendingRow).description), /^New · /);
      assert.equal(spoken(pendingRow), `New comment, new, ${inWords(String(item(a, pendingRow).description).split(' · ')[1]!)}, payload not generated yet, Port-in order ${pending!.porting_order_id!.slice(0, 8)}`);
    } finally {
      provider.markAllSeen();
    }

    // The spinner a republish shows on the row is said too.
    statusRow.busy = 'Republishing…';
    try {
      assert.match(spoken(statusRow), /^Status changed to exception, Republishing…, /);
    } finally {
      statusRow.busy = undefined;
    }
  });

  it('Load more: how many are shown of how many, and Loading while it loads', async () => {
    a.services.tree.refreshAll();
    const more = (await childrenOf(a, portin)).at(-1)!;
    assert.equal(contextOf(a, more), 'loadMore');
    assert.equal(spoken(more), `Load more, 10 of ${seed.portinOrders.length} shown`);
    const loading = (portin as unknown as { loadMore(): Promise<void> }).loadMore();
    assert.equal(spoken(more), `Loading more, 10 of ${seed.portinOrders.length} shown`);
    await loading;
  });

  it('error rows say what activating them does: a refused key updates the key', async () => {
    await sandbox.fault({ path: '/v2/porting_orders', method: 'GET', times: 1 }, { status: 401 });
    a.services.tree.refreshAll();
    const error = (await childrenOf(a, portin)).at(-1)!;
    assert.equal(contextOf(a, error), 'error:auth');
    const ti = item(a, error);
    assert.equal(ti.label, 'API key refused: Update API Key…');
    assert.equal(ti.command?.title, 'Update API Key…');
    assert.match(tooltipOf(a, error).value.replace(/&nbsp;/g, ' '), /Click to update the API key/, 'the tooltip says what a click does');
    assert.match(spoken(error), /^Error: API key refused, .*401.*\. Activate to update the API key\.$/);
    assert.doesNotMatch(`${String(ti.label)} ${spoken(error)}`, /retry/i);
    await clearFaults();
  });

  it('error rows say what activating them does: anything else loads again', async () => {
    await sandbox.fault({ path: '/v2/porting_orders', method: 'GET', times: 1 }, { status: 422, detail: 'page[size] is out of range' });
    a.services.tree.refreshAll();
    const error = (await childrenOf(a, portin)).at(-1)!;
    assert.equal(contextOf(a, error), 'error:invalid');
    const ti = item(a, error);
    assert.equal(ti.label, 'Could not load: Retry');
    assert.equal(ti.command?.title, 'Retry');
    assert.match(spoken(error), /^Error: Could not load, .*page\[size\] is out of range.*\. Activate to load it again\.$/);
    await clearFaults();
  });

  it('warning rows: an entry Telnyx sent that is not a record', async () => {
    const body = JSON.stringify({ data: [42], meta: { page_number: 1, page_size: 10, total_pages: 1, total_results: 1 } });
    await sandbox.fault({ path: '/v2/porting_orders', method: 'GET', times: 1 }, { body });
    a.services.tree.refreshAll();
    const warning = (await childrenOf(a, portin)).find((n) => contextOf(a, n) === 'warning');
    assert.ok(warning, 'a warning row');
    assert.match(spoken(warning), /^Warning: Unreadable record, Record 1 of page 1 of .* could not be read: expected an object, got number\.$/);
    await clearFaults();
    a.services.tree.refreshAll();
  });
});
