// Send to Local Handler… (event context menu, one or many selected): each event, read whole from Telnyx, POSTed
// once to the developer's handler as the v2 webhook Telnyx would deliver, signed with the development key if
// the setting says so; what went and what came back opens as a read-only document.

import * as vscode from 'vscode';
import { TelnyxError } from '../api/errors';
import { deliverEvent } from '../api/localHandler';
import { readSettings } from '../config';
import { renderDeliveries, type DeliveredEvent } from '../presentation/deliveryReport';
import { eventView } from '../presentation/eventView';
import type { ToolServices } from '../tools/toolServices';
import { abortSignalOf } from '../ui/cancellation';
import { selectedEvents } from '../ui/selectedEvents';
import { askHandlerUrl } from '../webhooks/handlerUrl';
import { showError } from '../ui/messages';

export interface SendResult {
  delivered: DeliveredEvent[];
  report: vscode.TextEditor;
}

/** The handler of telnyxPorting.sendToHandler (registered lazily: src/tools/lazyTools.ts). */
export function sendToHandler(s: ToolServices) {
  return async (clicked?: unknown, selected?: unknown): Promise<SendResult | undefined> => {
    const rows = selectedEvents(clicked, selected);
    if (rows.length === 0) return undefined;
    let url: string | undefined;
    try {
      url = await askHandlerUrl(s.workspaceState);
    } catch (e) {
      void showError(TelnyxError.from(e).message);
      return undefined;
    }
    if (!url) return undefined;
    const settings = readSettings();
    const signingKey = settings.signDeliveries ? await s.signingKeys.privateKey() : undefined;
    const delivered: DeliveredEvent[] = [];
    const titles: string[] = [];
    const notSent: { eventId: string; why: string }[] = [];
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: rows.length === 1 ? vscode.l10n.t('Sending an event to the local handler') : vscode.l10n.t('Sending {0} events to the local handler', rows.length),
        cancellable: true,
      },
      async (progress, token) => {
        const signal = abortSignalOf(token);
        const client = await s.session.get();
        for (const [i, row] of rows.entries()) {
          if (signal.aborted) {
            notSent.push({ eventId: row.event.id, why: vscode.l10n.t('cancelled before it was sent') });
            continue;
          }
          progress.report({ message: `${i} / ${rows.length}`, increment: 100 / rows.length });
          try {
            // The tree keeps only the words of a payload: the handler gets the event as Telnyx has it now.
            const event = await client.getEvent(row.direction, row.event.id, signal);
            const delivery = await deliverEvent(event, url, { signingKey, timeoutMs: settings.timeoutMs, signal });
            delivered.push({ direction: row.direction, eventId: row.event.id, eventType: event.event_type ?? undefined, delivery });
            titles.push(`${eventView(row.direction, event).label} ${row.event.id.slice(0, 8)}`);
            const r = delivery.result;
            s.log.info(`Local handler ${r.kind === 'answered' ? `answered ${r.status}` : r.kind} for event ${row.event.id} (${r.ms} ms).`);
          } catch (e) {
            notSent.push({ eventId: row.event.id, why: TelnyxError.from(e).message });
          }
        }
      },
    );
    // Each report opens in its own tab: its name says which event it was, or how many, so tabs can be told apart.
    const about = rows.length === 1 ? (titles[0] ?? rows[0]!.event.id.slice(0, 8)) : vscode.l10n.t('{0} events', rows.length);
    const report = await s.reports.show(`${vscode.l10n.t('Local handler answers: {0}', about)}.md`, renderDeliveries(url, signingKey !== undefined, delivered, notSent));
    return { delivered, report };
  };
}
