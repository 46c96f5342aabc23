// "Recent events": every event of a direction, newest first, for "what happened today".

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import { newestFirst } from '../api/paging';
import { slimPage } from './slimPage';
import type { Page, PortingEvent } from '../api/types';
import { EventNode } from './eventNode';
import type { TreeContext, TreeNode } from './node';
import { PagedNode } from './pagedNode';

export class RecentEventsNode extends PagedNode<PortingEvent> {
  constructor(
    readonly direction: Direction,
    parent: TreeNode,
    ctx: TreeContext,
  ) {
    super(`${direction.id}/recent`, parent, ctx);
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Recent events', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('history');
    item.contextValue = `recent:${this.direction.id}`;
    item.tooltip = `All ${this.direction.label} events, newest first`;
    return item;
  }

  protected fetchPage(pageNumber: number, pageSize: number): Promise<Page<PortingEvent>> {
    return this.ctx.client().then((c) => c.listEvents(this.direction, { pageNumber, pageSize })).then(slimPage);
  }

  protected override arrange(items: PortingEvent[]): PortingEvent[] {
    return newestFirst(items);
  }

  protected childFor(event: PortingEvent): TreeNode {
    return new EventNode(this.direction, event, this, true);
  }
}
