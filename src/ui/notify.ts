// How failures reach the user: one message, the API's details, and the way out
// (Update API Key for a refused key, Retry when trying again can help, Open Settings for config).

import * as vscode from 'vscode';
import { TelnyxError } from '../api/errors';

export async function reportError(e: unknown, log: vscode.LogOutputChannel, retry?: () => unknown): Promise<void> {
  const err = TelnyxError.from(e);
  if (err.kind === 'cancelled') return;
  log.error(err.message);
  const actions: string[] = [];
  if (err.kind === 'auth') actions.push('Update API Key');
  if (err.kind === 'config') actions.push('Open Settings');
  if (retry && err.retryable) actions.push('Retry');
  actions.push('Show Log');
  const choice = await vscode.window.showErrorMessage(err.message, ...actions);
  if (choice === 'Update API Key') await vscode.commands.executeCommand('telnyxPorting.setApiKey');
  else if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'telnyxPorting');
  else if (choice === 'Retry') await retry?.();
  else if (choice === 'Show Log') log.show();
}
