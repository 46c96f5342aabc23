// Republishing many events, the way a recovery after an outage needs it: first what will be sent (counts by
// type and order, and what an earlier run already did), then a cancellable "sent / total" run at bounded
// concurrency, then a report document. The account's ledger makes running the same selection or range again
// send only what is not yet confirmed; an event whose outcome is unknown goes again only when the user says so.

import * as vscode from 'vscode';
import { planReplay, replay, type ReplayResult, type ReplayTarget } from '../api/replay';
import { readSettings } from '../config';
import { renderReport } from '../presentation/replayReport';
import type { Services } from '../services';
import { abortSignalOf } from './cancellation';

export type ReplayOutcome = { kind: 'declined' | 'empty' | 'no-account' } | { kind: 'ran'; result: ReplayResult; report: vscode.TextEditor };

const SHOWN = 8;

export async function runReplay(s: Services, targets: readonly ReplayTarget[], what: string): Promise<ReplayOutcome> {
  const account = await s.session.account();
  if (!account) {
    void vscode.window.showErrorMessage('Set an API key (and a valid API base URL) first: the republish ledger is kept per account.');
    return { kind: 'no-account' };
  }
  const ledger = s.ledgers.of(account);
  const plan = planReplay(targets, ledger);
  if (plan.total === 0) {
    void vscode.window.showInformationMessage(`No events to republish: ${what}.`);
    return { kind: 'empty' };
  }
  const list = (rows: [string, number][], none: string): string[] =>
    [...rows.slice(0, SHOWN).map(([name, n]) => `  ${n} × ${name || none}`), ...(rows.length > SHOWN ? [`  … and ${rows.length - SHOWN} more`] : [])];
  const detail = [
    `${what}.`,
    '',
    'By type:',
    ...list(plan.byType, '(no type)'),
    'By order:',
    ...list(plan.byOrder, '(no order)'),
    '',
    ...(plan.alreadySent ? [`${plan.alreadySent} already republished by an earlier run: skipped.`] : []),
    ...(plan.unknown ? [`${plan.unknown} whose earlier republish has an unknown outcome: skipped unless you include them.`] : []),
    `Telnyx re-sends each event to the notification methods the account subscribes to, ${readSettings().replayConcurrency} at a time.`,
  ].join('\n');
  const send = `Republish ${plan.toSend}`;
  const withUnknown = `Republish ${plan.toSend + plan.unknown}, Including ${plan.unknown} Unknown`;
  const buttons = [...(plan.toSend > 0 ? [send] : []), ...(plan.unknown > 0 ? [withUnknown] : [])];
  if (buttons.length === 0) {
    void vscode.window.showInformationMessage(`All ${plan.total} events were republished by an earlier run; nothing to send.`);
    return { kind: 'empty' };
  }
  const choice = await vscode.window.showWarningMessage(`Republish ${plan.total === 1 ? 'this event' : `${plan.total} events`}?`, { modal: true, detail }, ...buttons);
  if (choice === undefined) return { kind: 'declined' };
  const chosen = choice === withUnknown ? targets.map((t) => ({ ...t, resendUnknown: true })) : targets;
  const client = await s.session.get();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Republishing', cancellable: true },
    (progress, token) => {
      let last = 0;
      return replay(client, chosen, {
        ledger,
        concurrency: readSettings().replayConcurrency,
        signal: abortSignalOf(token),
        onProgress: (done, total) => {
          const pct = (done / total) * 100;
          progress.report({ message: `${done} / ${total} sent`, increment: pct - last });
          last = pct;
        },
      });
    },
  );
  s.log.info(`Republished ${what}: ${Object.entries(result.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ')}.`);
  const report = await s.reports.show('Republish report.md', renderReport(result, { subtitle: what }));
  return { kind: 'ran', result, report };
}
