// The row a failed load leaves at the end of its list: the reason, and a click that retries (or asks for a key or settings).

import * as vscode from 'vscode';
import type { TelnyxError } from '../api/errors';
import { errorView } from '../presentation/errorView';
import { spokenError } from '../presentation/spokenLabels';
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
    const view = errorView(this.error.kind, this.error.message);
    const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = view.description;
    item.tooltip = new vscode.MarkdownString().appendText(view.tooltip);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = `error:${this.error.kind}`;
    item.accessibilityInformation = { label: spokenError(view) };
    // One command for every kind: it picks the action by kind (src/commands/retry.ts), as errorView words it.
    item.command = { command: 'telnyxPorting.retry', title: view.action, arguments: [this] };
    return item;
  }
}
