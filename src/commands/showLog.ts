// Show Log: the output channel with one line per request.

import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerShowLog(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.showLog', () => s.log.show());
}
