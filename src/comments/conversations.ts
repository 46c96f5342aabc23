// An order's comments as a VS Code comment thread on its order document (the Comments API, as the GitHub Pull
// Requests extension shows review threads): oldest to newest, each with its author and time, a reply box for a
// message of several lines, and an unsent draft kept in the thread as an editable comment until Telnyx has it.
// Comment text is always a plain string, so nothing Telnyx sends is rendered as Markdown or becomes a link.

import * as vscode from 'vscode';
import type { TelnyxClient } from '../api/client';
import type { Direction } from '../api/directions';
import { TelnyxError } from '../api/errors';
import type { OrderComment } from '../api/types';
import { commentView, conversationLabel } from '../presentation/commentView';
import type { CommentDrafts } from './commentDrafts';

export const COMMENT_CONTROLLER_ID = 'telnyxPorting.comments';

/** One order's conversation: the thread VS Code shows and what it was built from. */
export interface Conversation {
  readonly direction: Direction;
  readonly orderId: string;
  /** The order as a person recognises it (numbers or key), for confirmations. */
  readonly title: string;
  readonly thread: vscode.CommentThread;
  /** Oldest first, as last read from Telnyx (plus what was posted since). */
  comments: OrderComment[];
}

/** A comment Telnyx has: read-only. */
class PostedComment implements vscode.Comment {
  readonly mode = vscode.CommentMode.Preview;
  readonly contextValue = 'posted';
  readonly author: vscode.CommentAuthorInformation;
  readonly body: string;
  readonly timestamp: Date | undefined;
  constructor(dir: Direction, comment: OrderComment) {
    const view = commentView(dir, comment);
    this.author = { name: view.author };
    this.body = view.body;
    this.timestamp = view.at;
  }
}

/** The reply not yet posted, editable in place; its Post and Discard buttons come from `comments/comment/context`. */
export class DraftComment implements vscode.Comment {
  readonly mode = vscode.CommentMode.Editing;
  readonly contextValue = 'draft';
  readonly author = { name: vscode.l10n.t('Your reply (not sent)') };
  readonly label = vscode.l10n.t('Draft');
  constructor(
    readonly conversation: Conversation,
    /** VS Code writes the edited text back here before it runs a button's command. */
    public body: string | vscode.MarkdownString,
  ) {}

  get text(): string {
    return typeof this.body === 'string' ? this.body : this.body.value;
  }
}

export class Conversations implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(COMMENT_CONTROLLER_ID, vscode.l10n.t('Telnyx order comments'));
  private readonly byOrder = new Map<string, Conversation>();
  private readonly closed: vscode.Disposable;

  constructor(
    private readonly client: () => Promise<TelnyxClient>,
    readonly drafts: CommentDrafts,
  ) {
    this.controller.options = {
      prompt: vscode.l10n.t('Reply to Telnyx…'),
      placeHolder: vscode.l10n.t('Write to Telnyx about this order. Several lines are fine; you see it once more before it is sent.'),
    };
    // A closed order document takes its thread with it; the draft stays in global state.
    this.closed = vscode.workspace.onDidCloseTextDocument((doc) => {
      for (const c of this.byOrder.values()) if (c.thread.uri.toString() === doc.uri.toString()) this.drop(c);
    });
  }

  /** Shows (or refreshes) an order's thread on its open order document, expanded, and reads its comments. */
  async show(direction: Direction, orderId: string, title: string, uri: vscode.Uri): Promise<Conversation> {
    let c = this.byOrder.get(keyOf(direction, orderId));
    if (c && c.thread.uri.toString() !== uri.toString()) {
      this.drop(c);
      c = undefined;
    }
    if (!c) {
      const thread = this.controller.createCommentThread(uri, new vscode.Range(0, 0, 0, 0), []);
      thread.canReply = true;
      thread.contextValue = 'conversation';
      c = { direction, orderId, title, thread, comments: [] };
      this.byOrder.set(keyOf(direction, orderId), c);
    }
    c.thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    await this.load(c);
    return c;
  }

  /** Reads the comments again. A failure is said in the thread's heading, whose Refresh button tries again. */
  async load(c: Conversation): Promise<void> {
    c.thread.label = vscode.l10n.t('Loading comments…');
    try {
      c.comments = await (await this.client()).listComments(c.direction, c.orderId);
      this.render(c);
    } catch (e) {
      this.render(c);
      c.thread.label = vscode.l10n.t('Comments could not be read: {0} Use Refresh to try again.', TelnyxError.from(e).message);
      throw e;
    }
  }

  /** Lays out the thread: Telnyx's comments, oldest first, then the draft if there is one. */
  render(c: Conversation): void {
    const draft = this.drafts.get(c.direction.id, c.orderId);
    c.thread.comments = [...c.comments.map((x) => new PostedComment(c.direction, x)), ...(draft === undefined ? [] : [new DraftComment(c, draft)])];
    c.thread.label = vscode.l10n.t('Comments on {0}: {1}', c.title, conversationLabel(c.direction, c.comments));
  }

  /** The conversation a reply box or a thread button belongs to; undefined for threads not ours. */
  of(thread: vscode.CommentThread | undefined): Conversation | undefined {
    return [...this.byOrder.values()].find((c) => c.thread === thread);
  }

  /** An order's conversation if its thread is shown. */
  get(direction: Direction, orderId: string): Conversation | undefined {
    return this.byOrder.get(keyOf(direction, orderId));
  }

  private drop(c: Conversation): void {
    c.thread.dispose();
    this.byOrder.delete(keyOf(c.direction, c.orderId));
  }

  dispose(): void {
    this.closed.dispose();
    this.controller.dispose();
    this.byOrder.clear();
  }
}

function keyOf(direction: Direction, orderId: string): string {
  return `${direction.id}/${orderId}`;
}
