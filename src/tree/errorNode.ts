// The row a failed load leaves at the end of its list: the reason, and a click that retries (or asks for a key or settings).

import * as vscode from 'vscode';
import type { TelnyxError } from '../api/errors';
import type { TreeNode } from './node';
import type { Pageable } from './pageable';

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
