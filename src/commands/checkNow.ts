// Check for New Events: one watch tick now instead of at the next interval; says so when nothing is new.

import * as vscode from 'vscode';
import type { Services } from '../services';
import type { WatchTickOutcome } from '../watch/watch';
import { showInfo, showWarning } from '../ui/messages';

export function registerCheckNow(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.checkNow', async (): Promise<WatchTickOutcome | undefined> => {
    const out = await vscode.window.withProgress({ location: { viewId: 'telnyxPorting.orders' } }, () => s.watch.tickNow());
    if (out && !out.leading) void showInfo(vscode.l10n.t('Another VS Code window is watching this account; its notifications cover this one.'));
    else if (out?.result && out.result.fresh.length === 0 && out.result.errors.length === 0) void vscode.window.setStatusBarMessage(vscode.l10n.t('Telnyx Porting: no new events'), 3000);
    else if (out?.result?.errors.length) {
      void showWarning(vscode.l10n.t('Checking for new events: {0}', out.result.errors[0]!.message), vscode.l10n.t('Show Log')).then((c) => c && s.log.show());
    }
    return out;
  });
}
