// Answering a port-out request, as safely as republish: a modal that names what is decided and what it means,
// one PATCH per confirmation, nothing while one is in flight, and after an unknown outcome (5xx, timeout, cut
// connection) the port-out is read again and the user is told what happened; Send Again only if it did not.

import * as vscode from 'vscode';
import { decisionTookEffect } from '../api/client';
import { PORT_OUT } from '../api/directions';
import { TelnyxError } from '../api/errors';
import type { Order, PortoutAnswer, PortoutDecision } from '../api/types';
import { orderName } from '../presentation/orderName';
import { orderView } from '../presentation/orderView';
import { readableNumber } from '../presentation/phoneNumber';
import { plainText } from '../presentation/plainText';
import { fieldValueText } from '../presentation/locale';
import { fieldText } from '../presentation/recordFields';
import type { Services } from '../services';
import type { OrderNode } from '../tree/orderNode';
import { reportError } from './notify';
import { showInfo, showWarning } from './messages';

export type AnswerResult = 'sent' | 'verified' | 'declined' | 'busy' | 'not-pending' | 'failed' | 'unknown';

const inFlight = new Set<string>();

/** The port-out's facts a person needs to decide, in plain words (API text flattened, never Markdown). */
function facts(order: Order): string[] {
  const numbers = PORT_OUT.numbersOf(order);
  const listed = plainText(numbers.slice(0, 10).map(readableNumber).join(', '));
  const shown = numbers.length === 0 ? vscode.l10n.t('none listed') : numbers.length > 10 ? vscode.l10n.t('{0} (+{1} more)', listed, numbers.length - 10) : listed;
  const fields = PORT_OUT.detailFields(order)
    .map(([name, value]) => [name, fieldText(value)] as const)
    .filter((f): f is readonly [string, string] => f[1] !== undefined)
    .map(([name, value]) => vscode.l10n.t('{0}: {1}', name, plainText(fieldValueText(value))));
  return [vscode.l10n.t('Numbers: {0}', shown), ...fields];
}

/** What a decision means, said in the confirmation; looked up when asked, in the user's language. */
const MEANING: Record<PortoutDecision, () => string> = {
  authorized: () =>
    vscode.l10n.t('Authorizing lets these numbers leave your account on the FOC date. A port-out request you do not recognise may be fraud: authorize only one you expect.'),
  'rejected-pending': () => vscode.l10n.t("Rejecting sends your reason to Telnyx's porting team, who review it. A rejection can be reversed only through Telnyx."),
};

/** "authorized", "rejected (Telnyx reviews the reason)": how the messages below say what was done. */
function doneWords(decision: PortoutDecision): string {
  return decision === 'authorized' ? vscode.l10n.t('authorized') : vscode.l10n.t('rejected (Telnyx reviews the reason)');
}

/** How the confirmation says what the answer keeps of the numbers' messaging. */
function messagingWords(hostMessaging: boolean): string {
  return hostMessaging ? vscode.l10n.t('Messaging: stays with Telnyx after the port-out') : vscode.l10n.t('Messaging: leaves Telnyx with the numbers');
}

/**
 * Confirms and sends one decision on a pending port-out. The answer (a rejection's reason, an authorization's
 * note and messaging choice) is asked before by the caller. Returns what happened, for tests and the log.
 */
export async function answerPortout(s: Services, node: OrderNode, decision: PortoutDecision, answer: PortoutAnswer): Promise<AnswerResult> {
  const order = node.order;
  const id = order.id;
  if (!id) return 'failed';
  if (PORT_OUT.statusOf(order) !== 'pending') return 'not-pending';
  if (inFlight.has(id)) return 'busy';
  inFlight.add(id);
  try {
    const verb = decision === 'authorized' ? vscode.l10n.t('Authorize') : vscode.l10n.t('Reject');
    const name = orderView(PORT_OUT, order).name;
    const question = decision === 'authorized' ? vscode.l10n.t('Authorize the port-out of {0}?', name) : vscode.l10n.t('Reject the port-out of {0}?', name);
    const said = decision === 'authorized' ? vscode.l10n.t('Note: {0}', plainText(answer.reason)) : vscode.l10n.t('Reason: {0}', plainText(answer.reason));
    const messaging = answer.hostMessaging === undefined ? [] : [messagingWords(answer.hostMessaging)];
    const detail = [...facts(order), said, ...messaging, '', MEANING[decision]()].join('\n');
    // A modal's first button is its default (Enter): under a fraud warning that must be the choice that sends nothing.
    const keep = vscode.l10n.t('Keep Pending');
    const choice = decision === 'authorized' ? await showWarning(question, { modal: true, detail }, keep, verb) : await showWarning(question, { modal: true, detail }, verb);
    if (choice !== verb) return 'declined';
    return await send(s, node, decision, answer);
  } finally {
    inFlight.delete(id);
  }
}

async function send(s: Services, node: OrderNode, decision: PortoutDecision, answer: PortoutAnswer): Promise<AnswerResult> {
  const id = node.order.id!;
  try {
    const client = await s.session.get();
    const updated = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending your answer on {0}…', orderName(PORT_OUT, node.order)) }, () =>
      client.answerPortout(id, decision, answer),
    );
    s.tree.updateOrder(PORT_OUT, updated);
    s.log.info(`Port-out ${id}: ${decision}.`);
    void showInfo(vscode.l10n.t('The port-out was {0}.', doneWords(decision)));
    return 'sent';
  } catch (e) {
    if (!(e instanceof TelnyxError && e.kind === 'unknown-outcome')) {
      await reportError(e, s.log, () => send(s, node, decision, answer));
      return 'failed';
    }
    s.log.warn(e.message);
    return check(s, node, decision, answer, e.message);
  }
}

/** Not known whether Telnyx took it: read the port-out again rather than guess, and say what was found. */
async function check(s: Services, node: OrderNode, decision: PortoutDecision, answer: PortoutAnswer, why: string): Promise<AnswerResult> {
  const id = node.order.id!;
  let now: Order | undefined;
  try {
    now = await (await s.session.get()).getOrder(PORT_OUT, id);
  } catch (readError) {
    s.log.warn(TelnyxError.from(readError).message);
  }
  if (!now) {
    // Unchecked, sending again could answer twice: the only way on is to check again.
    const checkAgain = vscode.l10n.t('Check Again');
    const choice = await showWarning(vscode.l10n.t('{0} The port-out could not be read again to check whether the answer took effect.', why), checkAgain);
    return choice === checkAgain ? check(s, node, decision, answer, why) : 'unknown';
  }
  if (decisionTookEffect(now, decision)) {
    s.tree.updateOrder(PORT_OUT, now);
    void showInfo(vscode.l10n.t("The answer's connection failed, but reading the port-out again shows it was {0}.", doneWords(decision)));
    return 'verified';
  }
  const sendAgain = vscode.l10n.t('Send Again');
  const still = PORT_OUT.statusOf(now);
  const again = await showWarning(
    still === undefined
      ? vscode.l10n.t('{0} Reading the port-out again shows it is still unchanged: the answer did not take effect.', why)
      : vscode.l10n.t('{0} Reading the port-out again shows it is still {1}: the answer did not take effect.', why, still),
    sendAgain,
  );
  return again === sendAgain ? send(s, node, decision, answer) : 'unknown';
}
