// "Port-in" / "Port-out": a direction's orders, newest first, a page at a time.

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import type { Order, Page } from '../api/types';
import type { TreeContext, TreeNode } from './node';
import { OrderNode } from './orderNode';
import { PagedNode } from './pagedNode';
import { RecentEventsNode } from './recentEventsNode';

export class DirectionRootNode extends PagedNode<Order> {
  private readonly recent: RecentEventsNode;

  constructor(
    readonly direction: Direction,
    ctx: TreeContext,
  ) {
    super(direction.id, undefined, ctx);
    this.recent = new RecentEventsNode(direction, this, ctx);
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.direction.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.direction.id === 'portin' ? 'arrow-circle-down' : 'arrow-circle-up');
    item.contextValue = `root:${this.direction.id}`;
    const total = this.list.total;
    if (total !== undefined) item.description = `${total} order${total === 1 ? '' : 's'}`;
    item.tooltip = this.direction.id === 'portin' ? 'Porting orders: numbers moving to Telnyx' : 'Port-outs: numbers moving away from Telnyx';
    return item;
  }

  protected override leadingChildren(): TreeNode[] {
    return this.ctx.showRecentEvents() ? [this.recent] : [];
  }

  override reset(): void {
    super.reset();
    this.recent.reset();
  }

  protected fetchPage(pageNumber: number, pageSize: number): Promise<Page<Order>> {
    return this.ctx.client().then((c) => c.listOrders(this.direction, { pageNumber, pageSize }));
  }

  protected childFor(order: Order): TreeNode {
    return new OrderNode(this.direction, order, this, this.ctx);
  }
}
