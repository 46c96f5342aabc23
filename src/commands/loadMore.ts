// "Load more…" and the error node's retry: both fetch the next (or failed) page of the parent.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { ErrorNode, LoadMoreNode } from '../tree/messageNodes';

export function registerLoadMore(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('telnyxPorting.loadMore', (node?: LoadMoreNode) => {
      if (node instanceof LoadMoreNode) return node.parent.loadMore();
      return undefined;
    }),
    vscode.commands.registerCommand('telnyxPorting.retry', async (node?: ErrorNode) => {
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
    }),
  ];
}
