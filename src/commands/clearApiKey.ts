// Telnyx Porting: Clear API Key — removes the key from SecretStorage; the welcome view returns.

import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerClearApiKey(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.clearApiKey', async () => {
    await s.keys.clear();
    s.log.info('API key removed from secret storage.');
    void vscode.window.showInformationMessage('Telnyx API key removed.');
  });
}
