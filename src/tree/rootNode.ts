// "Port-in" / "Port-out": a direction's orders, newest first, a page at a time.

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import { newestFirst } from '../api/paging';
import type { Order, Page, PortingEvent } from '../api/types';
import type { TreeContext, TreeNode } from './node';
import { OrderNode } from './orderNode';
import { PagedNode } from './pagedNode';
import { RecentEventsNode } from './recentEventsNode';

/** What the root shows instead of all orders: a server-side filter, or a complete list already filtered here. */
export interface OrderFilter {
  label: string;
  /** Query filters the API applies (lazy paging still works). */
  query?: Record<string, string>;
  /** Orders already fetched in full and filtered on our side, for filters the API lacks. */
  matches?: Order[];
}

export class DirectionRootNode extends PagedNode<Order> {
  private readonly recent: RecentEventsNode;
  private filterState: OrderFilter | undefined;

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
    item.contextValue = `root:${this.direction.id}${this.filterState ? ':filtered' : ''}`;
    const total = this.list.total;
    const count = total !== undefined ? `${total} order${total === 1 ? '' : 's'}` : undefined;
    item.description = [this.filterState ? `filter: ${this.filterState.label}` : undefined, count].filter(Boolean).join(' · ') || undefined;
    item.tooltip = this.direction.id === 'portin' ? 'Porting orders: numbers moving to Telnyx' : 'Port-outs: numbers moving away from Telnyx';
    return item;
  }

  /** Every event loaded under this root (Recent events and expanded orders), newest first, once each. */
  loadedEvents(): PortingEvent[] {
    const orders = this.madeChildren.filter((n): n is OrderNode => n instanceof OrderNode);
    const byId = new Map<string, PortingEvent>();
    for (const e of [...this.recent.records, ...orders.flatMap((o) => o.records)]) if (e.id && !byId.has(e.id)) byId.set(e.id, e);
    return newestFirst([...byId.values()]);
  }

  get filter(): OrderFilter | undefined {
    return this.filterState;
  }

  /** Shows only what the filter selects (undefined: everything again) and reloads. */
  setFilter(filter: OrderFilter | undefined): void {
    this.filterState = filter;
    super.reset();
    this.ctx.changed(this);
  }

  protected override leadingChildren(): TreeNode[] {
    return this.ctx.showRecentEvents() && !this.filterState ? [this.recent] : [];
  }

  override reset(): void {
    super.reset();
    this.recent.reset();
  }

  protected override arrange(items: Order[]): Order[] {
    return newestFirst(items);
  }

  protected async fetchPage(pageNumber: number, pageSize: number): Promise<Page<Order>> {
    const matches = this.filterState?.matches;
    if (matches) return { items: matches, pageNumber: 1, pageSize: matches.length, totalPages: 1, totalResults: matches.length };
    const client = await this.ctx.client();
    return client.listOrders(this.direction, { pageNumber, pageSize, filters: this.filterState?.query });
  }

  protected childFor(order: Order): TreeNode {
    return new OrderNode(this.direction, order, this, this.ctx);
  }
}
