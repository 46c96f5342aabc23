// What every tree node is: something that builds its own TreeItem and, if it has any, its children.

import type * as vscode from 'vscode';
import type { TelnyxClient } from '../api/client';
import type { DirectionId } from '../api/directions';

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
  /** Takes a newer copy of the record the node shows (same id), keeping the node and what it loaded. */
  update?(record: unknown): void;
}

/** What nodes need from the rest of the extension. */
export interface TreeContext {
  client(): Promise<TelnyxClient>;
  pageSize(): number;
  /** Requests at once when a list with no order must be read whole. */
  concurrency(): number;
  /** Whether an event arrived while watching and has not been opened yet. */
  isNew(eventId: string): boolean;
  /** The ids of the orders the user watches in a direction. */
  watched(dir: DirectionId): string[];
  showRecentEvents(): boolean;
  /** Re-render a node (or the whole tree) after its state changed. */
  changed(node?: TreeNode): void;
}
