// The shared behaviour of a node whose children are loaded a page at a time: first page on expand,
// "Load more…" while pages remain, an error node instead of a crash, and one request at a time.

import type * as vscode from 'vscode';
import { TelnyxError } from '../api/errors';
import { PagedList, type Identified } from '../api/paging';
import type { Page } from '../api/types';
import { ErrorNode, LoadMoreNode, type Pageable } from './messageNodes';
import type { TreeContext, TreeNode } from './node';

export abstract class PagedNode<T extends Identified> implements Pageable {
  protected readonly list = new PagedList<T>();
  private error: TelnyxError | undefined;
  private pending: Promise<void> | undefined;
  /** Child nodes are kept, not rebuilt per render, so an expanded order keeps the events it loaded. */
  private nodes = new Map<T, TreeNode>();

  constructor(
    readonly id: string,
    readonly parent: TreeNode | undefined,
    protected readonly ctx: TreeContext,
  ) {}

  abstract toTreeItem(): vscode.TreeItem;
  protected abstract fetchPage(pageNumber: number, pageSize: number): Promise<Page<T>>;
  protected abstract childFor(item: T): TreeNode;
  /** Display order of the loaded records. */
  protected arrange(items: T[]): T[] {
    return items;
  }
  /** Nodes shown before the records (e.g. "Recent events"). */
  protected leadingChildren(): TreeNode[] {
    return [];
  }

  get loading(): boolean {
    return this.pending !== undefined;
  }

  /** Records the list holds according to the last page loaded (undefined before the first). */
  get total(): number | undefined {
    return this.list.total;
  }

  /** Everything loaded so far, for commands that search the tree. */
  get records(): readonly T[] {
    return this.list.items;
  }

  async getChildren(): Promise<TreeNode[]> {
    if (this.list.loadedPages === 0 && !this.error) await this.loadNext();
    const children = [...this.leadingChildren(), ...this.arrange(this.list.items).map((x) => this.nodeFor(x))];
    if (this.error) children.push(new ErrorNode(this, this.error));
    else if (this.list.hasMore) children.push(new LoadMoreNode(this, this.list.items.length, this.list.total));
    return children;
  }

  async loadMore(): Promise<void> {
    if (this.pending) return this.pending;
    this.error = undefined;
    const loading = this.loadNext();
    this.ctx.changed(this);
    await loading;
    this.ctx.changed(this);
  }

  /** Forget what was loaded; the next expand (or render) fetches page 1 again. */
  reset(): void {
    this.list.reset();
    this.nodes = new Map();
    this.error = undefined;
  }

  /** The child nodes made so far (those VS Code has asked for). */
  protected get madeChildren(): TreeNode[] {
    return [...this.nodes.values()];
  }

  private nodeFor(item: T): TreeNode {
    let node = this.nodes.get(item);
    if (!node) {
      node = this.childFor(item);
      this.nodes.set(item, node);
    }
    return node;
  }

  private loadNext(): Promise<void> {
    this.pending ??= (async () => {
      try {
        const size = this.ctx.pageSize();
        this.list.add(await this.fetchPage(this.list.pageToLoad, size));
        // Records that arrived since page 1 pushed others past pages we read: read those pages again.
        for (let n = 1; this.list.shortfall > 0 && n < this.list.pageToLoad; n++) {
          this.list.merge(await this.fetchPage(n, size));
        }
      } catch (e) {
        this.error = e instanceof TelnyxError ? e : new TelnyxError('malformed', `Unexpected problem: ${(e as Error)?.message ?? String(e)}`);
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }
}
