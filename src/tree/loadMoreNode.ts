// "Load more…" at the end of a list with pages left: shows how many are loaded and turns into a spinner while loading.

import * as vscode from 'vscode';
import { spokenLoadMore } from '../presentation/spokenLabels';
import type { TreeNode } from './node';
import type { Pageable } from './pageable';

export class LoadMoreNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: Pageable,
    private readonly shown: number,
    private readonly total: number | undefined,
  ) {
    this.id = `${parent.id}/more`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.parent.loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.total !== undefined ? vscode.l10n.t('{0} of {1}', this.shown, this.total) : vscode.l10n.t('{0} shown', this.shown);
    item.iconPath = new vscode.ThemeIcon(this.parent.loading ? 'loading~spin' : 'ellipsis');
    item.accessibilityInformation = { label: spokenLoadMore(this.shown, this.total, this.parent.loading) };
    item.contextValue = 'loadMore';
    item.command = { command: 'telnyxPorting.loadMore', title: vscode.l10n.t('Load More'), arguments: [this] };
    return item;
  }
}
