// Compare Events (two events selected) and Compare with Previous Event (one event: the one before it of the same
// order and type): a VS Code diff of their payload documents, older on the left. Both are read fresh, as any
// payload document is.

import * as vscode from 'vscode';
import { eventOrderId } from '../api/directions';
import { MAX_PAGE_SIZE } from '../api/client';
import { TelnyxError } from '../api/errors';
import { fetchAll } from '../api/fetchAll';
import { newestFirst } from '../api/records';
import type { PortingEvent } from '../api/types';
import { eventUri } from '../documents/eventUri';
import { eventView } from '../presentation/eventView';
import { dateTimeText } from '../presentation/locale';
import type { ToolServices } from '../tools/toolServices';
import type { EventNode } from '../tree/eventNode';
import { reportError } from '../ui/notify';
import { selectedEvents } from '../ui/selectedEvents';
import { showInfo } from '../ui/messages';

type Row = EventNode & { event: { id: string } };

/** Opens the diff, older event on the left; resolves to the two ids compared (left, right). */
async function diff(left: Row['event'] & PortingEvent, right: Row['event'] & PortingEvent, row: Row): Promise<[string, string]> {
  const [a, b] = newestFirst([left, right]).reverse() as [typeof left, typeof right];
  const name = (e: PortingEvent): string => `${eventView(row.direction, e).label} ${dateTimeText(e.created_at ?? '')}`;
  await vscode.commands.executeCommand('vscode.diff', eventUri(row.direction.id, a.id, a.event_type), eventUri(row.direction.id, b.id, b.event_type), vscode.l10n.t('{0} ↔ {1}', name(a), name(b)));
  return [a.id, b.id];
}

/** The handler of telnyxPorting.compareEvents (registered lazily: src/tools/lazyTools.ts). */
export function compareEvents() {
  return async (clicked?: unknown, selected?: unknown): Promise<[string, string] | undefined> => {
    const rows = selectedEvents(clicked, selected);
    if (rows.length !== 2) {
      void showInfo(vscode.l10n.t('Select exactly two events to compare (Ctrl/Cmd+click the second).'));
      return undefined;
    }
    if (rows[0]!.direction.id !== rows[1]!.direction.id) {
      void showInfo(vscode.l10n.t('Compare two events of the same direction: a port-in and a port-out payload have different shapes.'));
      return undefined;
    }
    return diff(rows[0]!.event, rows[1]!.event, rows[0]!);
  };
}

/** The handler of telnyxPorting.compareWithPrevious (registered lazily: src/tools/lazyTools.ts). */
export function compareWithPrevious(s: ToolServices) {
  const compare = async (clicked?: unknown): Promise<[string, string] | undefined> => {
    const [row] = selectedEvents(clicked, undefined);
    if (!row) return undefined;
    const orderId = eventOrderId(row.direction, row.event);
    const type = row.event.event_type;
    if (!orderId || !type) {
      void showInfo(vscode.l10n.t('This event names no order or type, so there is no previous one to compare with.'));
      return undefined;
    }
    try {
      const client = await s.session.get();
      // The order's events of this type only (the API filters both), so even a long-lived order is a page or two.
      const all = await fetchAll((pageNumber, pageSize, signal, onReceived) => client.listEvents(row.direction, { orderId, eventType: type, pageNumber, pageSize, signal, onReceived }), {
        pageSize: MAX_PAGE_SIZE,
      });
      const ordered = newestFirst(all.items);
      const at = ordered.findIndex((e) => e.id === row.event.id);
      const previous = at >= 0 ? ordered.slice(at + 1).find((e) => typeof e.id === 'string') : undefined;
      if (!previous?.id) {
        void showInfo(vscode.l10n.t('This is the order\'s first "{0}" event: there is none before it.', eventView(row.direction, row.event).label));
        return undefined;
      }
      return await diff({ ...previous, id: previous.id }, row.event, row);
    } catch (e) {
      await reportError(TelnyxError.from(e), s.log, () => compare(clicked));
      return undefined;
    }
  };
  return compare;
}
