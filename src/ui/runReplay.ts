// Republishing many events, the way a recovery after an outage needs it: first what will be sent (counts by
// type and order, and what an earlier run already did), then a cancellable "sent / total" run at bounded
// concurrency, then a report document. The account's ledger makes running the same selection or range again
// send only what is not yet confirmed; an event whose outcome is unknown goes again only when the user says so.

import * as vscode from 'vscode';
import { planReplay, replay, type ReplayResult, type ReplayTarget } from '../api/replay';
import { direction } from '../api/directions';
import { readSettings } from '../config';
import { eventTypeWords } from '../presentation/eventTypeWords';
import { orderIdName, orderName } from '../presentation/orderName';
import { renderReport } from '../presentation/replayReport';
import type { ToolServices } from '../tools/toolServices';
import { abortSignalOf } from './cancellation';
import { showError, showInfo, showWarning } from './messages';

export type ReplayOutcome = { kind: 'declined' | 'empty' | 'no-account' } | { kind: 'ran'; result: ReplayResult; report: vscode.TextEditor };

const SHOWN = 8;

export async function runReplay(s: ToolServices, targets: readonly ReplayTarget[], what: string): Promise<ReplayOutcome> {
  const account = await s.session.account();
  if (!account) {
    void showError(vscode.l10n.t('Set an API key (and a valid API base URL) first: the republish ledger is kept per account.'));
    return { kind: 'no-account' };
  }
  const ledger = s.ledgers.of(account);
  const plan = planReplay(targets, ledger);
  if (plan.total === 0) {
    void showInfo(vscode.l10n.t('No events to republish: {0}.', what));
    return { kind: 'empty' };
  }
  const orderNames = await namesOfOrders(s, targets, plan.byOrder.slice(0, SHOWN).map(([id]) => id));
  const typeWords = (type: string): string => {
    const t = targets.find((x) => x.eventType === type);
    return t ? eventTypeWords(direction(t.direction), type) : type;
  };
  const list = (rows: [string, number][], none: string, name: (key: string) => string): string[] => [
    ...rows.slice(0, SHOWN).map(([key, n]) => `  ${n} × ${key ? name(key) : none}`),
    ...(rows.length > SHOWN ? [`  ${vscode.l10n.t('… and {0} more', rows.length - SHOWN)}`] : []),
  ];
  const detail = [
    `${what}.`,
    '',
    vscode.l10n.t('By type:'),
    ...list(plan.byType, vscode.l10n.t('(no type)'), typeWords),
    vscode.l10n.t('By order:'),
    ...list(plan.byOrder, vscode.l10n.t('(no order)'), (id) => orderNames.get(id) ?? id),
    '',
    ...(plan.alreadySent ? [vscode.l10n.t('{0} already republished by an earlier run: skipped.', plan.alreadySent)] : []),
    ...(plan.unknown ? [vscode.l10n.t('{0} whose earlier republish has an unknown outcome: skipped unless you include them.', plan.unknown)] : []),
    vscode.l10n.t('Telnyx re-sends each event to the notification methods the account subscribes to, {0} at a time.', readSettings().replayConcurrency),
  ].join('\n');
  const send = vscode.l10n.t('Republish {0}', plan.toSend);
  const withUnknown = vscode.l10n.t('Republish {0}, Including {1} Unknown', plan.toSend + plan.unknown, plan.unknown);
  const buttons = [...(plan.toSend > 0 ? [send] : []), ...(plan.unknown > 0 ? [withUnknown] : [])];
  if (buttons.length === 0) {
    void showInfo(vscode.l10n.t('All {0} events were republished by an earlier run; nothing to send.', plan.total));
    return { kind: 'empty' };
  }
  const question = plan.total === 1 ? vscode.l10n.t('Republish this event?') : vscode.l10n.t('Republish {0} events?', plan.total);
  const choice = await showWarning(question, { modal: true, detail }, ...buttons);
  if (choice === undefined) return { kind: 'declined' };
  const chosen = choice === withUnknown ? targets.map((t) => ({ ...t, resendUnknown: true })) : targets;
  const client = await s.session.get();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Republishing'), cancellable: true },
    (progress, token) => {
      let last = 0;
      return replay(client, chosen, {
        ledger,
        concurrency: readSettings().replayConcurrency,
        signal: abortSignalOf(token),
        onProgress: (done, total) => {
          const pct = (done / total) * 100;
          progress.report({ message: vscode.l10n.t('{0} / {1} sent', done, total), increment: pct - last });
          last = pct;
        },
      });
    },
  );
  s.log.info(`Republished ${what}: ${Object.entries(result.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ')}.`);
  const report = await s.reports.show(`${vscode.l10n.t('Republish report')}.md`, renderReport(result, { subtitle: what }));
  return { kind: 'ran', result, report };
}

/**
 * The preview's orders by their one name (orderName.ts): from the tree when it has them loaded, else read (the
 * few the preview shows, at once); one that cannot be read is named by its id.
 */
async function namesOfOrders(s: ToolServices, targets: readonly ReplayTarget[], ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const client = await s.session.get().catch(() => undefined);
  await Promise.all(
    ids.map(async (id) => {
      const t = targets.find((x) => x.orderId === id);
      if (!t) return;
      const dir = direction(t.direction);
      let order = s.tree.findOrderNode(dir, id)?.order;
      if (!order && client) order = await client.getOrder(dir, id).catch(() => undefined);
      out.set(id, order ? orderName(dir, order) : orderIdName(dir, id));
    }),
  );
  return out;
}
