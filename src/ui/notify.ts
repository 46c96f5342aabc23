// How failures reach the user: one message, the API's details, and the way out
// (Update API Key for a refused key, Retry when trying again can help, Open Settings for config).

import * as vscode from 'vscode';
import { TelnyxError } from '../api/errors';
import { showError } from './messages';

export async function reportError(e: unknown, log: vscode.LogOutputChannel, retry?: () => unknown): Promise<void> {
  const err = TelnyxError.from(e);
  if (err.kind === 'cancelled') return;
  log.error(err.message);
  // Each button's words, made once: the choice comes back as the same string, in whatever language.
  const updateKey = vscode.l10n.t('Update API Key');
  const openSettings = vscode.l10n.t('Open Settings');
  const tryAgain = vscode.l10n.t('Retry');
  const showLog = vscode.l10n.t('Show Log');
  const actions: string[] = [];
  if (err.kind === 'auth') actions.push(updateKey);
  if (err.kind === 'config') actions.push(openSettings);
  if (retry && err.retryable) actions.push(tryAgain);
  actions.push(showLog);
  const choice = await showError(err.message, ...actions);
  if (choice === updateKey) await vscode.commands.executeCommand('telnyxPorting.setApiKey');
  else if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', 'telnyxPorting');
  else if (choice === tryAgain) await retry?.();
  else if (choice === showLog) log.show();
}
