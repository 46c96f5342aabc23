// Discard (on a kept draft in a comment thread): forgets the unsent reply.

import * as vscode from 'vscode';
import { DraftComment } from '../comments/conversations';
import type { Services } from '../services';

export function registerDiscardDraft(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.discardDraft', async (draft?: DraftComment): Promise<boolean> => {
    if (!(draft instanceof DraftComment)) return false;
    const c = draft.conversation;
    await s.comments.drafts.remove(c.direction.id, c.orderId);
    s.comments.render(c);
    return true;
  });
}
