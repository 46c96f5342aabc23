// Comments (order context menu and inline): opens the order document with its conversation as a comment thread
// on it, read oldest to newest, with a reply box. See comments/conversations.ts.

import * as vscode from 'vscode';
import { orderUri } from '../documents/orderUri';
import { orderView } from '../presentation/orderView';
import type { Services } from '../services';
import { OrderNode } from '../tree/orderNode';
import type { Conversation } from '../comments/conversations';
import { reportError } from '../ui/notify';

export function registerOpenComments(s: Services): vscode.Disposable {
  const open = async (node?: OrderNode): Promise<Conversation | undefined> => {
    if (!(node instanceof OrderNode) || !node.order.id) return undefined;
    const title = orderView(node.direction, node.order).name;
    try {
      const uri = orderUri(node.direction.id, node.order.id, title);
      await vscode.window.showTextDocument(await s.docs.open(uri), { preview: false });
      return await s.comments.show(node.direction, node.order.id, title, uri);
    } catch (e) {
      await reportError(e, s.log, () => open(node));
      return s.comments.get(node.direction, node.order.id);
    }
  };
  return vscode.commands.registerCommand('telnyxPorting.openComments', open);
}
