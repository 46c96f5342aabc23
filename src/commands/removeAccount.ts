// Remove Account…: deletes the account's key from secret storage and forgets the account, with what was kept for
// it in global state (watched orders, seen events, republish ledger: KeyStore.clear). The first account stays;
// only its key goes.

import * as vscode from 'vscode';
import { FIRST_ACCOUNT } from '../accounts/accountStore';
import type { Services } from '../services';
import { askAccount } from '../ui/askAccount';
import { showWarning } from '../ui/messages';

/** The handler of telnyxPorting.removeAccount (registered lazily: src/tools/lazyTools.ts). */
export function removeAccount(s: Services) {
  return async (): Promise<boolean> => {
    const account = await askAccount(s, vscode.l10n.t('Remove Telnyx Account'));
    if (!account || account === 'add') return false;
    const first = account.id === FIRST_ACCOUNT;
    const remove = vscode.l10n.t('Remove');
    const confirm = await showWarning(
      first ? vscode.l10n.t('Remove the key of "{0}"?', account.name) : vscode.l10n.t('Remove the account "{0}"?', account.name),
      {
        modal: true,
        detail: first
          ? vscode.l10n.t("Its API key is deleted from VS Code's secret storage, with its watched orders, seen events and republish ledger. The account stays, without a key.")
          : vscode.l10n.t("Its API key is deleted from VS Code's secret storage, with its watched orders, seen events and republish ledger."),
      },
      remove,
    );
    if (confirm !== remove) return false;
    await s.keys.clear(account.id);
    if (!first) await s.accounts.remove(account.id);
    s.log.info(`Account "${account.name}" removed.`);
    return true;
  };
}
