// Unwatch Order (context menu of a watched order): the order leaves its direction's "Watched" group.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { OrderNode } from '../tree/orderNode';

export function registerUnwatchOrder(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.unwatchOrder', async (node?: OrderNode): Promise<boolean> => {
    if (!(node instanceof OrderNode) || !node.order.id) return false;
    await s.watched.set(node.direction.id, node.order.id, false);
    s.tree.render(node);
    return true;
  });
}
