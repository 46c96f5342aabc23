// Telnyx Porting: Set API Key — a password box that checks the key with one cheap call before it goes to
// SecretStorage. The tree reloading is the confirmation, so success is only a status-bar word, not a toast.
// Never for the Demo account: its key is the sandbox's own, and a user's real key typed for it (say after Update
// API Key on its 401) would be checked with, and kept for, whatever server the demo is.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { askCheckedKey } from '../ui/keyInputBox';
import { reportError } from '../ui/notify';
import { showInfo } from '../ui/messages';

export function registerSetApiKey(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.setApiKey', async (): Promise<boolean> => {
    if (s.accounts.active().demo) {
      await offerRealAccount();
      return false;
    }
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

/** Says why the Demo account takes no key, and offers the accounts that do. */
async function offerRealAccount(): Promise<void> {
  const add = vscode.l10n.t('Add Account…');
  const change = vscode.l10n.t('Switch Account…');
  const choice = await showInfo(
    vscode.l10n.t(
      'The Demo account runs on the demo sandbox\'s own key; no key of yours is stored for it or sent to it. To use your Telnyx API key, add an account for it, or switch to one you have.',
    ),
    add,
    change,
  );
  if (choice === add) await vscode.commands.executeCommand('telnyxPorting.addAccount');
  else if (choice === change) await vscode.commands.executeCommand('telnyxPorting.switchAccount');
}
