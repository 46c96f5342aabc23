// Replies not yet confirmed posted, per order, in global state: a failed send, a declined preview or a reload
// loses nothing. A draft is removed only once Telnyx has the comment (or the user discards it).

import type * as vscode from 'vscode';
import type { DirectionId } from '../api/directions';

const KEY = 'telnyxPorting.commentDrafts';

export class CommentDrafts {
  constructor(private readonly state: vscode.Memento) {}

  get(dir: DirectionId, orderId: string): string | undefined {
    return this.all()[draftKey(dir, orderId)];
  }

  async save(dir: DirectionId, orderId: string, text: string): Promise<void> {
    await this.state.update(KEY, { ...this.all(), [draftKey(dir, orderId)]: text });
  }

  async remove(dir: DirectionId, orderId: string): Promise<void> {
    const all = { ...this.all() };
    delete all[draftKey(dir, orderId)];
    await this.state.update(KEY, all);
  }

  private all(): Record<string, string> {
    return this.state.get<Record<string, string>>(KEY) ?? {};
  }
}

function draftKey(dir: DirectionId, orderId: string): string {
  return `${dir}/${orderId}`;
}
