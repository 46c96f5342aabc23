// Watch Order (order context menu): the order joins its direction's "Watched" group.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { OrderNode } from '../tree/orderNode';

export function registerWatchOrder(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.watchOrder', async (node?: OrderNode): Promise<boolean> => {
    if (!(node instanceof OrderNode) || !node.order.id) return false;
    await s.watched.set(node.direction.id, node.order.id, true);
    s.tree.render(node);
    return true;
  });
}
