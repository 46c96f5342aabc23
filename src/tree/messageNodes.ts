// Leaf nodes that stand at the end of a paged list: "Load more…" and the error with its retry.

import * as vscode from 'vscode';
import type { TelnyxError } from '../api/errors';
import type { TreeNode } from './node';

/** A node whose children come a page at a time. */
export interface Pageable extends TreeNode {
  loadMore(): Promise<void>;
  readonly loading: boolean;
}

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
    const item = new vscode.TreeItem(this.parent.loading ? 'Loading…' : 'Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.total !== undefined ? `${this.shown} of ${this.total}` : `${this.shown} shown`;
    item.iconPath = new vscode.ThemeIcon(this.parent.loading ? 'loading~spin' : 'ellipsis');
    item.contextValue = 'loadMore';
    item.command = { command: 'telnyxPorting.loadMore', title: 'Load More', arguments: [this] };
    return item;
  }
}

export class ErrorNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: Pageable,
    readonly error: TelnyxError,
  ) {
    this.id = `${parent.id}/error`;
  }

  toTreeItem(): vscode.TreeItem {
    const short = this.error.kind === 'auth' ? 'API key refused' : this.error.kind === 'config' ? 'Check settings' : 'Could not load';
    const item = new vscode.TreeItem(`${short}: click to retry`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.error.message;
    item.tooltip = new vscode.MarkdownString().appendText(this.error.message);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = `error:${this.error.kind}`;
    item.command = { command: 'telnyxPorting.retry', title: 'Retry', arguments: [this] };
    return item;
  }
}

/**
 * A warning that stands in the list without failing it: an entry Telnyx sent that is not a readable
 * record, or a list that kept changing while it was read whole.
 */
export class WarningNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: Pageable,
    idSuffix: string,
    private readonly label: string,
    private readonly detail: string,
  ) {
    this.id = `${parent.id}/${idSuffix}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.detail;
    item.tooltip = new vscode.MarkdownString().appendText(this.detail);
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.contextValue = 'warning';
    return item;
  }
}
