// A warning row inside a list that still loaded: an unreadable record, or a list that kept changing while read whole.

import * as vscode from 'vscode';
import { spokenWarning } from '../presentation/spokenLabels';
import type { TreeNode } from './node';
import type { Pageable } from './pageable';

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
    item.accessibilityInformation = { label: spokenWarning(this.label, this.detail) };
    return item;
  }
}
