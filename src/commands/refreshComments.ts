// Refresh (a comment thread's title): reads the order's comments again.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { reportError } from '../ui/notify';

export function registerRefreshComments(s: Services): vscode.Disposable {
  const refresh = async (thread?: vscode.CommentThread): Promise<boolean> => {
    const c = s.comments.of(thread);
    if (!c) return false;
    try {
      await s.comments.load(c);
      return true;
    } catch (e) {
      await reportError(e, s.log, () => refresh(thread));
      return false;
    }
  };
  return vscode.commands.registerCommand('telnyxPorting.refreshComments', refresh);
}
