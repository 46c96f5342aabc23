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
  const find = async (given?: string): Promise<number | undefined> => {
    const text = (
      given ??
      (await vscode.window.showInputBox({
        title: 'Find Porting Order',
        prompt: 'Phone number (whole or part), support key (sr_…, PO_…), customer reference, PON or end user',
        validateInput: (v) => (v.trim().length < 2 ? 'Type at least two characters.' : undefined),
      }))
    )?.trim();
    if (!text) return undefined;
    try {
      const client = await s.session.get();
      let found = 0;
      for (const root of s.tree.roots) {
        const dir = root.direction;
        const title = searchPlan(dir, text).scan ? `Searching every ${dir.label} order for "${text}"` : `Searching ${dir.label} orders for "${text}"`;
        const result = await withPagesProgress(title, (onProgress, signal) => findOrders(client, dir, text, { ...scanOptions(root), onProgress, signal }), root.resetSignal);
        found += result.orders.length;
        root.setFilter({ label: matchSummary(text, result.matchedBy), matches: result.orders, matchedBy: result.matchedBy });
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
