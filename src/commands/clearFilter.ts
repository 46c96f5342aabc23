// Clear Filter: a root (or both, from the palette) shows every order again.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { DirectionRootNode } from '../tree/rootNode';

export function registerClearFilter(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.clearFilter', (node?: DirectionRootNode) => {
    for (const root of node instanceof DirectionRootNode ? [node] : s.tree.roots) root.setFilter(undefined);
  });
}
