import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, eventsOf, freshSession, ordersOf, ownRequests, sandbox, until, withStubs, type Api, type LoggedRequest, type Node, type Seed } from './helpers';

/** A read of one event or one order by id: what opening a document sends. The view's list reads are not. */
const isShow = (r: LoggedRequest): boolean => /^\/v2\/(porting\/events|portouts\/events|porting_orders|portouts)\/[^/]+$/.test(r.path);

async function eventNodes(a: Api, rootIndex: number): Promise<Node[]> {
  const root = (await childrenOf(a))[rootIndex]!;
  const recent = (await childrenOf(a, root))[0]!;
  return eventsOf(a, await childrenOf(a, recent));
}

describe('payload documents', () => {
  let a: Api;
  let seed: Seed;
  before(async () => {
    a = await freshSession({ pageSize: 50 });
    seed = await sandbox.seed();
    a.services.tree.refreshAll();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const [i, dir] of ['portin', 'portout'].entries()) {
    it(`opens a ${dir} event as a read-only JSON document equal to the server's event`, async () => {
      const node = (await eventNodes(a, i)).find((n) => n.event!.payload_status === 'completed')!;
      assert.ok(node, 'a completed event is in the first page');
      await sandbox.clearRequests();
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('telnyxPorting.openEvent', node);
      const doc = editor.document;
      assert.equal(doc.uri.scheme, 'telnyx-porting');
      assert.equal(doc.languageId, 'json');
      assert.ok(doc.uri.path.includes(node.event!.event_type), doc.uri.path);
      const events = dir === 'portin' ? seed.portinEvents : seed.portoutEvents;
      assert.deepEqual(JSON.parse(doc.getText()), events.find((e) => e.id === node.event!.id));
      const { own, seen } = await ownRequests(isShow);
      const path = dir === 'portin' ? `/v2/porting/events/${node.event!.id}` : `/v2/portouts/events/${node.event!.id}`;
      assert.deepEqual(own.map((r) => `${r.method} ${r.path}`), [`GET ${path}`], `fetched with GET …/events/{id} (all seen: ${seen})`);
    });
  }

  it('is read-only: typing is refused, the file system refuses writes, nothing can be saved over', async () => {
    const node = (await eventNodes(a, 0))[0]!;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('telnyxPorting.openEvent', node);
    const before = editor.document.getText();
    assert.equal(vscode.workspace.fs.isWritableFileSystem('telnyx-porting'), false);
    // What a user does: type into the focused editor.
    await vscode.commands.executeCommand('type', { text: 'typed' });
    assert.equal(editor.document.getText(), before, 'typing changed the document');
    assert.equal(editor.document.isDirty, false);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode('{}'))),
      (e: unknown) => e instanceof vscode.FileSystemError || /read-only|NoPermissions/i.test(String(e)),
    );
    assert.equal(await editor.document.save(), false, 'save reported success');
    // Another extension's WorkspaceEdit gets through the read-only flag; the extension undoes it.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(0, 0), 'x');
    await vscode.workspace.applyEdit(edit);
    await until(() => editor.document.getText() === before, 'the edit was undone');
  });

  it('says plainly when the payload is not generated yet', async () => {
    const node = (await eventNodes(a, 0)).find((n) => n.event!.payload_status === 'created')!;
    assert.ok(node, 'a created event is in the first page');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('telnyxPorting.openEvent', node);
    const shown = JSON.parse(editor.document.getText()) as { note: string; event: { id: string } };
    assert.match(shown.note, /not generated this event's payload yet/);
    assert.equal(shown.event.id, node.event!.id);
  });

  it('Open Event… finds an event by id alone and opens it; re-opening fetches again', async () => {
    const ev = seed.portoutEvents[5]!;
    // The palette first offers the events loaded in the tree; the first entry asks for any id.
    const { result: editor, calls } = await withStubs(
      { showQuickPick: async (items: unknown) => (items as vscode.QuickPickItem[])[0], showInputBox: async () => ev.id },
      () => vscode.commands.executeCommand<vscode.TextEditor>('telnyxPorting.openEvent'),
    );
    assert.match(String((calls.showQuickPick[0]![0] as vscode.QuickPickItem[])[0]!.label), /Enter an event id/);
    assert.equal(JSON.parse(editor.document.getText()).id, ev.id);
    await sandbox.clearRequests();
    await vscode.commands.executeCommand('telnyxPorting.openEvent', ev.id);
    const reqs = await sandbox.requests();
    assert.ok(reqs.some((r) => r.path === `/v2/portouts/events/${ev.id}`), JSON.stringify(reqs));
  });

  it('Open Event… offers the loaded events, newest first, and opens the whole event picked', async () => {
    const { result: editor, calls } = await withStubs(
      { showQuickPick: async (items: unknown) => (items as (vscode.QuickPickItem & { detail?: string })[]).find((i) => i.detail)! },
      () => vscode.commands.executeCommand<vscode.TextEditor>('telnyxPorting.openEvent'),
    );
    const offered = (calls.showQuickPick[0]![0] as (vscode.QuickPickItem & { detail?: string })[]).filter((i) => i.detail);
    assert.ok(offered.length > 0);
    const all = [...seed.portinEvents, ...seed.portoutEvents];
    const times = offered.map((i) => Date.parse(all.find((e) => e.id === i.detail)!.created_at));
    assert.deepEqual(times, [...times].sort((x, y) => y - x), 'newest first');
    // The tree keeps slimmed events; the document must still show the whole event from the API.
    assert.deepEqual(JSON.parse(editor.document.getText()), all.find((e) => e.id === offered[0]!.detail));
  });

  it('a payload that fails to load gives one clear message with Retry, and Retry opens it', async () => {
    // The last one: not opened by the tests above, so no document of it is cached.
    const node = (await eventNodes(a, 1)).filter((n) => n.event!.payload_status === 'completed').at(-1)!;
    await sandbox.fault({ path: `/v2/portouts/events/${node.event!.id}`, method: 'GET', times: 3 }, { status: 503 });
    const { calls } = await withStubs({ showErrorMessage: async () => 'Retry' }, () =>
      vscode.commands.executeCommand<vscode.TextEditor | undefined>('telnyxPorting.openEvent', node),
    );
    assert.equal(calls.showErrorMessage.length, 1, JSON.stringify(calls.showErrorMessage));
    assert.match(String(calls.showErrorMessage[0]![0]), /server error \(503\)/);
    assert.ok(calls.showErrorMessage[0]!.includes('Retry'));
    // The retry ran after the faults were used up; its document is open now.
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'telnyx-porting');
    assert.equal(JSON.parse(editor!.document.getText()).id, node.event!.id);
  });

  it('Open Event… refuses an id that is not a uuid before any request', async () => {
    await sandbox.clearRequests();
    const { calls } = await withStubs({ showErrorMessage: async () => undefined }, () => vscode.commands.executeCommand('telnyxPorting.openEvent', 'not-an-id'));
    assert.match(String(calls.showErrorMessage[0]?.[0]), /not an event id/);
    const { own, seen } = await ownRequests((r) => isShow(r) || r.path.includes('not-an-id') || r.query.includes('not-an-id'));
    assert.deepEqual(own, [], `no request for it (all seen: ${seen})`);
  });

  /** The order document the previous test opened. */
  let opened: string | undefined;
  for (const [i, dir] of ['portin', 'portout'].entries()) {
    it(`Open Order shows the whole ${dir} order in a tab named by its numbers or key, read fresh on refresh`, async () => {
      const root = (await childrenOf(a))[i]!;
      const row = ordersOf(a, await childrenOf(a, root))[0]!;
      await sandbox.clearRequests();
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('telnyxPorting.openOrder', row);
      const doc = editor.document;
      assert.equal(doc.languageId, 'json');
      const order = JSON.parse(doc.getText()) as { id: string };
      assert.equal(order.id, row.order!.id);
      const path = dir === 'portin' ? `/v2/porting_orders/${row.order!.id}` : `/v2/portouts/${row.order!.id}`;
      // A changed document VS Code read before (the previous direction's order) may be read once more, late.
      // The view's list reads may land meanwhile; only reads by id are the document's.
      const reads = (await ownRequests(isShow)).own.map((r) => r.path);
      assert.deepEqual(reads.filter((p) => p === path), [path]);
      assert.ok(reads.every((p) => p === path || p === opened), `only this order was read: ${reads.join(', ')}`);
      opened = path;
      // Named by the order's one name: the row's numbers, then its reference (the end of the row's description).
      const ti = a.services.tree.getTreeItem(row);
      const name = `${String(ti.label)} · ${String(ti.description).split(' · ').at(-1)}`;
      assert.ok(doc.uri.path.endsWith(`/${name.replace(/[\\/:*?"<>|]/g, '_')}.json`), doc.uri.path);
      await sandbox.clearRequests();
      await vscode.commands.executeCommand('telnyxPorting.refreshDocument', doc.uri);
      await until(async () => (await ownRequests(isShow)).own.length > 0, 'the document is read again');
      // VS Code may read a changed document more than once; each read is a fresh GET of the order.
      const again = (await ownRequests(isShow)).own.map((r) => r.path);
      assert.ok(again.length >= 1 && again.every((p) => p === path), `read again on refresh: ${again.join(', ')}`);
    });
  }
});
