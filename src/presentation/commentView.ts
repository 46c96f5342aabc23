// How one order comment reads: who wrote it in words a person uses, when, and its text exactly as sent.
// The text is Telnyx's (or a person's), so it stays plain text wherever it is shown.

import * as l10n from '@vscode/l10n';
import type { Direction } from '../api/directions';
import type { CommentAuthor, OrderComment } from '../api/types';

// Functions, so the names are looked up in the user's language when shown, never at load.
const AUTHOR_NAMES: Readonly<Record<CommentAuthor, () => string>> = {
  account: () => l10n.t('You (this account)'),
  telnyx: () => l10n.t('Telnyx support'),
  system: () => l10n.t('Telnyx (automatic)'),
  unknown: () => l10n.t('Author not given'),
};

export interface CommentView {
  author: string;
  /** The comment as written; "(empty)" when Telnyx sent none. */
  body: string;
  /** When it was written; undefined when Telnyx's time is missing or unreadable. */
  at: Date | undefined;
}

export function commentView(dir: Direction, comment: OrderComment): CommentView {
  const at = Date.parse(comment.created_at ?? '');
  return {
    author: AUTHOR_NAMES[dir.commentAuthor(comment)](),
    body: typeof comment.body === 'string' && comment.body !== '' ? comment.body : l10n.t('(empty)'),
    at: Number.isNaN(at) ? undefined : new Date(at),
  };
}

/** The thread's heading: how many comments, and who spoke last, so a collapsed thread still says something. */
export function conversationLabel(dir: Direction, comments: readonly OrderComment[]): string {
  if (comments.length === 0) return l10n.t('No comments yet: write the first below');
  const from = AUTHOR_NAMES[dir.commentAuthor(comments[comments.length - 1]!)]();
  return comments.length === 1 ? l10n.t('1 comment · last from {0}', from) : l10n.t('{0} comments · last from {1}', comments.length, from);
}
