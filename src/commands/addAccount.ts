// Add Account…: a name, where its API is (Telnyx, or another base URL such as a sandbox) and its key, checked
// with Telnyx before anything is stored; then it is the account in use. "Sandbox" and "Production" side by side.

import * as vscode from 'vscode';
import { TelnyxError } from '../api/errors';
import { apiKeyProblem, checkBaseUrl, DEFAULT_BASE_URL } from '../api/validate';
import { problemOf } from '../ui/validation';
import type { Services } from '../services';
import { showError } from '../ui/messages';

export function registerAddAccount(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.addAccount', async (): Promise<string | undefined> => {
    const title = (step: number): string => vscode.l10n.t('Add Telnyx Account ({0}/3)', step);
    const name = await vscode.window.showInputBox({
      title: title(1),
      prompt: vscode.l10n.t('A name you will recognise it by, e.g. "Production" or "Sandbox"'),
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.trim() === '' ? vscode.l10n.t('Give the account a name.')
        : s.accounts.list().some((a) => a.name === v.trim()) ? vscode.l10n.t('An account has this name already.')
        : undefined,
    });
    if (name === undefined) return undefined;
    const where = await vscode.window.showQuickPick(
      [
        // The product's name, not a word to translate.
        { label: 'Telnyx', description: DEFAULT_BASE_URL, url: DEFAULT_BASE_URL },
        { label: vscode.l10n.t('Another API base URL…'), description: vscode.l10n.t('e.g. a local sandbox on {0}', 'http://127.0.0.1'), url: undefined },
      ],
      { title: title(2), placeHolder: vscode.l10n.t('Where is its API?') },
    );
    if (!where) return undefined;
    const baseUrl =
      where.url ??
      (await vscode.window.showInputBox({
        title: title(2),
        prompt: vscode.l10n.t('The API v2 base URL: https, or http only to 127.0.0.1 or localhost'),
        value: 'http://127.0.0.1:4010/v2',
        ignoreFocusOut: true,
        validateInput: problemOf(checkBaseUrl),
      }));
    if (baseUrl === undefined) return undefined;
    const key = await vscode.window.showInputBox({
      title: title(3),
      prompt: vscode.l10n.t('The API v2 key of "{0}". It is kept in VS Code\'s secret storage only.', name.trim()),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => apiKeyProblem(v),
    });
    if (key === undefined || apiKeyProblem(key)) return undefined;
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the API key with Telnyx…') }, () =>
        s.session.build(key.trim(), baseUrl.trim()).verifyKey(),
      );
    } catch (e) {
      void showError(vscode.l10n.t('The account was not added: {0}', TelnyxError.from(e).message));
      return undefined;
    }
    const id = s.accounts.newId();
    await s.keys.set(key.trim(), id);
    await s.accounts.add(id, name.trim(), checkBaseUrl(baseUrl));
    s.log.info(`Account "${name.trim()}" added and in use.`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(account) Telnyx account "{0}" added and in use.', name.trim()), 5000);
    return id;
  });
}
