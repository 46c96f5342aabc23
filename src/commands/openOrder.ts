// Open Order (order context menu and inline): the whole order as Telnyx has it now, as a read-only JSON document
// titled by its numbers or key; Refresh Document reads it again.

import * as vscode from 'vscode';
import { orderUri } from '../documents/orderUri';
import { orderView } from '../presentation/orderView';
import type { Services } from '../services';
import { OrderNode } from '../tree/orderNode';
import { reportError } from '../ui/notify';

export function registerOpenOrder(s: Services): vscode.Disposable {
  const open = async (node?: OrderNode): Promise<vscode.TextEditor | undefined> => {
    if (!(node instanceof OrderNode) || !node.order.id) return undefined;
    try {
      const uri = orderUri(node.direction.id, node.order.id, orderView(node.direction, node.order).name);
      return await vscode.window.showTextDocument(await s.docs.open(uri), { preview: true });
    } catch (e) {
      await reportError(e, s.log, () => open(node));
      return undefined;
    }
  };
  return vscode.commands.registerCommand('telnyxPorting.openOrder', open);
}
