// Export Events as JSON: every event of an order (or of a direction, from "Recent events") in a new
// untitled JSON editor, newest first, for sharing or diffing. Fetched concurrently with progress and cancel.

import * as vscode from 'vscode';
import { MAX_PAGE_SIZE } from '../api/client';
import { newestFirst } from '../api/records';
import { orderIdName, orderName } from '../presentation/orderName';
import { readSettings } from '../config';
import type { Services } from '../services';
import { EventsNode } from '../tree/eventsNode';
import { reportError } from '../ui/notify';
import { withPagesProgress } from '../ui/progress';
import { showError, showWarning } from '../ui/messages';

/** The handler of telnyxPorting.exportEvents (registered lazily: src/tools/lazyTools.ts). */
export function exportEvents(s: Services) {
  const run = async (node?: EventsNode): Promise<number | undefined> => {
    if (!(node instanceof EventsNode)) return undefined;
    const dir = node.direction;
    const orderId = node.orderId;
    // An order without an id must not fall back to exporting every event of the direction.
    if (node.forOrder && !orderId) {
      void showError(vscode.l10n.t('This order has no id in what Telnyx sent, so its events cannot be exported.'));
      return undefined;
    }
    try {
      const client = await s.session.get();
      const all = await withPagesProgress(
        orderId ? vscode.l10n.t('Exporting the events of {0}', node.order ? orderName(dir, node.order) : orderIdName(dir, orderId)) : vscode.l10n.t('Exporting {0} events', dir.label),
        (onProgress, signal) => client.allEvents(dir, { pageSize: MAX_PAGE_SIZE, concurrency: readSettings().concurrency, onProgress, signal }, orderId),
      );
      const events = newestFirst(all.items);
      if (!all.settled) {
        void showWarning(
          vscode.l10n.t('Events kept arriving or leaving while they were exported; the export may miss some of the newest. Export again to read them all.'),
        );
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(events, null, 2)}\n` });
      await vscode.window.showTextDocument(doc, { preview: false });
      return events.length;
    } catch (e) {
      await reportError(e, s.log, () => run(node));
      return undefined;
    }
  };
  return run;
}
