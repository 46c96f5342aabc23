// Start Demo Sandbox (palette, welcome view): see demo/demoAccount.ts.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { reportError } from '../ui/notify';

export function registerStartDemoSandbox(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.startDemoSandbox', async (): Promise<string | undefined> => {
    try {
      const url = await s.demo.start();
      // Learn where the lists end now, so the demo's first live event (within a minute) is news at the next tick.
      void s.watch.tickNow();
      s.log.info(`Demo sandbox running at ${url}; the Demo account is in use.`);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(beaker) Demo sandbox running: made-up orders and events, nothing reaches Telnyx. Stop Demo Sandbox ends it.'), 8000);
      await vscode.commands.executeCommand('telnyxPorting.orders.focus');
      return url;
    } catch (e) {
      await reportError(e, s.log);
      return undefined;
    }
  });
}
