// The tree's data provider: two direction roots when a key is set, nothing (so the welcome view shows) when not.

import * as vscode from 'vscode';
import { DIRECTIONS, type Direction } from '../api/directions';
import { newestFirst } from '../api/records';
import type { PortingEvent } from '../api/types';
import type { TreeContext, TreeNode } from './node';
import { DirectionRootNode } from './rootNode';

export class PortingTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  readonly roots: DirectionRootNode[];

  constructor(
    private readonly hasKey: () => Promise<boolean>,
    ctx: Omit<TreeContext, 'changed'>,
  ) {
    const full: TreeContext = { ...ctx, changed: (node) => this.changes.fire(node) };
    this.roots = DIRECTIONS.map((d) => new DirectionRootNode(d, full));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.tooltip) item.tooltip = node.tooltip();
    if (node.command) item.command = node.command();
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.getChildren ? node.getChildren() : [];
    return (await this.hasKey()) ? this.roots : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Every event loaded anywhere in the tree, with its direction, newest first, once each (for pickers). */
  loadedEvents(): { direction: Direction; event: PortingEvent }[] {
    const directionOf = new Map<PortingEvent, Direction>();
    for (const root of this.roots) for (const event of root.loadedEvents()) directionOf.set(event, root.direction);
    return newestFirst([...directionOf.keys()]).map((event) => ({ direction: directionOf.get(event)!, event }));
  }

  /** Forget everything loaded and render again (title-bar Refresh, key or settings change). */
  refreshAll(): void {
    for (const root of this.roots) root.reset();
    this.changes.fire(undefined);
  }

  /** Re-render one node as it is, without refetching. */
  render(node: TreeNode): void {
    this.changes.fire(node);
  }

  dispose(): void {
    this.changes.dispose();
  }
}
