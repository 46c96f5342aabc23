// Switch Account… (view title): the tree, documents and watching start over with the other account's key and API.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { askAccount } from '../ui/askAccount';

export function registerSwitchAccount(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.switchAccount', async (id?: string): Promise<string | undefined> => {
    const picked = typeof id === 'string' ? id : await askAccount(s, vscode.l10n.t('Switch Telnyx Account'), { offerAdd: true });
    if (picked === 'add') return vscode.commands.executeCommand<string | undefined>('telnyxPorting.addAccount');
    const to = typeof picked === 'string' ? picked : picked?.id;
    if (!to || !s.accounts.list().some((a) => a.id === to)) return undefined;
    await s.accounts.use(to);
    return to;
  });
}
