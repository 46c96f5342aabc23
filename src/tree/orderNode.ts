// One porting order or port-out; expands to its events, newest first.

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import { orderView } from '../api/labels';
import { newestFirst } from '../api/paging';
import { slimPage } from './slimPage';
import type { Order, Page, PortingEvent } from '../api/types';
import { EventNode } from './eventNode';
import { themeIcon, untrustedMarkdown } from './shared';
import type { TreeContext, TreeNode } from './node';
import { PagedNode } from './pagedNode';

export class OrderNode extends PagedNode<PortingEvent> {
  constructor(
    readonly direction: Direction,
    readonly order: Order,
    parent: TreeNode,
    ctx: TreeContext,
  ) {
    super(`${direction.id}/order/${order.id ?? 'unknown'}`, parent, ctx);
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

  protected fetchPage(pageNumber: number, pageSize: number): Promise<Page<PortingEvent>> {
    const orderId = this.order.id ?? '';
    return this.ctx.client().then((c) => c.listEvents(this.direction, { orderId, pageNumber, pageSize })).then(slimPage);
  }

  protected override arrange(items: PortingEvent[]): PortingEvent[] {
    return newestFirst(items);
  }

  protected childFor(event: PortingEvent): TreeNode {
    return new EventNode(this.direction, event, this);
  }
}
