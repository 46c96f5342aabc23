// What "Recent events" and an order share: a direction's events, or one order's, a page at a time,
// newest first, kept slimmed (see slimEvent): the tree shows words, documents fetch the full payload.

import type { Direction } from '../api/directions';
import { slimEvent } from '../api/labels';
import { newestFirst } from '../api/paging';
import type { Page, PortingEvent } from '../api/types';
import { EventNode } from './eventNode';
import type { TreeContext, TreeNode } from './node';
import { PagedNode } from './pagedNode';

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

  protected async fetchPage(pageNumber: number, pageSize: number): Promise<Page<PortingEvent>> {
    const client = await this.ctx.client();
    const page = await client.listEvents(this.direction, { orderId: this.orderId, pageNumber, pageSize });
    return { ...page, items: page.items.map(slimEvent) };
  }

  protected override arrange(items: PortingEvent[]): PortingEvent[] {
    return newestFirst(items);
  }

  protected childFor(event: PortingEvent): TreeNode {
    // Outside its order (in "Recent events") an event's label names the order too.
    return new EventNode(this.direction, event, this, this.orderId === undefined);
  }
}
