// Find Order…: a phone number, support key, customer reference or PON, searched in both directions for
// every field it may be. The API's filters answer what they can; the rest is matched here over every page
// (see searchPlan). Each root then shows the complete result, labelled with what matched.

import * as vscode from 'vscode';
import { findOrders } from '../api/findOrders';
import { matchSummary, searchPlan } from '../api/search';
import type { Services } from '../services';
import { withPagesProgress } from '../ui/progress';
import { reportError } from '../ui/notify';
import { scanOptions } from '../ui/readEveryOrder';

export function registerFindOrder(s: Services): vscode.Disposable {
  // From the view title VS Code passes the focused row: only a string is text to search for.
  const find = async (given?: unknown): Promise<number | undefined> => {
    const text = (
      (typeof given === 'string' ? given : undefined) ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Find Porting Order'),
        prompt: vscode.l10n.t('Phone number (whole or part), support key (sr_…, PO_…), customer reference, PON or end user'),
        validateInput: (v) => (v.trim().length < 2 ? vscode.l10n.t('Type at least two characters.') : undefined),
      }))
    )?.trim();
    if (!text) return undefined;
    try {
      const client = await s.session.get();
      let found = 0;
      for (const root of s.tree.roots) {
        const dir = root.direction;
        const title = searchPlan(dir, text).scan ? vscode.l10n.t('Searching every {0} order for "{1}"', dir.label, text) : vscode.l10n.t('Searching {0} orders for "{1}"', dir.label, text);
        const result = await withPagesProgress(title, (onProgress, signal) => findOrders(client, dir, text, { ...scanOptions(root), onProgress, signal }), root.resetSignal);
        found += result.orders.length;
        root.setFilter({ label: matchSummary(text, result.matchedBy), matches: result.orders, matchedBy: result.matchedBy, settled: result.settled });
      }
      await vscode.commands.executeCommand('telnyxPorting.orders.focus');
      return found;
    } catch (e) {
      await reportError(e, s.log, () => find(text));
      return undefined;
    }
  };
  return vscode.commands.registerCommand('telnyxPorting.findOrder', find);
}
