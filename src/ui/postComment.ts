// Posting a reply to an order's comments, as safely as republish: the text is kept as a draft first, shown once
// more in a modal before it goes, sent with one POST per confirmation and nothing while one is in flight. After an
// unknown outcome (5xx, timeout, cut connection) the comments are read again: found means posted, and only when
// it is not there is Send Again offered. The draft goes only when Telnyx has the comment.

import * as vscode from 'vscode';
import { findPostedComment } from '../api/client';
import { TelnyxError } from '../api/errors';
import type { OrderComment } from '../api/types';
import type { Conversation, Conversations } from '../comments/conversations';
import type { Services } from '../services';
import { reportError } from './notify';
import { showInfo, showWarning } from './messages';

export type PostResult = 'sent' | 'verified' | 'declined' | 'busy' | 'empty' | 'failed' | 'unknown';

const inFlight = new Set<string>();

export async function postComment(s: Services, c: Conversation, text: string): Promise<PostResult> {
  const key = `${c.direction.id}/${c.orderId}`;
  if (inFlight.has(key)) return 'busy';
  // Kept before anything else, so neither a declined preview nor a reload mid-send loses what was written.
  await s.comments.drafts.save(c.direction.id, c.orderId, text);
  s.comments.render(c);
  if (text.trim() === '') {
    void showWarning(vscode.l10n.t('The reply is empty: Telnyx refuses an empty comment. Write it in the draft, then Post.'));
    return 'empty';
  }
  inFlight.add(key);
  try {
    const post = vscode.l10n.t('Post');
    const choice = await showInfo(
      vscode.l10n.t('Post this comment on {0} order {1}?', c.direction.label, c.title),
      { modal: true, detail: `${text}\n\n———\n${vscode.l10n.t("Telnyx's porting team reads it. A posted comment cannot be edited or deleted from here.")}` },
      post,
    );
    if (choice !== post) return 'declined';
    return await send(s, s.comments, c, text);
  } finally {
    inFlight.delete(key);
  }
}

async function send(s: Services, conversations: Conversations, c: Conversation, text: string): Promise<PostResult> {
  const sentAt = Date.now();
  c.thread.label = vscode.l10n.t('Posting your comment…');
  try {
    const client = await s.session.get();
    const posted = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Posting a comment to Telnyx') }, () =>
      client.postComment(c.direction, c.orderId, text),
    );
    await settled(conversations, c, posted);
    s.log.info(`Comment posted on ${c.direction.label} order ${c.orderId}.`);
    return 'sent';
  } catch (e) {
    if (!(e instanceof TelnyxError && e.kind === 'unknown-outcome')) {
      conversations.render(c);
      await reportError(e, s.log, () => send(s, conversations, c, text));
      return 'failed';
    }
    s.log.warn(e.message);
    return check(s, conversations, c, text, sentAt, e.message);
  }
}

/** Not known whether Telnyx took it: read the comments again rather than guess, and say what was found. */
async function check(s: Services, conversations: Conversations, c: Conversation, text: string, sentAt: number, why: string): Promise<PostResult> {
  let now: OrderComment[] | undefined;
  try {
    now = await (await s.session.get()).listComments(c.direction, c.orderId);
  } catch (readError) {
    s.log.warn(TelnyxError.from(readError).message);
  }
  if (!now) {
    conversations.render(c);
    // Unchecked, sending again could post it twice: the only way on is to check again.
    const checkAgain = vscode.l10n.t('Check Again');
    const choice = await showWarning(vscode.l10n.t('{0} The comments could not be read again to check whether it was posted. Your draft is kept.', why), checkAgain);
    return choice === checkAgain ? check(s, conversations, c, text, sentAt, why) : 'unknown';
  }
  c.comments = now;
  if (findPostedComment(now, text, sentAt)) {
    await settled(conversations, c);
    void showInfo(vscode.l10n.t("The comment's connection failed, but reading the comments again shows it was posted."));
    return 'verified';
  }
  conversations.render(c);
  const sendAgain = vscode.l10n.t('Send Again');
  const again = await showWarning(vscode.l10n.t('{0} Reading the comments again shows it is not there: it was not posted. Your draft is kept.', why), sendAgain);
  return again === sendAgain ? send(s, conversations, c, text) : 'unknown';
}

/** Telnyx has the comment: the draft goes and the thread shows it. */
async function settled(conversations: Conversations, c: Conversation, posted?: OrderComment): Promise<void> {
  if (posted && !c.comments.some((x) => x.id && x.id === posted.id)) c.comments = [...c.comments, posted];
  await conversations.drafts.remove(c.direction.id, c.orderId);
  conversations.render(c);
}
