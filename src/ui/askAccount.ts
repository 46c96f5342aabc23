// Choosing an account in a quick pick: each with its base URL, whether a key is stored, and which is in use.

import * as vscode from 'vscode';
import type { Account } from '../accounts/accountStore';
import type { Services } from '../services';

export async function askAccount(s: Services, title: string, opts: { offerAdd?: boolean } = {}): Promise<Account | 'add' | undefined> {
  const active = s.accounts.active().id;
  const items = await Promise.all(
    s.accounts.list().map(async (a) => ({
      label: `${a.id === active ? '$(check) ' : ''}${a.name}`,
      description: s.accounts.baseUrl(a),
      detail: (await s.keys.has(a.id)) ? undefined : vscode.l10n.t('No API key set'),
      account: a as Account | 'add',
    })),
  );
  if (opts.offerAdd) items.push({ label: vscode.l10n.t('$(add) Add Account…'), description: '', detail: undefined, account: 'add' });
  return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Accounts: each with its own key and API base URL') }))?.account;
}
