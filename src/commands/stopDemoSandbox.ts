// Stop Demo Sandbox: ends the sandbox, frees its port and removes the Demo account.

import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerStopDemoSandbox(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.stopDemoSandbox', async (): Promise<boolean> => {
    const was = s.demo.running;
    await s.demo.stop();
    if (was) vscode.window.setStatusBarMessage(vscode.l10n.t('$(beaker) Demo sandbox stopped.'), 5000);
    return was;
  });
}
