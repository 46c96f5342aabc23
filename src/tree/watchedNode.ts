// "Watched": the orders the user watches in this direction, read afresh by id when opened or refreshed, at the top
// of the direction. An order that cannot be read any more (deleted upstream) is a warning row, not a failed group.

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import { TelnyxError } from '../api/errors';
import type { ReaderSource } from '../api/newestFirstReader';
import type { Order } from '../api/types';
import { spokenWatched } from '../presentation/spokenLabels';
import type { TreeContext, TreeNode } from './node';
import { OrderNode } from './orderNode';
import { PagedNode } from './pagedNode';

export class WatchedNode extends PagedNode<Order> {
  constructor(
    readonly direction: Direction,
    parent: TreeNode,
    ctx: TreeContext,
    private readonly ids: () => string[],
  ) {
    super(`${direction.id}/watched`, parent, ctx);
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Watched'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('eye');
    item.contextValue = `watched:${this.direction.id}`;
    const watched = this.ids().length;
    item.description = `${watched}`;
    item.accessibilityInformation = { label: spokenWatched(watched) };
    item.tooltip = vscode.l10n.t('{0} orders you watch (context menu of an order: Watch / Unwatch)', this.direction.label);
    return item;
  }

  protected source(): ReaderSource<Order> {
    const read = async (signal: AbortSignal): Promise<{ items: Order[]; malformed: string[] }> => {
      const client = await this.ctx.client();
      const items: Order[] = [];
      const malformed: string[] = [];
      await Promise.all(
        this.ids().map(async (id) => {
          try {
            items.push(await client.getOrder(this.direction, id, signal));
          } catch (e) {
            const err = TelnyxError.from(e);
            // A key or network problem is the group's error; one order gone is that order's row.
            if (err.kind !== 'not-found') throw err;
            malformed.push(vscode.l10n.t('Watched order {0} could not be read: {1}', id, err.message));
          }
        }),
      );
      return { items, malformed };
    };
    return {
      page: async (_n, _size, signal) => {
        const { items, malformed } = await read(signal);
        return { items, malformed, pageNumber: 1, pageSize: Math.max(1, items.length), totalPages: 1, totalResults: items.length };
      },
      all: async (signal) => ({ items: (await read(signal)).items, settled: true }),
    };
  }

  protected childFor(order: Order, key: string): TreeNode {
    return new OrderNode(this.direction, order, this, key, this.ctx);
  }
}
