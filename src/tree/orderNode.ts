// One porting order or port-out; expands to its events, newest first.

import * as vscode from 'vscode';
import { matchFieldWords, type Direction } from '../api/directions';
import type { Order } from '../api/types';
import { orderView } from '../presentation/orderView';
import { spokenOrder } from '../presentation/spokenLabels';
import { EventsNode } from './eventsNode';
import type { TreeContext, TreeNode } from './node';
import { themeIcon } from './themeIcon';
import { untrustedMarkdown } from './untrustedMarkdown';

export class OrderNode extends EventsNode {
  readonly forOrder = true;

  constructor(
    direction: Direction,
    public order: Order,
    parent: TreeNode,
    /** recordKey of the order: its id, or a key made from its content when Telnyx sent none. */
    key: string,
    ctx: TreeContext,
    /** What a search matched on this order, said on its row. */
    private readonly matched?: readonly string[],
  ) {
    super(direction, `${direction.id}/order/${key}`, parent, ctx);
  }

  get orderId(): string | undefined {
    return this.order.id ?? undefined;
  }

  toTreeItem(): vscode.TreeItem {
    const view = orderView(this.direction, this.order);
    // Without an id there is nothing to ask Telnyx about this order: no events to expand, no export.
    const item = new vscode.TreeItem(view.label, this.order.id ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const matched = this.matched?.map(matchFieldWords);
    item.description = matched?.length ? `${view.description} · ${vscode.l10n.t('matched {0}', matched.join(', '))}` : view.description;
    item.iconPath = themeIcon(view.status.icon, view.status.color);
    // Without an id no order action (refresh, export, copy id) has anything to act on.
    const watched = !!this.order.id && this.ctx.watched(this.direction.id).includes(this.order.id);
    item.contextValue = this.order.id ? `order:${this.direction.id}:${view.statusValue}${watched ? ':watched' : ''}` : `orderWithoutId:${this.direction.id}`;
    item.accessibilityInformation = { label: spokenOrder(view, { watched, matched }) };
    return item;
  }

  update(order: Order): void {
    this.order = order;
  }

  tooltip(): vscode.MarkdownString {
    return untrustedMarkdown(orderView(this.direction, this.order).tooltip);
  }
}
