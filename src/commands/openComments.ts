// Comments (order context menu and inline; Reply on a "new comment" notification): opens the order document with
// its conversation as a comment thread on it, read oldest to newest, with a reply box. See comments/conversations.ts.

import * as vscode from 'vscode';
import { direction as directionOf, isDirectionId, type DirectionId } from '../api/directions';
import type { Order } from '../api/types';
import { orderUri } from '../documents/orderUri';
import { orderView } from '../presentation/orderView';
import type { Services } from '../services';
import { OrderNode } from '../tree/orderNode';
import type { Conversation } from '../comments/conversations';
import { reportError } from '../ui/notify';

/** An order named by id, as a notification knows it when the order is not in the tree. */
export interface OrderRef {
  directionId: DirectionId;
  orderId: string;
}

function isOrderRef(v: unknown): v is OrderRef {
  const r = v as Partial<OrderRef> | undefined;
  return typeof r?.orderId === 'string' && isDirectionId(r.directionId);
}

export function registerOpenComments(s: Services): vscode.Disposable {
  const open = async (target?: unknown): Promise<Conversation | undefined> => {
    let dir;
    let order: Order | undefined;
    try {
      if (target instanceof OrderNode) {
        dir = target.direction;
        order = target.order;
      } else if (isOrderRef(target)) {
        dir = directionOf(target.directionId);
        // Shown in the tree: its record names the tab; otherwise it is read once for its numbers and reference.
        order = s.tree.findOrderNode(dir, target.orderId)?.order ?? (await (await s.session.get()).getOrder(dir, target.orderId));
      } else return undefined;
      if (!order?.id) return undefined;
      const title = orderView(dir, order).name;
      const uri = orderUri(dir.id, order.id, title);
      await vscode.window.showTextDocument(await s.docs.open(uri), { preview: false });
      return await s.comments.show(dir, order.id, title, uri);
    } catch (e) {
      await reportError(e, s.log, () => open(target));
      return dir && order?.id ? s.comments.get(dir, order.id) : undefined;
    }
  };
  return vscode.commands.registerCommand('telnyxPorting.openComments', open);
}
