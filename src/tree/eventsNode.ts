// What "Recent events" and an order share: a direction's events, or one order's, a page at a time,
// newest first, kept slimmed (see slimEvent): the tree shows words, documents fetch the full payload.

import * as vscode from 'vscode';
import { MAX_PAGE_SIZE } from '../api/client';
import { eventOrderId, type Direction } from '../api/directions';
import { TelnyxError } from '../api/errors';
import type { ReaderSource } from '../api/newestFirstReader';
import type { Order, PortingEvent } from '../api/types';
import { EventNode } from './eventNode';
import type { TreeContext, TreeNode } from './node';
import { PagedNode } from './pagedNode';
import { slimEvent } from './slimEvent';

export abstract class EventsNode extends PagedNode<PortingEvent> {
  constructor(
    readonly direction: Direction,
    id: string,
    parent: TreeNode,
    ctx: TreeContext,
  ) {
    super(id, parent, ctx);
  }

  /** The order whose events these are; undefined for all of the direction's events. */
  abstract get orderId(): string | undefined;
  /** True for one order's events: an order without an id then has none to list, never the whole direction's. */
  abstract readonly forOrder: boolean;
  /** The order these events belong to, when the node is one; its rows name it in confirmations. */
  abstract readonly order: Order | undefined;

  protected source(): ReaderSource<PortingEvent> {
    const orderId = this.orderId;
    if (this.forOrder && !orderId) {
      const refuse = (): never => {
        throw new TelnyxError('malformed', vscode.l10n.t('This order has no id in what Telnyx sent, so its events cannot be listed.'));
      };
      return { page: async () => refuse(), all: async () => refuse() };
    }
    return {
      page: async (pageNumber, pageSize, signal) => {
        const client = await this.ctx.client();
        const page = await client.listEvents(this.direction, { orderId, pageNumber, pageSize, signal });
        return { ...page, items: page.items.map(slimEvent) };
      },
      all: async (signal) => {
        const client = await this.ctx.client();
        const all = await client.allEvents(this.direction, { pageSize: MAX_PAGE_SIZE, concurrency: this.ctx.concurrency(), signal }, orderId);
        return { items: all.items.map(slimEvent), settled: all.settled };
      },
    };
  }

  /** New events from the watcher: those of this list (its order's, or all of its direction's) go on top. */
  addFresh(events: readonly PortingEvent[]): number {
    const mine = this.forOrder ? events.filter((e) => this.orderId && eventOrderId(this.direction, e) === this.orderId) : events;
    return mine.length === 0 ? 0 : this.addRecords(mine.map(slimEvent));
  }

  /** A newer copy of an event (its payload generated since), if this list shows it. */
  updateEvent(event: PortingEvent): boolean {
    return this.replaceRecord(slimEvent(event));
  }

  protected childFor(event: PortingEvent, key: string): TreeNode {
    // Outside its order (in "Recent events") an event's label names the order too.
    return new EventNode(this.direction, event, this, key, !this.forOrder, this.order, this.ctx);
  }
}
