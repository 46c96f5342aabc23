// Telnyx Porting: Set API Key — password input, one cheap call to check the key, then SecretStorage.

import * as vscode from 'vscode';
import { TelnyxError } from '../api/errors';
import { apiKeyProblem } from '../api/validate';
import type { Services } from '../services';
import { abortSignalOf } from '../ui/cancellation';
import { reportError } from '../ui/notify';

export function registerSetApiKey(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.setApiKey', async (): Promise<boolean> => {
    const typed = await vscode.window.showInputBox({
      title: 'Telnyx API Key',
      prompt: 'A Telnyx API v2 key (Mission Control → API Keys). It is kept in VS Code\'s secret storage only.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => apiKeyProblem(v),
    });
    if (typed === undefined) return false;
    const problem = apiKeyProblem(typed);
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return false;
    }
    const key = typed.trim();
    try {
      const client = s.session.build(key);
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Checking the API key with Telnyx…', cancellable: true },
        (_p, token) => client.verifyKey(abortSignalOf(token)),
      );
    } catch (e) {
      if (e instanceof TelnyxError && e.kind === 'auth') {
        const again = await vscode.window.showErrorMessage('Telnyx refused this API key. It was not saved.', 'Try Again');
        if (again) return (await vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey')) ?? false;
        return false;
      }
      if (e instanceof TelnyxError && (e.kind === 'network' || e.kind === 'timeout' || e.kind === 'server')) {
        const save = await vscode.window.showWarningMessage(
          `The key could not be checked: ${e.message}`,
          'Save Anyway',
          'Cancel',
        );
        if (save !== 'Save Anyway') return false;
      } else {
        await reportError(e, s.log);
        return false;
      }
    }
    await s.keys.set(key);
    s.log.info('API key saved to secret storage.');
    void vscode.window.showInformationMessage('Telnyx API key saved.');
    return true;
  });
}
