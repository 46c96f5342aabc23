// Filter by Status…: on a root. Port-out filters on the server; port-in has no status filter in the
// API, so every page is fetched (concurrently, with progress and cancel) and filtered here. That scan asks
// without the embedded numbers (a third of the bytes); the orders it keeps are read again with them (fillNumbers.ts).

import * as vscode from 'vscode';
import { withNumbers } from '../api/fillNumbers';
import { statusQuery, withoutNumbers } from '../api/search';
import { readSettings } from '../config';
import { looksOf } from '../presentation/directionLooks';
import type { Services } from '../services';
import { DirectionRootNode } from '../tree/rootNode';
import { reportError } from '../ui/notify';
import { withPagesProgress } from '../ui/progress';
import { readEveryOrder } from '../ui/readEveryOrder';

export function registerFilterByStatus(s: Services): vscode.Disposable {
  // From a row's menu VS Code passes (row, selected rows): only a list of strings is a preset of statuses.
  const filter = async (node?: unknown, given?: unknown): Promise<number | undefined> => {
    const preset = Array.isArray(given) && given.length > 0 && given.every((v) => typeof v === 'string') ? (given as string[]) : undefined;
    const root = node instanceof DirectionRootNode ? node : await pickRoot(s);
    if (!root) return undefined;
    const dir = root.direction;
    const statuses =
      preset ??
      (
        await vscode.window.showQuickPick(
          Object.entries(looksOf(dir).statuses).map(([value, look]) => ({ label: look.label, description: value, value })),
          { title: vscode.l10n.t('Show {0} orders with status…', dir.label), canPickMany: true },
        )
      )?.map((p) => p.value);
    if (!statuses?.length) return undefined;
    const label = statuses.map((v) => looksOf(dir).statuses[v]?.label ?? v).join(', ');
    const query = statusQuery(dir, statuses);
    if (query) {
      root.setFilter({ label, query });
      return undefined;
    }
    try {
      const client = await s.session.get();
      const all = await readEveryOrder(client, root, vscode.l10n.t('Loading every {0} order to filter by status', dir.label), withoutNumbers(dir));
      const kept = all.items.filter((o) => statuses.includes(dir.statusOf(o) ?? ''));
      const matches = kept.length === 0 ? kept : await withPagesProgress(vscode.l10n.t('Reading the numbers of {0} {1} orders', kept.length, dir.label), (_p, signal) => withNumbers(client, dir, kept, { concurrency: readSettings().concurrency, signal }), root.resetSignal);
      // A scan cut short or still changing: the root's warning row says some may be missing.
      root.setFilter({ label, matches, settled: all.settled });
      return matches.length;
    } catch (e) {
      await reportError(e, s.log, () => filter(root, statuses));
      return undefined;
    }
  };
  return vscode.commands.registerCommand('telnyxPorting.filterByStatus', filter);
}

async function pickRoot(s: Services): Promise<DirectionRootNode | undefined> {
  const pick = await vscode.window.showQuickPick(
    s.tree.roots.map((r) => ({ label: r.direction.label, root: r })),
    { title: vscode.l10n.t('Filter which orders?') },
  );
  return pick?.root;
}
