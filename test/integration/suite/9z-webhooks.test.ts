// For webhook developers, in the real VS Code: events sent to a handler in this test as Telnyx's v2 envelope,
// signed so the official SDK verifies them (and refuses them tampered with), never retried; many republished
// with one POST each, a range previewed with the sandbox's counts, a cancelled run finished by running it again
// with no event sent twice, an unknown outcome never resent unasked; payload diffs; cURL without the key.

import * as assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telnyx } from 'telnyx';
import * as vscode from 'vscode';
import { KEY, childrenOf, configure, eventsOf, freshSession, item, loadToEnd, ordersOf, sandbox, withStubs, type Api, type Node } from './helpers';

/** Port-in event types in words, written out (not read from the extension's table). */
const WORDS: Readonly<Record<string, string>> = {
  'porting_order.status_changed': 'Status changed',
  'porting_order.new_comment': 'New comment',
  'porting_order.messaging_changed': 'Messaging changed',
  'porting_order.split': 'Order split',
  'porting_order.deleted': 'Order deleted',
  'porting_order.loa_updated': 'LOA updated',
  'porting_order.sharing_token_expired': 'Sharing token expired',
};

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
interface Delivered {
  eventId: string;
  delivery: { request: { body: string; headers: Record<string, string> }; result: { kind: string; status?: number } };
}
interface SeedEvent {
  id: string;
  event_type: string;
  created_at: string;
  porting_order_id?: string;
}

describe('for webhook developers', function () {
  this.timeout(90_000);
  let a: Api;
  let handler: Server;
  let url: string;
  let received: Received[] = [];
  /** How the handler answers the next requests. */
  let answer: 'ok' | 'fail' | 'stall' = 'ok';

  before(async () => {
    a = await freshSession({ pageSize: 50, requestTimeoutSeconds: 2 });
    handler = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        if (answer === 'stall') return; // never answers
        res.writeHead(answer === 'ok' ? 200 : 500, { 'content-type': 'text/plain', 'x-handler': 'test' });
        res.end(answer === 'ok' ? 'handled' : 'handler blew up');
      });
    });
    await new Promise<void>((r) => handler.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(handler.address() as AddressInfo).port}/webhooks`;
  });
  after(async () => {
    handler.closeAllConnections();
    await new Promise((r) => handler.close(r));
    await configure({ requestTimeoutSeconds: undefined });
  });
  beforeEach(async () => {
    await sandbox.reset();
    received = [];
    answer = 'ok';
    a.services.tree.refreshAll();
    // The ledger outlives the sandbox's reset, which brings back the same event ids: each test starts with none.
    const services = a.services as unknown as { session: { account(): Promise<string> } };
    await (a as unknown as { context: vscode.ExtensionContext }).context.globalState.update(`telnyxPorting.replayLedger.${await services.session.account()}`, undefined);
  });

  /** The events under the first port-in order with at least `n` of them. */
  async function orderEvents(n: number): Promise<{ order: Node; events: Node[] }> {
    const portin = (await childrenOf(a))[0]!;
    for (const order of ordersOf(a, await childrenOf(a, portin), 'portin')) {
      const events = eventsOf(a, await loadToEnd(a, order, 10)).filter((e) => e.event?.payload_status === 'completed');
      if (events.length >= n) return { order, events };
    }
    throw new Error(`no port-in order with ${n} completed events`);
  }

  const send = (nodes: Node[]) =>
    withStubs({ showInputBox: async () => url }, () => vscode.commands.executeCommand<{ delivered: Delivered[]; report: vscode.TextEditor }>('telnyxPorting.sendToHandler', nodes[0], nodes));

  it('Send to Local Handler: one POST per event in the v2 envelope, signed as Telnyx signs; the official SDK verifies it and refuses it tampered with', async () => {
    const { order, events: all } = await orderEvents(2);
    // A status change first: its payload is the order, so the envelope's data.payload.id can be checked.
    const events = [...all.filter((e) => e.event!.event_type === 'porting_order.status_changed'), ...all].slice(0, 2);
    const { result } = await send(events);
    assert.equal(received.length, 2, 'one POST per event');
    const publicKey = await vscode.commands.executeCommand<string>('telnyxPorting.copyPublicKey');
    assert.equal(await vscode.env.clipboard.readText(), publicKey);
    const sdk = new Telnyx({ apiKey: 'not-used', publicKey });
    for (const [i, got] of received.entries()) {
      const envelope = JSON.parse(got.body) as { data: Record<string, unknown> & { payload: { id?: string } }; meta: Record<string, unknown> };
      assert.deepEqual(Object.keys(envelope).sort(), ['data', 'meta']);
      assert.deepEqual(Object.keys(envelope.data).sort(), ['event_type', 'id', 'occurred_at', 'payload', 'record_type']);
      assert.equal(envelope.data.record_type, 'event');
      assert.equal(envelope.data.id, events[i]!.event!.id, 'data.id is the event');
      if (envelope.data.event_type === 'porting_order.status_changed') assert.equal(envelope.data.payload.id, order.order!.id, "the order's id is data.payload.id");
      assert.equal(envelope.data.occurred_at, events[i]!.event!.created_at);
      assert.deepEqual(envelope.meta, { attempt: 1, delivered_to: url });
      assert.equal(got.headers['content-type'], 'application/json');
      assert.match(String(got.headers['telnyx-timestamp']), /^\d{10}$/);
      const headers = { 'telnyx-signature-ed25519': String(got.headers['telnyx-signature-ed25519']), 'telnyx-timestamp': String(got.headers['telnyx-timestamp']) };
      const unwrapped = (await sdk.webhooks.unwrap(got.body, { headers })) as { data: { id: string } };
      assert.equal(unwrapped.data.id, events[i]!.event!.id);
      const tampered = got.body.replace(`"${order.order!.id}"`, '"00000000-0000-4000-8000-000000000000"');
      assert.notEqual(tampered, got.body);
      await assert.rejects(Promise.resolve().then(() => sdk.webhooks.unwrap(tampered, { headers })));
    }
    const text = result.report.document.getText();
    assert.match(text, /2 answered 2xx/);
    assert.match(text, /Answer: \*\*200\*\*/);
    assert.match(text, /How an event becomes a webhook/);
    assert.ok(!text.includes(KEY), 'the API key is not in the report');
  });

  it('a handler that answers 500, or never answers, is reported and never sent again', async () => {
    const { events } = await orderEvents(1);
    answer = 'fail';
    const failed = await send([events[0]!]);
    assert.equal(received.length, 1);
    assert.equal(failed.result.delivered[0]!.delivery.result.status, 500);
    assert.match(failed.result.report.document.getText(), /Answer: \*\*500\*\*[\s\S]*handler blew up/);
    // Reports open side by side in tabs: each tab's name says which event it was.
    const tab = decodeURIComponent(failed.result.report.document.uri.path.split('/').pop()!);
    assert.ok(tab.startsWith('Local handler answers: '), tab);
    assert.ok(tab.includes(events[0]!.event!.id.slice(0, 8)), `${tab} names event ${events[0]!.event!.id}`);
    received = [];
    answer = 'stall';
    const stalled = await send([events[0]!]);
    assert.equal(stalled.result.delivered[0]!.delivery.result.kind, 'timeout');
    assert.match(stalled.result.report.document.getText(), /No answer \(timeout\)/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(received.length, 1, 'sent once, not retried');
  });

  /** Answers the replay's modal with its first button, or as `pick` says; counts the POSTs the sandbox processed. */
  async function republishSelected(nodes: Node[], pick: (buttons: string[]) => string | undefined = (b) => b[0]) {
    const { result, calls } = await withStubs(
      { showWarningMessage: async (...args: unknown[]) => pick(args.slice(2) as string[]), showInformationMessage: async () => undefined },
      () => vscode.commands.executeCommand<{ kind: string; result?: { counts: Record<string, number> } }>('telnyxPorting.republishSelected', nodes[0], nodes),
    );
    return { outcome: result, modal: calls.showWarningMessage[0] as [string, { detail: string }, ...string[]] };
  }

  it('Republish Selected Events: three selected, three POSTs, one per event, and a report', async () => {
    const { events } = await orderEvents(3);
    const three = events.slice(0, 3);
    const { outcome, modal } = await republishSelected(three);
    assert.match(modal[0], /^Republish 3 events\?/);
    assert.equal(modal[2], 'Republish 3');
    assert.equal(outcome.kind, 'ran');
    const done = await sandbox.republishes();
    assert.deepEqual(done.map((r) => r.id).sort(), three.map((e) => e.event!.id).sort());
  });

  it('a 502 after processing ends unknown in the ledger; the same selection again sends nothing unless asked', async () => {
    const { events } = await orderEvents(3);
    const three = events.slice(0, 3);
    await sandbox.fault({ method: 'POST', path: '/republish', times: 1 }, { statusAfterProcessing: 502 });
    const first = await republishSelected(three);
    assert.equal(first.outcome.result?.counts.unknown, 1);
    assert.equal(first.outcome.result?.counts.sent, 2);
    const again = await republishSelected(three, () => undefined);
    assert.match(again.modal[1].detail, /2 already republished by an earlier run: skipped/);
    assert.match(again.modal[1].detail, /1 whose earlier republish has an unknown outcome/);
    assert.deepEqual(again.modal.slice(2), ['Republish 1, Including 1 Unknown'], 'nothing to send but what the user may choose');
    assert.equal(again.outcome.kind, 'declined');
    assert.equal((await sandbox.republishes()).length, 3, 'each processed once, none resent');
  });

  it('Republish Events in Time Range: the preview counts what the sandbox holds; cancelled half way and run again, every event is sent once', async () => {
    const { order } = await orderEvents(6);
    const seed = (await sandbox.seed()) as unknown as { portinEvents: SeedEvent[] };
    const mine = seed.portinEvents.filter((e) => e.porting_order_id === order.order!.id);
    const times = mine.map((e) => Date.parse(e.created_at)).sort((x, y) => x - y);
    const from = new Date(times[0]!).toISOString();
    const to = new Date(times.at(-1)!).toISOString();
    const expected = new Map<string, number>();
    for (const e of mine) expected.set(e.event_type, (expected.get(e.event_type) ?? 0) + 1);
    const portin = (await childrenOf(a))[0]!;
    const answers = (): Promise<unknown>[] => [Promise.resolve(from), Promise.resolve(to), Promise.resolve(order.order!.id)];

    const run = async (cancelAt?: number) => {
      const inputs = answers();
      const cts = new vscode.CancellationTokenSource();
      return withStubs(
        {
          showInputBox: async () => inputs.shift(),
          // A custom range (the presets end now, the seed's events are older), then any type.
          showQuickPick: async (items: unknown) => {
            const list = items as vscode.QuickPickItem[];
            return list.find((i) => i.label === 'Custom range…') ?? list[0];
          },
          showWarningMessage: async (...args: unknown[]) => args[2],
          showInformationMessage: async () => undefined,
          withProgress: async (_opts: unknown, task: unknown) =>
            (task as (p: vscode.Progress<{ message?: string }>, t: vscode.CancellationToken) => Promise<unknown>)(
              {
                report: ({ message }) => {
                  const done = Number(/^(\d+) \/ \d+ sent/.exec(message ?? '')?.[1] ?? 0);
                  if (cancelAt !== undefined && done >= cancelAt) cts.cancel();
                },
              },
              cts.token,
            ),
        },
        () => vscode.commands.executeCommand<{ kind: string; result: { counts: Record<string, number> } }>('telnyxPorting.republishRange', portin),
      );
    };

    const half = Math.floor(mine.length / 2);
    const first = await run(half);
    // The range asks its steps from 1 (the direction came from the row): presets first, then the two ends.
    // The total grows by the custom range's two ends once it is chosen.
    const titles = (calls: unknown[][]) => calls.map((c) => String((c[0] as { title?: string } | undefined)?.title ?? (c[1] as { title?: string }).title));
    assert.match(titles(first.calls.showQuickPick)[0]!, /\(1\/3\)$/);
    assert.deepEqual(titles(first.calls.showInputBox).map((t) => t.slice(-5)), ['(2/5)', '(3/5)', '(5/5)']);
    const presets = (first.calls.showQuickPick[0]![0] as vscode.QuickPickItem[]).map((i) => i.label);
    assert.deepEqual(presets, ['Last hour', 'Last 24 hours', 'Last 7 days', 'Custom range…']);
    // The preview names types in words and the order by its name, never raw types or ids (issue 19).
    const detail = (first.calls.showWarningMessage[0] as [string, { detail: string }])[1].detail;
    for (const [type, n] of expected) {
      assert.ok(detail.includes(`${n} × ${WORDS[type] ?? '?'}`), `${type}: ${n} in\n${detail}`);
      assert.ok(!detail.includes(type), `raw ${type} in\n${detail}`);
    }
    const name = String(item(a, order).label);
    assert.ok(detail.includes(`${mine.length} × ${name}`), `${name} in\n${detail}`);
    assert.ok(!detail.includes(order.order!.id), 'no order id in the preview');
    assert.ok(first.result.result.counts['not-started'] > 0, 'cancelled before the end');
    const second = await run();
    assert.equal(second.result.kind, 'ran');
    const done = (await sandbox.republishes()).map((r) => r.id);
    assert.equal(done.length, mine.length, 'as many POSTs over both runs as events');
    assert.deepEqual([...new Set(done)].sort(), mine.map((e) => e.id).sort(), 'each event once');
  });

  it('Compare Selected Events and Compare with Previous Event open a diff of the two payloads, older on the left', async () => {
    const { events } = await orderEvents(6);
    const [newer, older] = [events[0]!, events[1]!];
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const ids = await vscode.commands.executeCommand<[string, string]>('telnyxPorting.compareEvents', newer, [newer, older]);
    assert.deepEqual(ids, [older.event!.id, newer.event!.id]);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff is open');
    assert.ok(tab.input.original.path.includes(older.event!.id) && tab.input.modified.path.includes(newer.event!.id));
    // The newest event of a type that occurs twice or more in this order has a previous one.
    const byType = events.filter((e) => e.event!.event_type === events.find((x) => events.filter((y) => y.event!.event_type === x.event!.event_type).length > 1)?.event!.event_type);
    assert.ok(byType.length >= 2, 'the seed gives this order two events of one type');
    const pair = await vscode.commands.executeCommand<[string, string]>('telnyxPorting.compareWithPrevious', byType[0]);
    assert.deepEqual(pair, [byType[1]!.event!.id, byType[0]!.event!.id]);
  });

  it('Copy as cURL: the show and republish requests with $TELNYX_API_KEY, never the key', async () => {
    const { events } = await orderEvents(1);
    for (const index of [0, 1]) {
      const { result } = await withStubs({ showQuickPick: async (items: unknown) => (items as vscode.QuickPickItem[])[index] }, () =>
        vscode.commands.executeCommand<string>('telnyxPorting.copyAsCurl', events[0]),
      );
      assert.ok(!result.includes(KEY), 'no key in the text');
      assert.match(result, /\$TELNYX_API_KEY/);
      assert.ok(result.includes(events[0]!.event!.id));
      if (index === 1) assert.match(result, /-X POST '.*\/republish'/);
      assert.equal(await vscode.env.clipboard.readText(), result);
    }
  });
});
