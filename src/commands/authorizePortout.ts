// Authorize Port-out… (context menu of a pending port-out): an optional note, whether the numbers' messaging stays
// with Telnyx, then the confirmation (ui/answerPortout.ts, with the rules that keep an answer from being sent twice).
// The spec requires `reason` in the body for an authorization too, so the note always goes: left empty, a default.

import * as vscode from 'vscode';
import { PORT_OUT } from '../api/directions';
import type { Order } from '../api/types';
import type { Services } from '../services';
import { OrderNode } from '../tree/orderNode';
import { answerPortout, type AnswerResult } from '../ui/answerPortout';

/** The note sent when none is written; looked up when asked, in the user's language (it is what they read). */
export const defaultAuthorizeNote = (): string => vscode.l10n.t('Authorized by the account owner');

interface MessagingItem extends vscode.QuickPickItem {
  hostMessaging: boolean;
}

/** Whether the request, as Telnyx holds it now, keeps messaging with Telnyx (the spec's default is no). */
function keepsMessaging(order: Order): boolean {
  return 'host_messaging' in order && order.host_messaging === true;
}

/**
 * `host_messaging` means something only when the numbers leave, so only an authorization asks it. The request's
 * own value comes first, so Enter changes nothing about it.
 */
async function askMessaging(order: Order): Promise<boolean | undefined> {
  const current = keepsMessaging(order);
  const asRequested = vscode.l10n.t('as the request has it');
  const items: MessagingItem[] = [
    {
      label: vscode.l10n.t('Move messaging with the numbers'),
      description: current ? undefined : asRequested,
      detail: vscode.l10n.t('Texts to and from these numbers leave Telnyx too.'),
      hostMessaging: false,
    },
    {
      label: vscode.l10n.t('Keep messaging with Telnyx'),
      description: current ? asRequested : undefined,
      detail: vscode.l10n.t('Only voice leaves: texts to and from these numbers stay with Telnyx after the port-out completes.'),
      hostMessaging: true,
    },
  ];
  if (current) items.reverse();
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Authorize Port-out: messaging'),
    placeHolder: vscode.l10n.t('Should messaging stay with Telnyx once the numbers leave?'),
    ignoreFocusOut: true,
  });
  return pick?.hostMessaging;
}

export function registerAuthorizePortout(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.authorizePortout', async (node?: OrderNode): Promise<AnswerResult | undefined> => {
    if (!(node instanceof OrderNode) || !node.order.id) return undefined;
    if (PORT_OUT.statusOf(node.order) !== 'pending') return 'not-pending';
    const fallback = defaultAuthorizeNote();
    const note = await vscode.window.showInputBox({
      title: vscode.l10n.t('Authorize Port-out: note'),
      prompt: vscode.l10n.t('Optional: sent to Telnyx with the authorization. Left empty, "{0}" is sent.', fallback),
      placeHolder: fallback,
      ignoreFocusOut: true,
    });
    if (note === undefined) return 'declined';
    const hostMessaging = await askMessaging(node.order);
    if (hostMessaging === undefined) return 'declined';
    return answerPortout(s, node, 'authorized', { reason: note.trim() || fallback, hostMessaging });
  });
}
