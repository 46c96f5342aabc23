// One event: a readable label, its payload on click, and a spinner while it is being republished.

import * as vscode from 'vscode';
import { eventOrderId, type Direction } from '../api/directions';
import type { Order, PortingEvent } from '../api/types';
import { eventUri } from '../documents/eventUri';
import { eventView } from '../presentation/eventView';
import { rememberWords } from '../presentation/locale';
import { orderIdName } from '../presentation/orderName';
import { spokenEvent } from '../presentation/spokenLabels';
import type { TreeContext, TreeNode } from './node';
import { themeIcon } from './themeIcon';
import { untrustedMarkdown } from './untrustedMarkdown';

export class EventNode implements TreeNode {
  /** Set while an action runs on this event; shown instead of the usual description. */
  busy: string | undefined;

  constructor(
    readonly direction: Direction,
    public event: PortingEvent,
    readonly parent: TreeNode,
    /** recordKey of the event: its id, or for an event without one a key made from its content. */
    private readonly key: string,
    /** Shown outside its order (in "Recent events"), so the label names the order too. */
    private readonly standalone = false,
    /** The order row this event sits under, if any. */
    readonly order: Order | undefined,
    private readonly fresh: Pick<TreeContext, 'isNew'>,
  ) {}

  /** Computed when asked: a stored string per node costs megabytes in a large tree. */
  get id(): string {
    return `${this.parent.id}/event/${this.key}`;
  }

  toTreeItem(): vscode.TreeItem {
    const view = eventView(this.direction, this.event, undefined, this.order);
    const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const orderId = eventOrderId(this.direction, this.event);
    // Outside its order the row names it; the order itself is not loaded there, so by its id (orderName.ts). Worded
    // once per order: formatting is a row's main cost, and Recent events repeats a few hundred orders.
    const order = this.standalone && orderId ? rememberWords(`row-order|${this.direction.id}|${orderId}`, () => orderIdName(this.direction, orderId)) : undefined;
    const described = order ? `${view.description} · ${order}` : view.description;
    // Arrived while watching and not opened yet.
    const isNew = !!this.event.id && this.fresh.isNew(this.event.id);
    item.description = this.busy ?? (isNew ? `${vscode.l10n.t('New')} · ${described}` : described);
    item.accessibilityInformation = { label: spokenEvent(view, { isNew, busy: this.busy, order }) };
    item.iconPath = this.busy ? themeIcon('loading~spin') : themeIcon(view.icon, view.color);
    // Without an id there is nothing to open, republish or copy.
    item.contextValue = shared(
      this.event.id ? `event:${this.direction.id}:${this.event.payload_status ?? 'unknown'}${this.busy ? ':busy' : ''}` : `eventWithoutId:${this.direction.id}`,
    );
    return item;
  }

  update(event: PortingEvent): void {
    this.event = event;
  }

  command(): vscode.Command {
    return { command: 'telnyxPorting.openEvent', title: vscode.l10n.t('Open Event Payload'), arguments: [this] };
  }

  tooltip(): vscode.MarkdownString {
    return untrustedMarkdown(eventView(this.direction, this.event, undefined, this.order).tooltip);
  }

  /** The type and id, with no API text that could be long: for confirmations and messages. */
  get title(): string {
    return vscode.l10n.t('{0} ({1})', eventView(this.direction, this.event).label, this.event.id ?? vscode.l10n.t('no id'));
  }

  get uri(): vscode.Uri | undefined {
    return this.event.id ? eventUri(this.direction.id, this.event.id, this.event.event_type) : undefined;
  }
}

/**
 * One string instance per context value: a handful of distinct values, built afresh for every row otherwise, and a
 * rendered tree of 50,000 events holds each row's (the bench's heap target is 60 MB).
 */
const contextValues = new Map<string, string>();
function shared(value: string): string {
  const known = contextValues.get(value);
  if (known !== undefined) return known;
  contextValues.set(value, value);
  return value;
}
