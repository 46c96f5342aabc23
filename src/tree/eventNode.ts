// One event: a readable label, its payload on click, and a spinner while it is being republished.

import * as vscode from 'vscode';
import { eventOrderId, type Direction } from '../api/directions';
import { eventView } from '../api/labels';
import type { PortingEvent } from '../api/types';
import { eventUri } from '../documents/eventUri';
import type { TreeNode } from './node';
import { intern, themeIcon, untrustedMarkdown } from './shared';

export class EventNode implements TreeNode {
  /** Set while an action runs on this event; shown instead of the usual description. */
  busy: string | undefined;

  constructor(
    readonly direction: Direction,
    readonly event: PortingEvent,
    readonly parent: TreeNode,
    /** Shown outside its order (in "Recent events"), so the label names the order too. */
    private readonly standalone = false,
  ) {}

  /** Computed when asked: a stored string per node costs megabytes in a large tree. */
  get id(): string {
    return `${this.parent.id}/event/${this.event.id ?? 'unknown'}`;
  }

  toTreeItem(): vscode.TreeItem {
    const view = eventView(this.direction, this.event);
    const item = new vscode.TreeItem(intern(view.label), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const orderId = eventOrderId(this.direction, this.event);
    item.description = this.busy ?? (this.standalone && orderId ? `${view.description} · order ${orderId.slice(0, 8)}` : view.description);
    item.iconPath = this.busy ? themeIcon('loading~spin') : themeIcon(view.icon, view.color);
    item.contextValue = intern(`event:${this.direction.id}:${this.event.payload_status ?? 'unknown'}${this.busy ? ':busy' : ''}`);
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
