// An order's comments in the real VS Code: the conversation as a comment thread on the order document, oldest
// first with authors and times; a reply of several lines previewed, posted with exactly one POST and shown; a
// declined preview sends nothing and keeps the draft; a 502 after Telnyx took the comment is found on re-reading,
// reported posted and never sent again; text from the API stays plain text.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { API_URL, CONTROL, controlHeaders, KEY, childrenOf, freshSession, ordersOf, sandbox, whileHeld, withStubs, type Api, type Node } from './helpers';

interface Logged {
  method: string;
  path: string;
  status: number;
  body?: string;
}
interface SeedComment {
  id: string;
  body: string;
  created_at: string;
  porting_order_id?: string;
  portout_id?: string;
  user_type?: string;
}
interface Conversation {
  thread: vscode.CommentThread;
  comments: SeedComment[];
}

describe('order comments', function () {
  this.timeout(60_000);
  let a: Api;
  let seed: { portinComments: SeedComment[]; portoutComments: SeedComment[] };

  before(async () => {
    a = await freshSession({ pageSize: 50 });
  });
  beforeEach(async () => {
    await sandbox.reset();
    seed = (await sandbox.seed()) as unknown as typeof seed;
    a.services.tree.refreshAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The order row (port-in or port-out) with the most seeded comments. */
  async function busiest(direction: 'portin' | 'portout'): Promise<{ row: Node; comments: SeedComment[] }> {
    const root = (await childrenOf(a))[direction === 'portin' ? 0 : 1]!;
    const rows = ordersOf(a, await childrenOf(a, root), direction);
    const all = direction === 'portin' ? seed.portinComments : seed.portoutComments;
    const of = (id: string): SeedComment[] => all.filter((c) => (c.porting_order_id ?? c.portout_id) === id);
    const row = [...rows].sort((x, y) => of(y.order!.id).length - of(x.order!.id).length)[0]!;
    return { row, comments: of(row.order!.id).sort((x, y) => Date.parse(x.created_at) - Date.parse(y.created_at)) };
  }

  const open = async (row: Node): Promise<Conversation> => {
    const c = await vscode.commands.executeCommand<Conversation>('telnyxPorting.openComments', row);
    assert.ok(c, 'the conversation opened');
    return c;
  };
  const posts = async (): Promise<Logged[]> => ((await sandbox.requests()) as Logged[]).filter((r) => r.method === 'POST');
  const bodies = (c: Conversation): string[] => c.thread.comments.map((x) => (typeof x.body === 'string' ? x.body : `markdown:${x.body.value}`));
  const drafts = (c: Conversation): vscode.Comment[] => c.thread.comments.filter((x) => x.contextValue === 'draft');

  for (const direction of ['portin', 'portout'] as const) {
    it(`${direction}: the thread sits on the order document and reads oldest to newest, with authors and times`, async () => {
      const { row, comments } = await busiest(direction);
      assert.ok(comments.length >= 2, 'the seed gives this order a conversation');
      const c = await open(row);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), c.thread.uri.toString(), 'on the order document, shown');
      assert.equal(JSON.parse(vscode.window.activeTextEditor!.document.getText()).id, row.order!.id);
      assert.equal(c.thread.collapsibleState, vscode.CommentThreadCollapsibleState.Expanded);
      assert.equal(c.thread.canReply, true);
      assert.deepEqual(bodies(c), comments.map((x) => x.body));
      assert.deepEqual(c.thread.comments.map((x) => x.timestamp?.toISOString()), comments.map((x) => new Date(x.created_at).toISOString()));
      const names = new Set(c.thread.comments.map((x) => x.author.name));
      assert.ok([...names].every((n) => ['You (this account)', 'Telnyx support', 'Telnyx (automatic)', 'Author not given'].includes(n)), [...names].join());
      assert.match(String(c.thread.label), new RegExp(`${comments.length} comments · last from `));
    });
  }

  it('a reply of several lines: previewed as typed, exactly one POST carrying it, shown last in the thread', async () => {
    const { row, comments } = await busiest('portin');
    const c = await open(row);
    await sandbox.clearRequests();
    const typed = 'Hello Telnyx,\n\nthe LOA is attached again with the\nservice address corrected.\n  — Ops';
    const { result, calls } = await withStubs({ showInformationMessage: async () => 'Post' }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.postComment', { thread: c.thread, text: typed }),
    );
    assert.equal(result, 'sent');
    const [message, options] = calls.showInformationMessage[0] as [string, vscode.MessageOptions & { detail: string }];
    assert.equal(options.modal, true);
    assert.match(message, /^Post this comment on Port-in order /);
    assert.ok(options.detail.startsWith(typed), 'the preview shows the text as typed');
    const sent = await posts();
    assert.deepEqual(sent.map((r) => `${r.path} ${r.status}`), [`/v2/porting_orders/${row.order!.id}/comments 201`]);
    assert.deepEqual(JSON.parse(sent[0]!.body!), { body: typed });
    assert.deepEqual(bodies(c), [...comments.map((x) => x.body), typed]);
    assert.equal(c.thread.comments.at(-1)!.author.name, 'You (this account)');
    assert.deepEqual(drafts(c), [], 'no draft left once posted');
    assert.equal(calls.showInformationMessage.length, 1, 'no notification on top: the thread shows it');
  });

  it('declined: nothing is sent, and the reply stays as an editable draft that a later Post sends as edited', async () => {
    const { row } = await busiest('portout');
    const c = await open(row);
    await sandbox.clearRequests();
    const { result } = await withStubs({ showInformationMessage: async () => undefined }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.postComment', { thread: c.thread, text: 'first try' }),
    );
    assert.equal(result, 'declined');
    assert.deepEqual(await posts(), []);
    const [draft] = drafts(c) as (vscode.Comment & { body: string })[];
    assert.ok(draft, 'the draft is in the thread');
    assert.equal(draft.body, 'first try');
    assert.equal(draft.mode, vscode.CommentMode.Editing);

    // Closing the document drops the thread; opening the comments again brings the draft back.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const again = await open(row);
    assert.deepEqual(drafts(again).map((x) => x.body), ['first try']);

    // VS Code writes the edited text into the comment before it runs the draft's Post button.
    const edited = drafts(again)[0] as vscode.Comment & { body: string };
    edited.body = 'first try\nedited';
    const { result: posted } = await withStubs({ showInformationMessage: async () => 'Post' }, () => vscode.commands.executeCommand<string>('telnyxPorting.postDraft', edited));
    assert.equal(posted, 'sent');
    const sent = await posts();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.path, `/v2/portouts/${row.order!.id}/comments`);
    assert.deepEqual(JSON.parse(sent[0]!.body!), { body: 'first try\nedited' });
    assert.deepEqual(drafts(again), []);
  });

  it('Discard Draft forgets it; an empty reply is never sent', async () => {
    const { row } = await busiest('portin');
    const c = await open(row);
    await sandbox.clearRequests();
    const { result } = await withStubs({ showWarningMessage: async () => undefined }, () => vscode.commands.executeCommand<string>('telnyxPorting.postComment', { thread: c.thread, text: ' \n ' }));
    assert.equal(result, 'empty');
    assert.equal(drafts(c).length, 1);
    assert.equal(await vscode.commands.executeCommand('telnyxPorting.discardDraft', drafts(c)[0]), true);
    assert.deepEqual(drafts(c), []);
    assert.deepEqual(await posts(), []);
  });

  it('a 502 after Telnyx took the comment: read again, reported posted, never sent again', async () => {
    const { row, comments } = await busiest('portin');
    const c = await open(row);
    await sandbox.fault({ method: 'POST', path: '/comments' }, { statusAfterProcessing: 502 });
    await sandbox.clearRequests();
    const typed = 'Please confirm the FOC date.\nThanks';
    const { result, calls } = await withStubs({ showInformationMessage: async (...args: unknown[]) => ((args[1] as vscode.MessageOptions)?.modal ? 'Post' : undefined), showWarningMessage: async () => 'Send Again' }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.postComment', { thread: c.thread, text: typed }),
    );
    assert.equal(result, 'verified');
    assert.equal((await posts()).length, 1, 'one POST, none resent');
    assert.equal(calls.showWarningMessage.length, 0, 'no Send Again offered');
    assert.match(String(calls.showInformationMessage.at(-1)?.[0]), /shows it was posted/);
    const stored = ((await sandbox.seed()) as unknown as typeof seed).portinComments;
    assert.equal(stored.filter((x) => x.body === typed).length, 1, 'Telnyx has it once');
    assert.deepEqual(bodies(c), [...comments.map((x) => x.body), typed]);
    assert.deepEqual(drafts(c), []);
  });

  it('a 500 before Telnyx took it: read again, not there, the draft kept; Send Again posts it once', async () => {
    const { row } = await busiest('portout');
    const c = await open(row);
    await sandbox.fault({ method: 'POST', path: '/comments' }, { status: 500 });
    await sandbox.clearRequests();
    const { result, calls } = await withStubs(
      {
        showInformationMessage: async (...args: unknown[]) => ((args[1] as vscode.MessageOptions)?.modal ? 'Post' : undefined),
        showWarningMessage: async () => {
          assert.equal(drafts(c).length, 1, 'the draft is there while the user decides');
          return 'Send Again';
        },
      },
      () => vscode.commands.executeCommand<string>('telnyxPorting.postComment', { thread: c.thread, text: 'once only' }),
    );
    assert.equal(result, 'sent');
    assert.match(String(calls.showWarningMessage[0]?.[0]), /it is not there: it was not posted/);
    assert.deepEqual((await posts()).map((r) => r.status), [500, 201]);
    assert.equal(bodies(c).filter((b) => b === 'once only').length, 1);
  });

  it('a 502 after posting and comments that cannot be read again: only Check Again, never Send Again; checking finds it posted', async () => {
    const { row } = await busiest('portout');
    const c = await open(row);
    await sandbox.fault({ method: 'POST', path: '/comments' }, { statusAfterProcessing: 502 });
    await sandbox.fault({ method: 'GET', path: '/comments', times: 3 }, { status: 500 });
    await sandbox.clearRequests();
    const offered: unknown[][] = [];
    const { result } = await withStubs(
      {
        showInformationMessage: async (...args: unknown[]) => ((args[1] as vscode.MessageOptions)?.modal ? 'Post' : undefined),
        showWarningMessage: async (...args: unknown[]) => {
          offered.push(args);
          await fetch(`${CONTROL}/__sandbox/faults`, { method: 'DELETE', headers: controlHeaders() });
          return args.includes('Check Again') ? 'Check Again' : undefined;
        },
      },
      () => vscode.commands.executeCommand<string>('telnyxPorting.postComment', { thread: c.thread, text: 'checked, not resent' }),
    );
    assert.equal(offered.length, 1);
    assert.ok(offered[0]!.includes('Check Again') && !offered[0]!.includes('Send Again'), JSON.stringify(offered[0]));
    assert.equal(result, 'verified');
    assert.equal((await posts()).length, 1, 'one POST');
    assert.equal(bodies(c).filter((b) => b === 'checked, not resent').length, 1);
  });

  it('the thread reads oldest to newest whatever order Telnyx lists comments in', async () => {
    for (const listOrder of ['asc', 'shuffled'] as const) {
      await sandbox.config({ listOrder });
      const { row, comments } = await busiest('portin');
      const c = await open(row);
      assert.deepEqual(bodies(c), comments.map((x) => x.body), listOrder);
    }
  });

  it('a second click while a post is in flight does nothing', async () => {
    const { row } = await busiest('portin');
    const c = await open(row);
    // Held at the sandbox: the first post is surely on the wire when the second click comes, however busy the machine.
    await sandbox.fault({ method: 'POST', path: '/comments' }, { hold: 'post' });
    await sandbox.clearRequests();
    const { result } = await withStubs({ showInformationMessage: async () => 'Post' }, async () => {
      const first = vscode.commands.executeCommand<string>('telnyxPorting.postComment', { thread: c.thread, text: 'twice?' });
      await whileHeld('post', async () => {
        assert.equal(await vscode.commands.executeCommand('telnyxPorting.postComment', { thread: c.thread, text: 'twice?' }), 'busy');
      });
      return first;
    });
    assert.equal(result, 'sent');
    assert.equal((await posts()).length, 1);
  });

  it('text from the API stays plain: a comment with Markdown, a command link and HTML is shown as the characters it is', async () => {
    const { row } = await busiest('portin');
    const hostile = '**bold** [run](command:telnyxPorting.clearApiKey) <img src=x onerror=alert(1)> $(alert)';
    const res = await fetch(`${API_URL}/porting_orders/${row.order!.id}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: hostile }),
    });
    assert.equal(res.status, 201);
    const c = await open(row);
    const shown = c.thread.comments.find((x) => x.body === hostile);
    assert.ok(shown, 'shown as a plain string, character for character');
    assert.ok(c.thread.comments.every((x) => typeof x.body === 'string'), 'no comment is Markdown');
    assert.ok(!String(c.thread.label).includes('command:'));
  });
});
