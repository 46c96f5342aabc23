// Republish Event: confirm (naming the event, its order and the notification methods), show progress
// on the node (in the status bar when run from the palette), POST exactly once, and say how it went. A second click while one is in flight does nothing;
// an unknown outcome is reported as such and only sent again if the user says so.

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import { eventOrderId } from '../api/directions';
import { TelnyxError } from '../api/errors';
import type { PortingEvent } from '../api/types';
import { eventView } from '../presentation/eventView';
import { eventTypeWords } from '../presentation/eventTypeWords';
import { orderIdName, orderName } from '../presentation/orderName';
import type { Services } from '../services';
import { EventNode } from '../tree/eventNode';
import { reportError } from '../ui/notify';
import { askEvent } from '../ui/askEvent';
import { showInfo, showWarning } from '../ui/messages';

export type RepublishResult = 'sent' | 'declined' | 'busy' | 'failed' | 'unknown' | 'cancelled';

interface Target {
  direction: Direction;
  event: PortingEvent & { id: string };
  node?: EventNode;
}

const inFlight = new Set<string>();

export function registerRepublishEvent(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.republishEvent', async (arg?: EventNode | string): Promise<RepublishResult> => {
    let target: Target | undefined;
    try {
      target = await resolveTarget(s, arg);
    } catch (e) {
      await reportError(e, s.log);
      return 'failed';
    }
    if (!target) return 'cancelled';
    const key = `${target.direction.id}/${target.event.id}`;
    if (inFlight.has(key)) return 'busy';
    inFlight.add(key);
    try {
      if (!(await confirm(target))) return 'declined';
      return await send(s, target);
    } finally {
      inFlight.delete(key);
    }
  });
}

async function resolveTarget(s: Services, arg: EventNode | string | undefined): Promise<Target | undefined> {
  if (arg instanceof EventNode) {
    return arg.event.id ? { direction: arg.direction, event: { ...arg.event, id: arg.event.id }, node: arg } : undefined;
  }
  const found = await askEvent(s, vscode.l10n.t('Republish Telnyx Porting Event'), typeof arg === 'string' ? arg : undefined);
  if (!found?.event.id) return undefined;
  return { direction: found.direction, event: { ...found.event, id: found.event.id } };
}

function nameOfOrder(t: Target): string {
  if (t.node?.order) return orderName(t.direction, t.node.order);
  return orderIdName(t.direction, eventOrderId(t.direction, t.event));
}

async function confirm(t: Target): Promise<boolean> {
  const label = eventView(t.direction, t.event).label;
  const methods = (t.event.available_notification_methods ?? []).join(', ') || vscode.l10n.t('none listed');
  const detail = [
    vscode.l10n.t('Order: {0}', nameOfOrder(t)),
    vscode.l10n.t('Event: {0} ({1})', eventTypeWords(t.direction, t.event.event_type), t.event.id),
    vscode.l10n.t('Notification methods: {0}', methods),
    '',
    vscode.l10n.t('Telnyx re-sends this event only to the notification methods you are subscribed to. No new event is created.'),
  ].join('\n');
  const republish = vscode.l10n.t('Republish');
  const choice = await showWarning(vscode.l10n.t('Republish "{0}"?', label), { modal: true, detail }, republish);
  return choice === republish;
}

async function send(s: Services, t: Target): Promise<RepublishResult> {
  const label = eventView(t.direction, t.event).label;
  const node = t.node;
  if (node) {
    node.busy = vscode.l10n.t('Republishing…');
    s.tree.render(node);
  }
  try {
    const client = await s.session.get();
    const post = (): Promise<void> => client.republish(t.direction, t.event.id);
    // From a row, its spinner is the progress; from the palette there is no row to spin, so the status bar shows it.
    if (node) await post();
    else await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Republishing "{0}"', label) }, post);
    s.log.info(`Republished ${t.direction.label} event ${t.event.id}.`);
    void showInfo(vscode.l10n.t('Republished "{0}". Telnyx will re-send it to your subscribed notification methods.', label));
    return 'sent';
  } catch (e) {
    if (e instanceof TelnyxError && e.kind === 'unknown-outcome') {
      s.log.warn(e.message);
      const sendAgain = vscode.l10n.t('Send Again');
      const again = await showWarning(vscode.l10n.t('{0} Check your webhook endpoint or email before sending it again.', e.message), sendAgain);
      return again === sendAgain ? send(s, t) : 'unknown';
    }
    await reportError(e, s.log, () => send(s, t));
    return 'failed';
  } finally {
    if (node) {
      node.busy = undefined;
      s.tree.render(node);
    }
  }
}
