// "Recent events": every event of a direction, newest first, for "what happened today".

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import { spokenRecentEvents } from '../presentation/spokenLabels';
import { EventsNode } from './eventsNode';
import type { TreeContext, TreeNode } from './node';

export class RecentEventsNode extends EventsNode {
  constructor(direction: Direction, parent: TreeNode, ctx: TreeContext) {
    super(direction, `${direction.id}/recent`, parent, ctx);
  }

  readonly forOrder = false;
  readonly order = undefined;

  get orderId(): undefined {
    return undefined;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Recent events'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('history');
    item.contextValue = `recent:${this.direction.id}`;
    item.tooltip = vscode.l10n.t('All {0} events, newest first', this.direction.label);
    item.accessibilityInformation = { label: spokenRecentEvents(this.direction) };
    return item;
  }
}
