// Post (on a kept draft in a comment thread): the draft's text as edited, previewed and posted once.

import * as vscode from 'vscode';
import { DraftComment } from '../comments/conversations';
import type { Services } from '../services';
import { postComment, type PostResult } from '../ui/postComment';

export function registerPostDraft(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.postDraft', async (draft?: DraftComment): Promise<PostResult | undefined> =>
    draft instanceof DraftComment ? postComment(s, draft.conversation, draft.text) : undefined,
  );
}
