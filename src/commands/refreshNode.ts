// Refresh on a root, "Recent events" or an order (inline action): reload that list only.

import * as vscode from 'vscode';
import type { Services } from '../services';
import type { TreeNode } from '../tree/node';
import { PagedNode } from '../tree/pagedNode';

export function registerRefreshNode(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.refreshNode', (node?: TreeNode) => {
    if (node instanceof PagedNode) {
      node.reset();
      s.tree.render(node);
    } else {
      s.tree.refreshAll();
    }
  });
}
