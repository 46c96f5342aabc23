// Telnyx Porting: Clear API Key — removes the key from SecretStorage. The welcome view returning says it
// happened, so a status-bar word is enough.

import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerClearApiKey(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.clearApiKey', async () => {
    await s.keys.clear();
    s.log.info('API key removed from secret storage.');
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(trash) Telnyx API key removed'), 5000);
  });
}
