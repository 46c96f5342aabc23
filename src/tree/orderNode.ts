// One porting order or port-out; expands to its events, newest first.

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import { orderView } from '../api/labels';
import type { Order } from '../api/types';
import { EventsNode } from './eventsNode';
import type { TreeContext, TreeNode } from './node';
import { themeIcon, untrustedMarkdown } from './shared';

export class OrderNode extends EventsNode {
  constructor(
    direction: Direction,
    readonly order: Order,
    parent: TreeNode,
    ctx: TreeContext,
  ) {
    super(direction, `${direction.id}/order/${order.id ?? 'unknown'}`, parent, ctx);
  }

  get orderId(): string {
    return this.order.id ?? '';
  }

  toTreeItem(): vscode.TreeItem {
    const view = orderView(this.direction, this.order);
    const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = view.description;
    item.iconPath = themeIcon(view.status.icon, view.status.color);
    item.contextValue = `order:${this.direction.id}:${view.statusValue}`;
    return item;
  }

  tooltip(): vscode.MarkdownString {
    return untrustedMarkdown(orderView(this.direction, this.order).tooltip);
  }
}
