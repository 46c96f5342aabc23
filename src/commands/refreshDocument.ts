// Refresh Event Payload: fetch an open event document again (editor title action).

import * as vscode from 'vscode';
import { EVENT_SCHEME } from '../documents/eventPath';
import type { Services } from '../services';

export function registerRefreshDocument(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.refreshDocument', (uri?: vscode.Uri) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (target?.scheme === EVENT_SCHEME) s.docs.refresh(target);
  });
}
