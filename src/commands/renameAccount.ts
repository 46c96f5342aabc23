// Rename Account…: the name shown in the view's description and the account picker.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { askAccount } from '../ui/askAccount';

/** The handler of telnyxPorting.renameAccount (registered lazily: src/tools/lazyTools.ts). */
export function renameAccount(s: Services) {
  return async (): Promise<boolean> => {
    const title = vscode.l10n.t('Rename Telnyx Account');
    const account = s.accounts.list().length > 1 ? await askAccount(s, title) : s.accounts.active();
    if (!account || account === 'add') return false;
    const name = await vscode.window.showInputBox({
      title,
      value: account.name,
      validateInput: (v) =>
        v.trim() === '' ? vscode.l10n.t('Give the account a name.')
        : s.accounts.list().some((a) => a.name === v.trim() && a.id !== account.id) ? vscode.l10n.t('An account has this name already.')
        : undefined,
    });
    if (name === undefined || name.trim() === account.name) return false;
    await s.accounts.rename(account.id, name.trim());
    return true;
  };
}
