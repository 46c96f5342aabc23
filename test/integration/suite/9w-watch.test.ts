// Watching in the real VS Code: events the sandbox adds while the extension runs become rows on top, a badge
// and notifications; a status event updates its order's row; a payload not generated yet completes; a 500
// during a tick loses nothing. Ticks are run through the extension (its watch loop), not by waiting for timers.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WatchLoop } from '../../../src/watching/watchLoop';
import { childrenOf, configure, contextOf, CONTROL, controlHeaders, eventsOf, freshSession, item, ordersOf, ownRequests, sandbox, setKey, until, withStubs, type Api, type LoggedRequest, type Node } from './helpers';

/** A watch tick's read: an events list in pages of 250. The view's reads of the tree (pages of its page size) are not. */
const isTick = (r: LoggedRequest): boolean => r.path.endsWith('/events') && new URLSearchParams(r.query).get('page[size]') === '250';

interface WatchApi {
  services: {
    watch: { lastProblem?: string; env: { focused(): boolean; now?(): number }; reschedule(): Promise<number | undefined>; tickNow(): Promise<{ leading: boolean; result?: { fresh: { event: { id: string } }[]; completed: unknown[]; errors: unknown[] }; notify: unknown[] } | undefined> };
    treeView: vscode.TreeView<unknown>;
    tree: { unseenCount: number; markAllSeen(): void };
  };
}

describe('watching for new events', function () {
  this.timeout(60_000);
  let a: Api;
  let w: WatchApi['services'];
  let portin: Node;
  let portout: Node;

  /** One tick with notifications answered by `answer`; returns what the tick found and the notifications shown. */
  async function tick(answer: string | undefined = undefined) {
    const { result, calls } = await withStubs({ showInformationMessage: async () => answer }, () => w.watch.tickNow());
    if (result === undefined) console.log(`    (tick did not run: ${w.watch.lastProblem})`);
    return { out: result, shown: calls.showInformationMessage };
  }

  before(async () => {
    // Open order documents are read again whenever the key or account changes: none may land inside a tick's count.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // On (the product's default; the run's settings turn it off for the other suites), with no timer tick during the test.
    a = await freshSession({ pageSize: 10, 'watch.enabled': true, 'watch.intervalSeconds': 3600 });
    w = (a as unknown as WatchApi).services;
    [portin, portout] = await childrenOf(a);
    // The first tick only learns where the lists end: history is not news.
    const first = await tick();
    assert.equal(first.out?.leading, true, 'this window polls');
    assert.equal(first.out?.result?.fresh.length, 0, 'nothing is new on the first tick');
    assert.equal(first.shown.length, 0);
  });
  after(async () => {
    await configure({ 'watch.enabled': false, 'watch.intervalSeconds': undefined });
    w.tree.markAllSeen();
  });

  it('an idle tick is one small request per direction, asking only for what is new', async () => {
    await sandbox.clearRequests();
    const { out, shown } = await tick();
    assert.equal(out?.result?.fresh.length, 0);
    assert.equal(shown.length, 0);
    const { own: reqs, seen } = await ownRequests(isTick);
    assert.deepEqual(reqs.map((r) => r.path).sort(), ['/v2/porting/events', '/v2/portouts/events'], `all seen: ${seen}`);
    assert.ok(reqs.every((r) => new URLSearchParams(r.query).has('filter[created_at][gte]')), 'bounded by created_at');
  });

  it('new events appear on top of Recent events, marked new, counted on the badge, and notify what needs action', async () => {
    const recent = (await childrenOf(a, portout))[0]!;
    await childrenOf(a, recent); // Recent events loaded, as a user would have it open
    const order = (await sandbox.seed()).portoutOrders.find((o) => o.status === 'authorized')!;
    const [foc] = await sandbox.insertEvents({ direction: 'portout', orderId: order.id, count: 1, eventType: 'portout.foc_date_changed' });
    const { out, shown } = await tick();
    assert.deepEqual(out?.result?.fresh.map((f) => f.event.id), [foc!.id]);
    const rows = eventsOf(a, await childrenOf(a, recent));
    assert.equal(rows[0]!.event!.id, foc!.id, 'the new event is the first row');
    assert.match(String(item(a, rows[0]!).description), /^New · /);
    assert.doesNotMatch(String(item(a, rows[1]!).description), /^New · /);
    assert.equal(w.tree.unseenCount, 1);
    assert.equal(w.treeView.badge?.value, 1);
    assert.equal(shown.length, 1, 'one notification');
    const [line, ...actions] = shown[0] as string[];
    assert.match(String(line), new RegExp(`^Port-out .*${order.support_key}`), String(line));
    assert.match(String(line), /FOC date changed/);
    assert.deepEqual(actions, ['Open Event', 'Reveal Order']);
    // Opening the event makes it seen: the mark and the badge go.
    await vscode.commands.executeCommand('telnyxPorting.openEvent', rows[0]);
    assert.equal(w.tree.unseenCount, 0);
    assert.equal(w.treeView.badge, undefined);
    assert.doesNotMatch(String(item(a, rows[0]!).description), /^New · /);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("a new comment's notification offers Reply, which opens the order's thread to answer in", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const order = ordersOf(a, await childrenOf(a, portin))[0]!.order!;
    const [comment] = await sandbox.insertEvents({ direction: 'portin', orderId: order.id, count: 1, eventType: 'porting_order.new_comment' });
    const { out, shown } = await tick('Reply');
    assert.deepEqual(out?.result?.fresh.map((f) => f.event.id), [comment!.id]);
    assert.equal(shown.length, 1, 'notified');
    assert.deepEqual((shown[0] as string[]).slice(1), ['Reply', 'Reveal Order'], 'Reply first: a comment is answered, not read as JSON');
    // The action runs once the notification is answered, after the tick.
    await until(() => vscode.window.activeTextEditor?.document.uri.path.includes(order.id) === true, "the order's document opened");
    assert.equal(vscode.window.activeTextEditor!.document.uri.scheme, 'telnyx-porting');
    await until(async () => (await sandbox.requests()).some((r) => r.method === 'GET' && r.path === `/v2/porting_orders/${order.id}/comments`), 'its comments were read');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    w.tree.markAllSeen();
  });

  it('a notification names an order the tree has not loaded the way its row would: numbers first, then its reference', async () => {
    const loaded = new Set(ordersOf(a, await childrenOf(a, portin)).map((n) => n.order!.id));
    const order = (await sandbox.seed()).portinOrders.find((o) => !loaded.has(o.id) && o.customer_reference && o.phone_numbers.length > 0)!;
    assert.ok(order, 'a port-in order beyond the first page');
    await sandbox.insertEvents({ direction: 'portin', orderId: order.id, count: 1, eventType: 'porting_order.status_changed', status: 'exception' });
    const { shown } = await tick();
    assert.equal(shown.length, 1);
    const line = String(shown[0]![0]);
    // Before, the payload's reference alone: "Port-in NW-2025-0003 → Exception".
    const m = /^Port-in (\+[\d ]+)(?: \(\+\d+\))? · (.+) → Exception/.exec(line);
    assert.ok(m, line);
    assert.equal(m[1]!.replace(/ /g, ''), order.phone_numbers[0]!.phone_number, 'its first number, grouped for reading');
    assert.equal(m[2], order.customer_reference);
    w.tree.markAllSeen();
  });

  it('a burst is one notification, not a wall of them; Mark All as Seen clears the badge', async () => {
    for (let i = 0; i < 5; i++) await sandbox.insertEvents({ direction: 'portout', count: 1, eventType: 'portout.foc_date_changed' });
    await sandbox.insertEvents({ direction: 'portin', count: 3, eventType: 'porting_order.loa_updated' });
    const { out, shown } = await tick();
    assert.equal(out?.result?.fresh.length, 8);
    assert.equal(shown.length, 1, 'one notification for the burst');
    assert.match(String(shown[0]![0]), /5 port-out events?.*5 need action|3 port-in and 5 port-out events, 5 need action/);
    assert.equal(w.tree.unseenCount, 8);
    await vscode.commands.executeCommand('telnyxPorting.markAllSeen');
    assert.equal(w.tree.unseenCount, 0);
    assert.equal(w.treeView.badge, undefined);
  });

  it('a status event updates its order row: status, icon and description', async () => {
    const rows = ordersOf(a, await childrenOf(a, portin));
    const row = rows.find((n) => contextOf(a, n) !== 'order:portin:exception')!;
    await sandbox.insertEvents({ direction: 'portin', orderId: row.order!.id, count: 1, eventType: 'porting_order.status_changed', status: 'exception' });
    const { shown } = await tick();
    assert.equal(contextOf(a, row), 'order:portin:exception', 'the row shows the new status');
    assert.match(String(item(a, row).description), /^Exception for /);
    assert.equal((item(a, row).iconPath as vscode.ThemeIcon).id, 'warning');
    assert.match(String(shown[0]?.[0]), /Exception/);
    w.tree.markAllSeen();
  });

  it('a payload not generated yet is reported once when it completes', async () => {
    const [pending] = await sandbox.insertEvents({ direction: 'portout', count: 1, pending: true, eventType: 'portout.new_comment' });
    const first = await tick();
    assert.deepEqual(first.out?.result?.fresh.map((f) => f.event.id), [pending!.id]);
    assert.equal(first.shown.length, 0, 'who wrote a comment is not known until its payload is');
    // Its document, open meanwhile, says the payload is not generated yet, then shows it once it is.
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('telnyxPorting.openEvent', pending!.id);
    assert.match(editor.document.getText(), /not generated this event's payload yet/);
    await sandbox.complete({ direction: 'portout', ids: [pending!.id] });
    const second = await tick();
    assert.equal(second.out?.result?.completed.length, 1);
    await until(() => !/not generated/.test(editor.document.getText()), 'the open document shows the payload');
    assert.equal(JSON.parse(editor.document.getText()).payload_status, 'completed', 'the open document updated');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(second.shown.length, 1, 'notified once, by its real kind');
    const third = await tick();
    assert.equal(third.out?.result?.completed.length, 0);
    assert.equal(third.shown.length, 0, 'not twice');
    w.tree.markAllSeen();
  });

  it('a 500 during a tick loses nothing: the next tick reports the event once', async () => {
    const [ev] = await sandbox.insertEvents({ direction: 'portout', count: 1, eventType: 'portout.foc_date_changed' });
    // More 500s than the tick's attempts (a document read again meanwhile may take some), cleared afterwards.
    await sandbox.fault({ method: 'GET', path: '/v2/portouts/events', times: 10 }, { status: 500 });
    const failed = await tick();
    await fetch(`${CONTROL}/__sandbox/faults`, { method: 'DELETE', headers: controlHeaders() });
    assert.ok((failed.out?.result?.errors.length ?? 0) > 0, 'the tick failed');
    assert.equal(failed.shown.length, 0);
    const next = await tick();
    assert.deepEqual(next.out?.result?.fresh.map((f) => f.event.id), [ev!.id]);
    assert.equal(next.shown.length, 1);
    const again = await tick();
    assert.equal(again.out?.result?.fresh.length, 0, 'nothing twice');
    w.tree.markAllSeen();
  });

  it('Needs attention lists the orders waiting on the account, longest waiting first, with their clocks', async () => {
    // No sandbox reset here: the watcher's cursor is past what a reset sandbox would stamp new events with.
    a.services.tree.refreshAll();
    const seed = await sandbox.seed();
    for (const [root, waiting, word] of [
      [portin, seed.portinOrders.filter((o) => o.status.value === 'exception').map((o) => o.id), 'Exception'],
      [portout, seed.portoutOrders.filter((o) => o.status === 'pending').map((o) => o.id), 'Pending'],
    ] as const) {
      const group = (await childrenOf(a, root)).find((n) => contextOf(a, n).startsWith('attention:'))!;
      assert.ok(group, 'a Needs attention group under the root');
      // VS Code drew the row before the scan: it must be told to draw it again, or the count never shows.
      item(a, group);
      const redrawn: unknown[] = [];
      const listening = a.services.tree.onDidChangeTreeData((n) => redrawn.push(n));
      const rows = ordersOf(a, await childrenOf(a, group));
      listening.dispose();
      assert.ok(redrawn.includes(group), 'the row was redrawn once its count was known');
      assert.ok(waiting.length > 0);
      for (const id of waiting) assert.ok(rows.some((r) => r.order!.id === id), `waiting order ${id} is listed`);
      const described = rows.map((r) => String(item(a, r).description));
      assert.ok(described.every((d) => d.startsWith(`${word} for `) || / · FOC in \d+ h$/.test(d)), described.join(' | '));
      const waitingRows = described.filter((d) => d.startsWith(`${word} for `)).length;
      assert.equal(waitingRows, waiting.length, 'waiting orders first, then FOC dates');
      assert.ok(described.slice(0, waitingRows).every((d) => d.startsWith(`${word} for `)));
      assert.equal(String(item(a, group).description), String(rows.length));
    }
  });

  it('Watch Order puts an order in a Watched group at the top; with watchedOnly, only its events notify', async () => {
    // No sandbox reset here: the watcher's cursor is past what a reset sandbox would stamp new events with.
    a.services.tree.refreshAll();
    const rows = ordersOf(a, await childrenOf(a, portin)).filter((n) => !contextOf(a, n).startsWith('order:portin:exception'));
    const [watched, other] = [rows[0]!, rows[1]!];
    assert.equal(await vscode.commands.executeCommand('telnyxPorting.watchOrder', watched), true);
    const children = await childrenOf(a, portin);
    assert.equal(contextOf(a, children[0]!), 'watched:portin', 'the Watched group comes first');
    const inGroup = ordersOf(a, await childrenOf(a, children[0]!));
    assert.deepEqual(inGroup.map((n) => n.order!.id), [watched.order!.id]);
    assert.match(contextOf(a, inGroup[0]!), /:watched$/, 'Unwatch is offered on it');

    await configure({ 'watch.watchedOnly': true });
    for (const row of [watched, other]) {
      await sandbox.insertEvents({ direction: 'portin', orderId: row.order!.id, count: 1, eventType: 'porting_order.status_changed', status: 'exception' });
    }
    const { out, shown } = await tick();
    assert.equal(out?.result?.fresh.length, 2, 'both events are new');
    assert.equal(shown.length, 1, 'only the watched order notifies');
    assert.match(String(shown[0]?.[0]), /Exception/);
    await configure({ 'watch.watchedOnly': undefined });

    assert.equal(await vscode.commands.executeCommand('telnyxPorting.unwatchOrder', inGroup[0]), true);
    assert.ok(!(await childrenOf(a, portin)).some((n) => contextOf(a, n).startsWith('watched:')), 'no group once nothing is watched');
    w.tree.markAllSeen();
  });

  it('with a second window on the same account, only one polls and an event is notified once', async () => {
    // A second window's watch loop, sharing this window's global state as VS Code shares it between windows.
    const ext = a as unknown as { context: { globalState: vscode.Memento }; services: ConstructorParameters<typeof WatchLoop>[0] };
    const second = new WatchLoop(ext.services, ext.context.globalState, { focused: () => false, ownerId: 'a-second-window' });
    try {
      await tick(); // this window holds the lease
      const [ev] = await sandbox.insertEvents({ direction: 'portout', count: 1, eventType: 'portout.foc_date_changed' });
      await sandbox.clearRequests();
      const other = await withStubs({ showInformationMessage: async () => undefined }, () => second.tickNow());
      assert.equal(other.result?.leading, false, 'the second window does not poll');
      assert.equal(other.calls.showInformationMessage.length, 0);
      const { own, seen } = await ownRequests(isTick);
      assert.deepEqual(own, [], `no request from the second window (all seen: ${seen})`);
      const first = await tick();
      assert.deepEqual(first.out?.result?.fresh.map((f) => f.event.id), [ev!.id]);
      assert.equal(first.shown.length, 1, 'notified once, by the window that polls');
      const again = await withStubs({ showInformationMessage: async () => undefined }, () => second.tickNow());
      assert.equal(again.calls.showInformationMessage.length, 0, 'not again by the other');
    } finally {
      second.dispose();
      w.tree.markAllSeen();
    }
  });

  it('ticks every interval while the window has focus and at most every 5 minutes while it has not', async () => {
    const env = w.watch.env as { focused(): boolean };
    const real = env.focused;
    try {
      await configure({ 'watch.intervalSeconds': 60 });
      env.focused = () => true;
      assert.equal(await w.watch.reschedule(), 60_000);
      env.focused = () => false;
      assert.equal(await w.watch.reschedule(), 300_000);
    } finally {
      env.focused = real;
      await configure({ 'watch.intervalSeconds': 3600 });
    }
  });

  it('an event between setting the key and the first check is notified, and its order row shows its status (issue 18)', async () => {
    const globalState = (a as unknown as { context: { globalState: vscode.Memento } }).context.globalState;
    const env = w.watch.env;
    await vscode.commands.executeCommand('telnyxPorting.clearApiKey');
    // Port-in is an account never watched before: no cursor stored (port-out keeps its own, so only port-in's first
    // check is under test). The sandbox stamps a new event a second after its newest, on a clock of its own (the
    // seed's, months ago): watching begins, on the clock the loop reads, just after that newest.
    for (const k of globalState.keys()) if (k.startsWith('telnyxPorting.watch/') && k.endsWith('/events/portin')) await globalState.update(k, undefined);
    const newest = Date.parse((await sandbox.seed()).portinEvents[0]!.created_at);
    env.now = () => newest + 1;
    try {
      assert.equal(await setKey(), true);
    } finally {
      delete env.now;
    }
    const [root] = await childrenOf(a);
    const row = ordersOf(a, await childrenOf(a, root!), 'portin').find((n) => contextOf(a, n) !== 'order:portin:exception')!;
    const [ev] = await sandbox.insertEvents({ direction: 'portin', orderId: row.order!.id, count: 1, eventType: 'porting_order.status_changed', status: 'exception' });
    const { out, shown } = await tick();
    assert.deepEqual(out?.result?.fresh.map((f) => f.event.id), [ev!.id], 'the first check reports what came after the key was set');
    assert.equal(shown.length, 1, 'and notifies it');
    assert.match(String(shown[0]?.[0]), /Exception/);
    assert.equal(contextOf(a, row), 'order:portin:exception', 'the row shows the new status');
    const again = await tick();
    assert.equal(again.out?.result?.fresh.length, 0, 'once');
    assert.equal(again.shown.length, 0);
    w.tree.markAllSeen();
  });

  describe('settings a repository cannot use to silence watching (issue 18, item 3)', () => {
    const folder = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
    const file = (): vscode.Uri => vscode.Uri.joinPath(folder(), '.vscode', 'settings.json');
    let markers = 10;
    /** The workspace's settings file as a repository would ship it; another setting in it says when VS Code has read it. */
    async function workspaceSettings(values: Record<string, unknown> | undefined): Promise<void> {
      const marker = values === undefined ? undefined : ++markers;
      if (values === undefined) await vscode.workspace.fs.delete(file(), { useTrash: false });
      else {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder(), '.vscode'));
        await vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(JSON.stringify({ ...values, 'editor.tabSize': marker })));
      }
      const read = (): unknown => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue;
      for (let i = 0; i < 100 && read() !== marker; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(read(), marker, 'VS Code read the workspace settings');
    }
    // Mocha runs these after the tests above, the last of which cleared the key.
    before(async () => {
      assert.equal(await setKey(), true);
      // Clearing the key forgot the cursors: this first tick reads history (the sandbox's events are dated in its
      // own past) and sets them, so what the tests insert next is new.
      const { out } = await tick();
      assert.ok(out?.result, `the first tick ran (${w.watch.lastProblem})`);
      w.tree.markAllSeen();
    });
    after(async () => {
      await workspaceSettings(undefined).catch(() => undefined);
      await configure({ 'watch.notify': undefined });
      await vscode.commands.executeCommand('telnyxPorting.clearApiKey');
    });

    for (const notify of [[], 5]) {
      it(`"telnyxPorting.watch.notify": ${JSON.stringify(notify)} in the workspace: a new port-out request is still notified`, async () => {
        await workspaceSettings({ 'telnyxPorting.watch.notify': notify });
        const order = (await sandbox.seed()).portoutOrders.find((o) => o.status === 'authorized')!;
        const [request] = await sandbox.insertEvents({ direction: 'portout', orderId: order.id, count: 1, eventType: 'portout.status_changed', status: 'pending' });
        const { out, shown } = await tick();
        assert.ok(out, `the tick ran (${w.watch.lastProblem})`);
        assert.equal(out.leading, true, 'VS Code does not give this window the workspace value: it watches with the user\'s');
        assert.deepEqual(out.result?.fresh.map((f) => f.event.id), [request!.id]);
        assert.equal(shown.length, 1, 'notified by the user\'s kinds');
        assert.match(String(shown[0]?.[0]), /^Port-out /);
        w.tree.markAllSeen();
      });
    }

    it('"telnyxPorting.watch.notify": 5 in the user\'s settings: the default kinds, not a failing tick', async () => {
      await workspaceSettings(undefined).catch(() => undefined);
      await configure({ 'watch.notify': 5 });
      const [foc] = await sandbox.insertEvents({ direction: 'portout', count: 1, eventType: 'portout.foc_date_changed' });
      const { out, shown } = await tick();
      assert.ok(out, `the tick ran (${w.watch.lastProblem})`);
      assert.deepEqual(out.result?.fresh.map((f) => f.event.id), [foc!.id]);
      assert.equal(shown.length, 1);
      await configure({ 'watch.notify': undefined });
      w.tree.markAllSeen();
    });
  });

  it('without a key there is no tick, none scheduled, and no request', async () => {
    await vscode.commands.executeCommand('telnyxPorting.clearApiKey');
    await sandbox.clearRequests();
    const { out } = await tick();
    assert.equal(out, undefined);
    assert.equal(await w.watch.reschedule(), undefined, 'nothing scheduled');
    const { own, seen } = await ownRequests(isTick);
    assert.deepEqual(own, [], `no tick's request (all seen: ${seen})`);
  });
});
