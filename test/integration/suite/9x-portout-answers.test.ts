// Answering a port-out request in the real VS Code: a modal that names what is decided, exactly one PATCH per
// confirmation, none when declined or not pending, and after a 502 that followed the decision, a check that finds
// it done instead of sending it again.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONTROL, controlHeaders, childrenOf, contextOf, freshSession, ordersOf, ownRequests, sandbox, withStubs, type Api, type Node } from './helpers';

interface Logged {
  method: string;
  path: string;
  status: number;
  /** The body as sent (raw text). */
  body?: string;
}

describe('answering port-out requests', function () {
  this.timeout(60_000);
  let a: Api;

  before(async () => {
    a = await freshSession({ pageSize: 50 });
  });
  beforeEach(async () => {
    await sandbox.reset();
    a.services.tree.refreshAll();
  });

  async function rows(status: string): Promise<Node[]> {
    const portout = (await childrenOf(a))[1]!;
    return ordersOf(a, await childrenOf(a, portout), 'portout').filter((n) => contextOf(a, n).startsWith(`order:portout:${status}`));
  }
  const patches = async (): Promise<Logged[]> => ((await sandbox.requests()) as Logged[]).filter((r) => r.method === 'PATCH');
  /** Authorize's questions before the modal, answered as Enter on each: no note written, the first messaging choice. */
  const asked = { showInputBox: async () => '', showQuickPick: async (items: unknown) => (items as vscode.QuickPickItem[])[0] };
  const DEFAULT_NOTE = 'Authorized by the account owner';

  it('Authorize: the modal names the numbers, the gaining carrier, the FOC date and the risk; one PATCH; the row shows the new status', async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.clearRequests();
    const { result, calls } = await withStubs(
      { ...asked, showWarningMessage: async () => 'Authorize', showInformationMessage: async () => undefined, showErrorMessage: async () => undefined },
      () => vscode.commands.executeCommand<string>('telnyxPorting.authorizePortout', row),
    );
    assert.equal(result, 'sent', JSON.stringify(calls.showErrorMessage));
    const [message, options] = calls.showWarningMessage[0] as [string, vscode.MessageOptions & { detail: string }];
    assert.equal(options.modal, true);
    assert.match(message, /^Authorize the port-out of /);
    const order = row.order as unknown as { phone_numbers: string[]; carrier_name: string; spid: string };
    // Grouped for reading: the same digits, spaced.
    assert.ok(!options.detail.includes(order.phone_numbers[0]!) && options.detail.replace(/ /g, '').includes(order.phone_numbers[0]!), options.detail);
    assert.ok(options.detail.includes(order.carrier_name) && options.detail.includes(order.spid), options.detail);
    assert.match(options.detail, /FOC date: /);
    assert.match(options.detail, /may be fraud/);
    assert.deepEqual((await patches()).map((r) => `${r.path} ${r.status}`), [`/v2/portouts/${row.order!.id}/authorized 200`]);
    assert.equal(contextOf(a, row), 'order:portout:authorized', 'the row was updated in place');
  });

  it("under the fraud warning the default button (the first, Enter's) is Keep Pending, and it sends nothing", async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.clearRequests();
    // Enter in a modal: the first button the extension gave.
    const { result, calls } = await withStubs({ ...asked, showWarningMessage: async (_m: string, _o: unknown, first: string) => first }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.authorizePortout', row),
    );
    assert.deepEqual(calls.showWarningMessage[0]!.slice(2), ['Keep Pending', 'Authorize']);
    assert.equal(result, 'declined');
    assert.deepEqual(await patches(), []);
  });

  it('declined, nothing is sent', async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.clearRequests();
    const { result } = await withStubs({ ...asked, showWarningMessage: async () => undefined }, () => vscode.commands.executeCommand<string>('telnyxPorting.authorizePortout', row));
    assert.equal(result, 'declined');
    assert.deepEqual(await patches(), []);
  });

  it('Authorize with no note written sends the default as the reason the spec requires, and the messaging choice; the modal names both', async () => {
    const row = (await rows('pending'))[0]!;
    const keeps = (row.order as unknown as { host_messaging: boolean }).host_messaging;
    await sandbox.clearRequests();
    const { result, calls } = await withStubs(
      { ...asked, showWarningMessage: async () => 'Authorize', showInformationMessage: async () => undefined, showErrorMessage: async () => undefined },
      () => vscode.commands.executeCommand<string>('telnyxPorting.authorizePortout', row),
    );
    assert.equal(result, 'sent');
    const box = calls.showInputBox[0]![0] as vscode.InputBoxOptions;
    assert.equal(box.placeHolder, DEFAULT_NOTE, 'the default shows in the empty box');
    const offered = calls.showQuickPick[0]![0] as (vscode.QuickPickItem & { hostMessaging: boolean })[];
    assert.deepEqual(offered.map((i) => i.hostMessaging), [keeps, !keeps], "the request's own messaging value comes first");
    const [patch] = await patches();
    assert.equal(patch?.status, 200);
    assert.deepEqual(JSON.parse(patch?.body ?? '{}'), { reason: DEFAULT_NOTE, host_messaging: keeps });
    const detail = (calls.showWarningMessage[0] as [string, { detail: string }])[1].detail;
    assert.ok(detail.includes(`Note: ${DEFAULT_NOTE}`), detail);
    assert.match(detail, keeps ? /Messaging: stays with Telnyx/ : /Messaging: leaves Telnyx/);
  });

  it('Authorize with a note typed sends that note, and keeping messaging sends host_messaging true', async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.clearRequests();
    const typed = 'Expected: the customer moved to their new carrier.';
    const { result, calls } = await withStubs(
      {
        showInputBox: async () => `  ${typed} `,
        showQuickPick: async (items: unknown) => (items as (vscode.QuickPickItem & { hostMessaging: boolean })[]).find((i) => i.hostMessaging),
        showWarningMessage: async () => 'Authorize',
        showInformationMessage: async () => undefined,
        showErrorMessage: async () => undefined,
      },
      () => vscode.commands.executeCommand<string>('telnyxPorting.authorizePortout', row),
    );
    assert.equal(result, 'sent');
    const [patch] = await patches();
    assert.deepEqual(JSON.parse(patch?.body ?? '{}'), { reason: typed, host_messaging: true });
    const detail = (calls.showWarningMessage[0] as [string, { detail: string }])[1].detail;
    assert.ok(detail.includes(`Note: ${typed}`) && /Messaging: stays with Telnyx/.test(detail), detail);
  });

  it('Authorize: Escape on the note or on the messaging question sends nothing and asks no more', async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.clearRequests();
    const noNote = await withStubs({ showInputBox: async () => undefined, showQuickPick: async () => undefined, showWarningMessage: async () => 'Authorize' }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.authorizePortout', row),
    );
    assert.equal(noNote.result, 'declined');
    assert.deepEqual([noNote.calls.showQuickPick.length, noNote.calls.showWarningMessage.length], [0, 0]);
    const noPick = await withStubs({ showInputBox: async () => 'fine', showQuickPick: async () => undefined, showWarningMessage: async () => 'Authorize' }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.authorizePortout', row),
    );
    assert.equal(noPick.result, 'declined');
    assert.equal(noPick.calls.showWarningMessage.length, 0);
    assert.deepEqual(await patches(), []);
  });

  it('Reject sends no host_messaging: the numbers, and their messaging, stay', async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.clearRequests();
    await withStubs(
      { showQuickPick: async (items: unknown) => (items as vscode.QuickPickItem[])[0], showInputBox: async () => 'Not ours', showWarningMessage: async () => 'Reject', showInformationMessage: async () => undefined },
      () => vscode.commands.executeCommand<string>('telnyxPorting.rejectPortout', row),
    );
    assert.deepEqual(JSON.parse((await patches())[0]?.body ?? '{}'), { reason: 'Not ours' });
  });

  it('Reject: a code to start from, the reason as typed, one PATCH carrying it', async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.clearRequests();
    const typed = 'Not requested by us: the account holder did not ask for this port.';
    const { result, calls } = await withStubs(
      {
        showQuickPick: async (items: unknown) => (items as vscode.QuickPickItem[])[0],
        showInputBox: async () => typed,
        showWarningMessage: async () => 'Reject',
        showInformationMessage: async () => undefined,
      },
      () => vscode.commands.executeCommand<string>('telnyxPorting.rejectPortout', row),
    );
    assert.equal(result, 'sent');
    assert.ok((calls.showQuickPick[0]![0] as unknown[]).length > 0, 'the eligible codes were offered');
    const [patch] = await patches();
    assert.equal(patch?.path, `/v2/portouts/${row.order!.id}/rejected-pending`);
    assert.equal((JSON.parse(patch?.body ?? '{}') as { reason?: string }).reason, typed, 'the reason exactly as typed');
    assert.match(String((calls.showWarningMessage[0] as [string, { detail: string }])[1].detail), /reversed only through Telnyx/);
    assert.equal(contextOf(a, row), 'order:portout:rejected-pending');
  });

  it('Reject without a reason sends nothing', async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.clearRequests();
    const { result } = await withStubs({ showQuickPick: async (items: unknown) => (items as vscode.QuickPickItem[])[0], showInputBox: async () => '   ' }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.rejectPortout', row),
    );
    assert.equal(result, 'declined');
    assert.deepEqual(await patches(), []);
  });

  it('a 502 after Telnyx took the decision: read again, reported as done, never sent again', async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.fault({ method: 'PATCH', path: '/authorized' }, { statusAfterProcessing: 502 });
    await sandbox.clearRequests();
    const { result, calls } = await withStubs({ ...asked, showWarningMessage: async () => 'Authorize', showInformationMessage: async () => undefined }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.authorizePortout', row),
    );
    assert.equal(result, 'verified');
    assert.equal((await patches()).length, 1, 'sent once');
    assert.match(String(calls.showInformationMessage[0]?.[0]), /shows it was authorized/);
    assert.equal(contextOf(a, row), 'order:portout:authorized');
  });

  it('a 502 after the decision and a port-out that cannot be read again: only Check Again, never Send Again; checking finds it done', async () => {
    const row = (await rows('pending'))[0]!;
    await sandbox.fault({ method: 'PATCH', path: '/authorized' }, { statusAfterProcessing: 502 });
    // Every attempt of the re-read fails (a read is tried at most 1 + maxRetries times).
    await sandbox.fault({ method: 'GET', path: `/v2/portouts/${row.order!.id}`, times: 3 }, { status: 500 });
    await sandbox.clearRequests();
    const offered: unknown[][] = [];
    const { result } = await withStubs(
      {
        ...asked,
        showWarningMessage: async (...args: unknown[]) => {
          if ((args[1] as vscode.MessageOptions | undefined)?.modal) return 'Authorize';
          offered.push(args);
          await fetch(`${CONTROL}/__sandbox/faults`, { method: 'DELETE', headers: controlHeaders() });
          return args.includes('Check Again') ? 'Check Again' : undefined;
        },
        showInformationMessage: async () => undefined,
      },
      () => vscode.commands.executeCommand<string>('telnyxPorting.authorizePortout', row),
    );
    assert.equal(offered.length, 1);
    assert.ok(offered[0]!.includes('Check Again') && !offered[0]!.includes('Send Again'), JSON.stringify(offered[0]));
    assert.match(String(offered[0]![0]), /could not be read again/);
    assert.equal(result, 'verified');
    assert.equal((await patches()).length, 1, 'sent once');
  });

  it('a port-out that is not pending offers no answer and sends nothing', async () => {
    const row = (await rows('authorized'))[0]!;
    await sandbox.clearRequests();
    assert.equal(await vscode.commands.executeCommand('telnyxPorting.authorizePortout', row), 'not-pending');
    assert.equal(await vscode.commands.executeCommand('telnyxPorting.rejectPortout', row), 'not-pending');
    // Only what an answer could send: a write, or a read of this port-out; the view's list reads may land meanwhile.
    const { own, seen } = await ownRequests((r) => r.method !== 'GET' || r.path.includes(row.order!.id));
    assert.deepEqual(own, [], `all seen: ${seen}`);
    const menus = (vscode.extensions.getExtension('telnyx-porting-tools.telnyx-porting')!.packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } }).contributes.menus['view/item/context']!;
    const when = new RegExp(/viewItem =~ \/(.*)\/$/.exec(menus.find((m) => m.command === 'telnyxPorting.authorizePortout')!.when)![1]!);
    assert.ok(when.test('order:portout:pending') && when.test('order:portout:pending:watched'));
    assert.ok(!when.test(contextOf(a, row)), 'the menu hides it on this row');
  });
});
