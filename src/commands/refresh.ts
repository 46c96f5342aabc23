// Refresh: the whole tree from the title bar, or one root, "Recent events" or order from its inline action.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { PagedNode } from '../tree/pagedNode';
import type { TreeNode } from '../tree/node';

export function registerRefresh(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('telnyxPorting.refresh', () => s.tree.refreshAll()),
    vscode.commands.registerCommand('telnyxPorting.refreshNode', (node?: TreeNode) => {
      if (node instanceof PagedNode) {
        node.reset();
        s.tree.render(node);
      } else {
        s.tree.refreshAll();
      }
    }),
  ];
}
