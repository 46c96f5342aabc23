// Telnyx Porting: Set API Key — a password box that checks the key with one cheap call before it goes to
// SecretStorage. The tree reloading is the confirmation, so success is only a status-bar word, not a toast.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { askCheckedKey } from '../ui/keyInputBox';
import { reportError } from '../ui/notify';

export function registerSetApiKey(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.setApiKey', async (): Promise<boolean> => {
    let key: string | undefined;
    try {
      key = await askCheckedKey({
        title: vscode.l10n.t('Telnyx API Key'),
        prompt: vscode.l10n.t("A Telnyx API v2 key (Mission Control → API Keys). It is kept in VS Code's secret storage only."),
        check: (k, signal) => s.session.build(k).verifyKey(signal),
      });
    } catch (e) {
      await reportError(e, s.log);
      return false;
    }
    if (key === undefined) return false;
    await s.keys.set(key);
    s.log.info('API key saved to secret storage.');
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Telnyx API key saved'), 5000);
    return true;
  });
}
