// Post Comment… (the button under a thread's reply box): previews the reply and posts it once; see ui/postComment.ts.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { postComment, type PostResult } from '../ui/postComment';

export function registerPostComment(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.postComment', async (reply?: vscode.CommentReply): Promise<PostResult | undefined> => {
    const c = s.comments.of(reply?.thread);
    return c && reply ? postComment(s, c, reply.text) : undefined;
  });
}
