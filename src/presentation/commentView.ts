// How one order comment reads: who wrote it in words a person uses, when, and its text exactly as sent.
// The text is Telnyx's (or a person's), so it stays plain text wherever it is shown.

import type { Direction } from '../api/directions';
import type { CommentAuthor, OrderComment } from '../api/types';

const AUTHOR_NAMES: Readonly<Record<CommentAuthor, string>> = {
  account: 'You (this account)',
  telnyx: 'Telnyx support',
  system: 'Telnyx (automatic)',
  unknown: 'Author not given',
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
    author: AUTHOR_NAMES[dir.commentAuthor(comment)],
    body: typeof comment.body === 'string' && comment.body !== '' ? comment.body : '(empty)',
    at: Number.isNaN(at) ? undefined : new Date(at),
  };
}

/** The thread's heading: how many comments, and who spoke last, so a collapsed thread still says something. */
export function conversationLabel(dir: Direction, comments: readonly OrderComment[]): string {
  if (comments.length === 0) return 'No comments yet: write the first below';
  const last = comments[comments.length - 1]!;
  return `${comments.length} comment${comments.length === 1 ? '' : 's'} · last from ${AUTHOR_NAMES[dir.commentAuthor(last)]}`;
}
