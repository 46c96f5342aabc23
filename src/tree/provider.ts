// The tree's data provider: two direction roots when a key is set, nothing (so the welcome view shows) when not.

import * as vscode from 'vscode';
import { DIRECTIONS, type Direction } from '../api/directions';
import { newestFirst } from '../api/records';
import type { Order, PortingEvent } from '../api/types';
import type { TreeContext, TreeNode } from './node';
import type { OrderNode } from './orderNode';
import { DirectionRootNode } from './rootNode';

export class PortingTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  readonly roots: DirectionRootNode[];

  /** Events that arrived while watching and were not opened yet (the view's badge counts them). */
  private readonly unseen = new Set<string>();
  private readonly unseenChanges = new vscode.EventEmitter<number>();
  readonly onDidChangeUnseen = this.unseenChanges.event;

  constructor(
    private readonly hasKey: () => Promise<boolean>,
    ctx: Omit<TreeContext, 'changed' | 'isNew'>,
  ) {
    const full: TreeContext = { ...ctx, changed: (node) => this.changes.fire(node), isNew: (id) => this.unseen.has(id) };
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

  /** The watcher's new events of a direction: shown on top where their lists are loaded, and counted as unseen. */
  addFresh(dir: Direction, events: readonly PortingEvent[]): void {
    for (const e of events) if (e.id) this.unseen.add(e.id);
    this.rootOf(dir).addFresh(events);
    this.unseenChanges.fire(this.unseen.size);
  }

  /** Events whose payload was generated since they were shown. */
  updateEvents(dir: Direction, events: readonly PortingEvent[]): void {
    for (const e of events) this.rootOf(dir).updateEvent(e);
  }

  updateOrder(dir: Direction, order: Order): boolean {
    return this.rootOf(dir).updateOrder(order);
  }

  get unseenCount(): number {
    return this.unseen.size;
  }

  /** An event was opened: it is no longer new. */
  markSeen(eventId: string): void {
    if (!this.unseen.delete(eventId)) return;
    this.unseenChanges.fire(this.unseen.size);
    this.changes.fire(undefined);
  }

  markAllSeen(): void {
    if (this.unseen.size === 0) return;
    this.unseen.clear();
    this.unseenChanges.fire(0);
    this.changes.fire(undefined);
  }

  /** The order row shown for an order id, if its list is loaded (for Reveal Order). */
  findOrderNode(dir: Direction, orderId: string): OrderNode | undefined {
    return this.rootOf(dir).findOrder(orderId);
  }

  private rootOf(dir: Direction): DirectionRootNode {
    // One root per direction of the table, built in the constructor.
    return this.roots.find((r) => r.direction.id === dir.id)!;
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
    this.unseenChanges.dispose();
    this.changes.dispose();
  }
}
