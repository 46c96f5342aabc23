// Find Order…: a phone number, support key, customer reference or PON, searched in both directions.
// The API's filters are used where it has them; otherwise every page is fetched and matched here.

import * as vscode from 'vscode';
import { orderMatches, searchQuery } from '../api/search';
import type { Services } from '../services';
import { reportError } from '../ui/notify';
import { everyOrder } from './everyOrder';

export function registerFindOrder(s: Services): vscode.Disposable {
  const find = async (given?: string): Promise<number | undefined> => {
    const text = (
      given ??
      (await vscode.window.showInputBox({
        title: 'Find Porting Order',
        prompt: 'Phone number, support key (sr_…, PO_…), customer reference or PON',
        validateInput: (v) => (v.trim().length < 2 ? 'Type at least two characters.' : undefined),
      }))
    )?.trim();
    if (!text) return undefined;
    try {
      const client = await s.session.get();
      let found = 0;
      for (const root of s.tree.roots) {
        const dir = root.direction;
        const query = searchQuery(dir, text);
        if (query) {
          root.setFilter({ label: text, query });
          continue;
        }
        const orders = await everyOrder(client, root, `Searching every ${dir.label} order for "${text}"`);
        const matches = orders.filter((o) => orderMatches(dir, o, text));
        found += matches.length;
        root.setFilter({ label: text, matches });
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
