// "Port-in" / "Port-out": a direction's orders, newest first, a page at a time.

import * as vscode from 'vscode';
import { MAX_PAGE_SIZE } from '../api/client';
import type { Direction } from '../api/directions';
import { newestFirst } from '../api/records';
import type { Order, PortingEvent } from '../api/types';
import { looksOf } from '../presentation/directionLooks';
import { spokenRoot } from '../presentation/spokenLabels';
import type { TreeContext, TreeNode } from './node';
import { AttentionNode } from './attentionNode';
import { OrderNode } from './orderNode';
import { WatchedNode } from './watchedNode';
import { type NodeSource, PagedNode } from './pagedNode';
import { RecentEventsNode } from './recentEventsNode';

/** What the root shows instead of all orders: a server-side filter, or a complete list already filtered here. */
export interface OrderFilter {
  label: string;
  /** Query filters the API applies (lazy paging still works). */
  query?: Record<string, string>;
  /** Orders already fetched in full and filtered on our side, for filters the API lacks. */
  matches?: Order[];
  /** Per order id, the fields a search matched ("customer reference", "number"…), shown on its row. */
  matchedBy?: ReadonlyMap<string, readonly string[]>;
  /** False when the read that found `matches` was not settled (FetchAllResult.settled): some may be missing. */
  settled?: boolean;
}

export class DirectionRootNode extends PagedNode<Order> {
  private readonly recent: RecentEventsNode;
  private readonly attention: AttentionNode;
  private readonly watchedGroup: WatchedNode;
  private filterState: OrderFilter | undefined;

  constructor(
    readonly direction: Direction,
    ctx: TreeContext,
  ) {
    super(direction.id, undefined, ctx);
    this.recent = new RecentEventsNode(direction, this, ctx);
    this.attention = new AttentionNode(direction, this, ctx);
    this.watchedGroup = new WatchedNode(direction, this, ctx, () => ctx.watched(direction.id));
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.direction.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(looksOf(this.direction).rootIcon);
    item.contextValue = `root:${this.direction.id}${this.filterState ? ':filtered' : ''}`;
    const total = this.reader.total;
    const count = total === undefined ? undefined : total === 1 ? vscode.l10n.t('1 order') : vscode.l10n.t('{0} orders', total);
    item.description = [this.filterState ? vscode.l10n.t('filter: {0}', this.filterState.label) : undefined, count].filter(Boolean).join(' · ') || undefined;
    item.tooltip = looksOf(this.direction).rootTooltip;
    item.accessibilityInformation = { label: spokenRoot(this.direction, total, this.filterState?.label) };
    return item;
  }

  /** Every event loaded under this root (Recent events and expanded orders), newest first, once each. */
  loadedEvents(): PortingEvent[] {
    const orders = this.orderNodes();
    const byId = new Map<string, PortingEvent>();
    for (const e of [...this.recent.records, ...orders.flatMap((o) => o.records)]) if (e.id && !byId.has(e.id)) byId.set(e.id, e);
    return newestFirst([...byId.values()]);
  }

  /** The watcher's new events: on top of Recent events and under their order when it is loaded. */
  addFresh(events: readonly PortingEvent[]): void {
    this.recent.addFresh(events);
    for (const order of this.orderNodes()) order.addFresh(events);
  }

  /** A newer copy of an event (its payload generated since), wherever it is shown. */
  updateEvent(event: PortingEvent): void {
    this.recent.updateEvent(event);
    for (const order of this.orderNodes()) order.updateEvent(event);
  }

  /** The order as read again (its status changed): its row updates in place if it is shown. */
  updateOrder(order: Order): boolean {
    return this.replaceRecord(order);
  }

  findOrder(orderId: string): OrderNode | undefined {
    return this.orderNodes().find((n) => n.order.id === orderId);
  }

  private orderNodes(): OrderNode[] {
    return this.madeChildren.filter((n): n is OrderNode => n instanceof OrderNode);
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
    if (this.filterState) return [];
    const watched = this.ctx.watched(this.direction.id).length > 0 ? [this.watchedGroup] : [];
    return [...watched, ...(this.ctx.showRecentEvents() ? [this.recent] : []), this.attention];
  }

  /** The watched orders changed: the group reads them again. */
  watchedChanged(): void {
    this.watchedGroup.reset();
    this.ctx.changed(this);
  }

  override reset(): void {
    super.reset();
    this.recent.reset();
    this.attention.reset();
    this.watchedGroup.reset();
  }

  protected source(): NodeSource<Order> {
    const filter = this.filterState;
    const matches = filter?.matches;
    if (matches) {
      const settled = filter.settled !== false;
      const page = { items: matches, pageNumber: 1, pageSize: matches.length, totalPages: 1, totalResults: matches.length, settled };
      return { page: async () => page, all: async () => ({ items: matches, settled }) };
    }
    return {
      page: async (pageNumber, pageSize, signal) =>
        (await this.ctx.client()).listOrders(this.direction, { pageNumber, pageSize, filters: filter?.query, signal }),
      all: async (signal) => (await this.ctx.client()).allOrders(this.direction, { pageSize: MAX_PAGE_SIZE, concurrency: this.ctx.concurrency(), signal }, filter?.query),
    };
  }

  protected childFor(order: Order, key: string): TreeNode {
    return new OrderNode(this.direction, order, this, key, this.ctx, order.id ? this.filterState?.matchedBy?.get(order.id) : undefined);
  }
}
