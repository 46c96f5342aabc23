// Mark All as Seen: the events that arrived while watching lose their "New" mark and the badge clears.

import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerMarkAllSeen(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.markAllSeen', () => s.tree.markAllSeen());
}
