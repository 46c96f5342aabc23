// Remove Account…: deletes the account's key from secret storage and forgets the account. What was kept for it in
// global state (watched orders, seen events, republish ledger) is keyed by base URL and key hash, so it comes back
// if the same account is added again. The first account stays; only its key goes.

import * as vscode from 'vscode';
import { FIRST_ACCOUNT } from '../accounts/accountStore';
import type { Services } from '../services';
import { askAccount } from '../ui/askAccount';

export function registerRemoveAccount(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.removeAccount', async (): Promise<boolean> => {
    const account = await askAccount(s, 'Remove Telnyx Account');
    if (!account || account === 'add') return false;
    const first = account.id === FIRST_ACCOUNT;
    const confirm = await vscode.window.showWarningMessage(
      first ? `Remove the key of "${account.name}"?` : `Remove the account "${account.name}"?`,
      { modal: true, detail: `Its API key is deleted from VS Code's secret storage.${first ? ' The account stays, without a key.' : ''}` },
      'Remove',
    );
    if (confirm !== 'Remove') return false;
    await s.keys.clear(account.id);
    if (!first) await s.accounts.remove(account.id);
    s.log.info(`Account "${account.name}" removed.`);
    return true;
  });
}
