// Refresh (view title): forget everything loaded and load the tree again.

import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerRefresh(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.refresh', () => s.tree.refreshAll());
}
