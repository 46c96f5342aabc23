// "Needs attention": a direction's orders that are urgent now, most urgent first: port-ins in exception and
// port-outs waiting for the account's answer (longest waiting first), then FOC dates within 48 hours. No API
// filter finds these, so opening the group reads every order once (without embedded numbers where the API
// allows, and the few it keeps again with them); Refresh reads them again.

import * as vscode from 'vscode';
import { MAX_PAGE_SIZE } from '../api/client';
import type { Direction } from '../api/directions';
import { withNumbers } from '../api/fillNumbers';
import type { Order } from '../api/types';
import { attentionOf } from '../presentation/attention';
import { spokenAttention } from '../presentation/spokenLabels';
import type { TreeContext, TreeNode } from './node';
import { OrderNode } from './orderNode';
import { type NodeSource, PagedNode } from './pagedNode';

export class AttentionNode extends PagedNode<Order> {
  /** The count the row last showed: VS Code draws the row before its children are read. */
  private shownTotal: number | undefined;

  constructor(
    readonly direction: Direction,
    parent: TreeNode,
    ctx: TreeContext,
  ) {
    super(`${direction.id}/attention`, parent, ctx);
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Needs attention'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor('charts.orange'));
    item.contextValue = `attention:${this.direction.id}`;
    const total = this.total;
    this.shownTotal = total;
    item.description = total === undefined ? undefined : `${total}`;
    item.accessibilityInformation = { label: spokenAttention(total) };
    item.tooltip = vscode.l10n.t('{0} orders waiting on you or with a FOC date within 48 hours. Opening this reads every {0} order once; Refresh reads them again.', this.direction.label);
    return item;
  }

  override async getChildren(): Promise<TreeNode[]> {
    const children = await super.getChildren();
    // The scan just told how many there are: draw the row again so it shows the count (once per new count).
    if (this.total !== this.shownTotal) {
      this.shownTotal = this.total;
      this.ctx.changed(this);
    }
    return children;
  }

  protected source(): NodeSource<Order> {
    const urgentOnly = async (signal: AbortSignal): Promise<{ items: Order[]; settled: boolean }> => {
      const client = await this.ctx.client();
      const all = await client.allOrders(this.direction, { pageSize: MAX_PAGE_SIZE, concurrency: this.ctx.concurrency(), signal }, this.direction.withoutNumbers);
      const now = Date.now();
      const urgent = all.items.filter((o) => attentionOf(this.direction, o, now).length > 0);
      return { items: await withNumbers(client, this.direction, urgent, { concurrency: this.ctx.concurrency(), signal }), settled: all.settled };
    };
    return {
      page: async (_n, _size, signal) => {
        const { items, settled } = await urgentOnly(signal);
        return { items, pageNumber: 1, pageSize: Math.max(1, items.length), totalPages: 1, totalResults: items.length, settled };
      },
      all: urgentOnly,
    };
  }

  protected override arrange(items: Order[]): Order[] {
    // Most urgent first, not newest first; clocks move, so ranked again at each render.
    const now = Date.now();
    return rankByUrgency(items, (o) => attentionOf(this.direction, o, now));
  }

  protected childFor(order: Order, key: string): TreeNode {
    return new OrderNode(this.direction, order, this, key, this.ctx);
  }
}

/** Waiting orders first, longest waiting first; then FOC dates, soonest first; orders with nothing urgent left out. */
export function rankByUrgency<O>(orders: readonly O[], clocks: (o: O) => { reason: string; at: number }[]): O[] {
  const ranked: { o: O; waiting: boolean; at: number }[] = [];
  for (const o of orders) {
    const c = clocks(o);
    if (c.length === 0) continue;
    const waiting = c.find((x) => x.reason !== 'foc-soon');
    ranked.push({ o, waiting: !!waiting, at: (waiting ?? c[0]!).at });
  }
  return ranked.sort((a, b) => (a.waiting === b.waiting ? a.at - b.at : a.waiting ? -1 : 1)).map((r) => r.o);
}
