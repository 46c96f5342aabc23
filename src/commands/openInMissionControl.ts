// Open in Mission Control (order and event menus): the direction's page of orders in the Telnyx portal, with the
// order's support key on the clipboard to paste into its search, since the portal documents no link to one order.

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import type { Order } from '../api/types';
import { fieldText } from '../presentation/recordFields';
import type { Services } from '../services';
import { EventNode } from '../tree/eventNode';
import { OrderNode } from '../tree/orderNode';
import { showInfo } from '../ui/messages';

export interface Opened {
  url: string;
  /** What was put on the clipboard to search for. */
  copied: string | undefined;
}

/** The text the portal's search finds the order by: its support key, else its id. */
function searchTextOf(order: Order | undefined, orderId: string | undefined): string | undefined {
  return fieldText((order as { support_key?: unknown } | undefined)?.support_key) ?? orderId ?? undefined;
}

/** The handler of telnyxPorting.openInMissionControl (registered lazily: src/tools/lazyTools.ts). */
export function openInMissionControl(s: Services) {
  return async (node?: unknown): Promise<Opened | undefined> => {
    let dir: Direction;
    let copied: string | undefined;
    if (node instanceof OrderNode) {
      dir = node.direction;
      copied = searchTextOf(node.order, node.order.id ?? undefined);
    } else if (node instanceof EventNode) {
      dir = node.direction;
      const orderId = fieldText(node.event[dir.eventOrderField]);
      copied = searchTextOf(orderId ? s.tree.findOrderNode(dir, orderId)?.order : undefined, orderId);
    } else return undefined;
    if (copied) await vscode.env.clipboard.writeText(copied);
    const url = dir.portalUrl;
    await s.openExternal(vscode.Uri.parse(url, true));
    if (copied) void showInfo(vscode.l10n.t('Mission Control shows your {0} orders. {1} is on the clipboard: paste it into its search.', dir.label, copied));
    return { url, copied };
  };
}
