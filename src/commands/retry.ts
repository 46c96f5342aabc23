// Retry: the click on an error row. A refused key asks for a new one, bad settings open them, anything else
// loads the failed page again.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { ErrorNode } from '../tree/errorNode';

export function registerRetry(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.retry', async (node?: ErrorNode) => {
    if (!(node instanceof ErrorNode)) return;
    if (node.error.kind === 'auth') {
      // A saved key reloads the whole tree, so there is nothing more to retry here.
      await vscode.commands.executeCommand('telnyxPorting.setApiKey');
      return;
    }
    if (node.error.kind === 'config') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'telnyxPorting');
      return;
    }
    s.log.info(`Retrying: ${node.parent.id}`);
    await node.parent.loadMore();
  });
}
