// What every tree node is: something that builds its own TreeItem and, if it has any, its children.

import type * as vscode from 'vscode';
import type { TelnyxClient } from '../api/client';

export interface TreeNode {
  /** Stable across refreshes so VS Code keeps expansion and selection. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  toTreeItem(): vscode.TreeItem;
  /** Built on hover only (resolveTreeItem), so a tree of many thousand nodes holds no Markdown. */
  tooltip?(): vscode.MarkdownString;
  /** Built when the item is clicked (resolveTreeItem), for the same reason. */
  command?(): vscode.Command;
  getChildren?(): Promise<TreeNode[]>;
}

/** What nodes need from the rest of the extension. */
export interface TreeContext {
  client(): Promise<TelnyxClient>;
  pageSize(): number;
  /** Requests at once when a list with no order must be read whole. */
  concurrency(): number;
  showRecentEvents(): boolean;
  /** Re-render a node (or the whole tree) after its state changed. */
  changed(node?: TreeNode): void;
}
