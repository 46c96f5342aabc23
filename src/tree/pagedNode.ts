// The shared behaviour of a node whose children are loaded a page at a time: first page on expand,
// "Load more…" while pages remain, an error node instead of a crash, one load at a time, and no load
// outliving what it was for.

import * as vscode from 'vscode';
import { TelnyxError } from '../api/errors';
import { NewestFirstReader, type ReaderSource } from '../api/newestFirstReader';
import { recordKey, type Identified } from '../api/records';
import { ErrorNode } from './errorNode';
import { LoadMoreNode } from './loadMoreNode';
import type { Pageable } from './pageable';
import { WarningNode } from './warningNode';
import type { TreeContext, TreeNode } from './node';
import type { Page } from '../api/types';

/**
 * A node's source. A node that reads every page itself and hands the reader the result as one page (Needs
 * attention, a filter's matches) says on that page when the read was not settled (FetchAllResult.settled): the
 * reader only learns it from `all`, which such a node never reaches.
 */
export interface NodeSource<T> extends ReaderSource<T> {
  page(pageNumber: number, pageSize: number, signal: AbortSignal): Promise<Page<T> & { settled?: boolean }>;
}

export abstract class PagedNode<T extends Identified> implements Pageable {
  /**
   * Replaced on reset: a load still on the wire then writes into the reader it started with, which
   * nothing shows any more, so a stale answer can never appear under a new filter, key or refresh.
   */
  protected reader: NewestFirstReader<T>;
  private error: TelnyxError | undefined;
  private load: { abort: AbortController; done: Promise<void> } | undefined;
  /** Child nodes are kept, not rebuilt per render, so an expanded order keeps the events it loaded. */
  private nodes = new Map<string, TreeNode>();
  private generation = new AbortController();

  constructor(
    readonly id: string,
    readonly parent: TreeNode | undefined,
    protected readonly ctx: TreeContext,
  ) {
    this.reader = this.newReader();
  }

  abstract toTreeItem(): vscode.TreeItem;
  /** Where the records come from: one page, or every page. */
  protected abstract source(): NodeSource<T>;
  protected abstract childFor(item: T, key: string): TreeNode;
  /** Display order of the records shown; newest first (the reader's) unless a node knows better. */
  protected arrange(items: T[]): T[] {
    return items;
  }
  /** Nodes shown before the records (e.g. "Recent events"). */
  protected leadingChildren(): TreeNode[] {
    return [];
  }

  get loading(): boolean {
    return this.load !== undefined;
  }

  /** Records the list holds according to the last page loaded (undefined before the first). */
  get total(): number | undefined {
    return this.reader.total;
  }

  /** Everything shown so far, newest first, for commands that search the tree. */
  get records(): readonly T[] {
    return this.reader.items;
  }

  async getChildren(): Promise<TreeNode[]> {
    // A reset while page 1 is on the wire starts over with the new reader instead of showing nothing.
    while (!this.reader.started && !this.error) await this.loadNext();
    const reader = this.reader;
    const children = [...this.leadingChildren(), ...this.arrange(reader.items).map((x) => this.nodeFor(x))];
    children.push(...reader.malformed.map((text, i) => new WarningNode(this, `malformed/${i}`, vscode.l10n.t('Unreadable record'), text)));
    if (reader.unsettled) {
      children.push(
        new WarningNode(
          this,
          'unsettled',
          vscode.l10n.t('Some records may be missing'),
          vscode.l10n.t('The list kept changing while it was read, or Telnyx sent fewer distinct records than it claimed. Refresh to read it again.'),
        ),
      );
    }
    if (this.error) children.push(new ErrorNode(this, this.error));
    else if (reader.hasMore) children.push(new LoadMoreNode(this, reader.items.length, reader.total));
    return children;
  }

  async loadMore(): Promise<void> {
    if (this.load) return this.load.done;
    this.error = undefined;
    const loading = this.loadNext();
    this.ctx.changed(this);
    await loading;
    this.ctx.changed(this);
  }

  /**
   * Aborted when this node is reset (refresh, filter, key or settings change): work done for the node
   * outside it (every-page scans) passes it along, so its result is dropped rather than shown late.
   */
  get resetSignal(): AbortSignal {
    return this.generation.signal;
  }

  /** Forget what was loaded and abandon a load in progress; the next expand (or render) fetches page 1 again. */
  reset(): void {
    this.generation.abort();
    this.generation = new AbortController();
    this.load?.abort.abort();
    this.load = undefined;
    this.reader = this.newReader();
    this.nodes = new Map();
    this.error = undefined;
  }

  /** Shows records that arrived after the list was read, at once; returns how many were new here. */
  addRecords(records: readonly T[]): number {
    const added = this.reader.add(records);
    if (added > 0) this.ctx.changed(this);
    return added;
  }

  /** Shows a newer copy of a record already in the list (same id) in its place; false when it is not here. */
  replaceRecord(record: T): boolean {
    if (!this.reader.replace(record)) return false;
    const node = this.nodes.get(recordKey(record));
    if (node?.update) node.update(record);
    else this.nodes.delete(recordKey(record));
    this.ctx.changed(node ?? this);
    return true;
  }

  /** The child nodes made so far (those VS Code has asked for). */
  protected get madeChildren(): TreeNode[] {
    return [...this.nodes.values()];
  }

  private newReader(): NewestFirstReader<T> {
    const reader: NewestFirstReader<T> = new NewestFirstReader<T>(
      {
        page: async (n, size, signal) => {
          const page = await this.source().page(n, size, signal);
          if (page.settled === false) reader.unsettled = true;
          return page;
        },
        all: (signal) => this.source().all(signal),
      },
      this.ctx.pageSize(),
    );
    return reader;
  }

  private nodeFor(item: T): TreeNode {
    const key = recordKey(item);
    let node = this.nodes.get(key);
    if (!node) {
      node = this.childFor(item, key);
      this.nodes.set(key, node);
    }
    return node;
  }

  private loadNext(): Promise<void> {
    if (this.load) return this.load.done;
    const reader = this.reader;
    const abort = new AbortController();
    const done = (async () => {
      try {
        await reader.loadNext(abort.signal);
      } catch (e) {
        // A load abandoned by reset() has nothing to report: its reader is gone.
        if (this.reader === reader && !abort.signal.aborted) {
          this.error = TelnyxError.from(e);
        }
      } finally {
        if (this.load?.abort === abort) this.load = undefined;
      }
    })();
    this.load = { abort, done };
    return done;
  }
}
