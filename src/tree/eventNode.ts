// One event: a readable label, its payload on click, and a spinner while it is being republished.

import * as vscode from 'vscode';
import { eventOrderId, type Direction } from '../api/directions';
import { eventView } from '../api/labels';
import type { PortingEvent } from '../api/types';
import { eventUri } from '../documents/eventUri';
import type { TreeNode } from './node';
import { intern, themeIcon, untrustedMarkdown } from './shared';

/**
 * How long a rendered TreeItem is reused. Every "Load more" renders the whole list again, and building
 * 36,000 items took ~100 ms of each click; an item's only changing part is its relative time ("5 minutes
 * ago"), which this keeps at most this stale. VS Code's extension host holds each item anyway.
 */
const REUSE_ITEM_SECONDS = 30;
/** Item times are kept as whole seconds since load: a small integer per node, where a Date.now() would be a boxed number. */
const LOADED_AT = Date.now();
const secondsSinceLoad = (now: number): number => Math.floor((now - LOADED_AT) / 1000);

export class EventNode implements TreeNode {
  private busyText: string | undefined;
  private item: vscode.TreeItem | undefined;
  private itemSecond = 0;

  constructor(
    readonly direction: Direction,
    readonly event: PortingEvent,
    readonly parent: TreeNode,
    /** recordKey of the event: its id, or for an event without one a key made from its content. */
    private readonly key: string,
    /** Shown outside its order (in "Recent events"), so the label names the order too. */
    private readonly standalone = false,
  ) {}

  /** Set while an action runs on this event; shown instead of the usual description. */
  get busy(): string | undefined {
    return this.busyText;
  }

  set busy(text: string | undefined) {
    this.busyText = text;
    this.item = undefined;
  }

  /** Computed when asked: a stored string per node costs megabytes in a large tree. */
  get id(): string {
    return `${this.parent.id}/event/${this.key}`;
  }

  toTreeItem(): vscode.TreeItem {
    const now = Date.now();
    if (this.item && secondsSinceLoad(now) - this.itemSecond < REUSE_ITEM_SECONDS) return this.item;
    const view = eventView(this.direction, this.event, now);
    const item = new vscode.TreeItem(intern(view.label), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const orderId = eventOrderId(this.direction, this.event);
    item.description = this.busy ?? (this.standalone && orderId ? `${view.description} · order ${orderId.slice(0, 8)}` : view.description);
    item.iconPath = this.busy ? themeIcon('loading~spin') : themeIcon(view.icon, view.color);
    // Without an id there is nothing to open, republish or copy.
    item.contextValue = this.event.id
      ? intern(`event:${this.direction.id}:${this.event.payload_status ?? 'unknown'}${this.busy ? ':busy' : ''}`)
      : intern(`eventWithoutId:${this.direction.id}`);
    this.item = item;
    this.itemSecond = secondsSinceLoad(now);
    return item;
  }

  command(): vscode.Command {
    return { command: 'telnyxPorting.openEvent', title: 'Open Event Payload', arguments: [this] };
  }

  tooltip(): vscode.MarkdownString {
    return untrustedMarkdown(eventView(this.direction, this.event).tooltip);
  }

  /** The type and id, with no API text that could be long: for confirmations and messages. */
  get title(): string {
    return `${eventView(this.direction, this.event).label} (${this.event.event_type ?? 'unknown type'}, ${this.event.id ?? 'no id'})`;
  }

  get uri(): vscode.Uri | undefined {
    return this.event.id ? eventUri(this.direction.id, this.event.id, this.event.event_type) : undefined;
  }
}
