// Reject Port-out… (context menu of a pending port-out): pick one of the order's eligible rejection codes to start
// the reason from, write the reason (Telnyx requires one), then confirm (ui/answerPortout.ts).

import * as vscode from 'vscode';
import { PORT_OUT } from '../api/directions';
import type { Services } from '../services';
import { OrderNode } from '../tree/orderNode';
import { answerPortout, type AnswerResult } from '../ui/answerPortout';
import { reportError } from '../ui/notify';

export function registerRejectPortout(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.rejectPortout', async (node?: OrderNode): Promise<AnswerResult | undefined> => {
    if (!(node instanceof OrderNode) || !node.order.id) return undefined;
    if (PORT_OUT.statusOf(node.order) !== 'pending') return 'not-pending';
    let start = '';
    try {
      const codes = await (await s.session.get()).portoutRejections(node.order.id);
      if (codes.length > 0) {
        const pick = await vscode.window.showQuickPick(
          codes.map((c) => ({
            label: String(c.description ?? c.code ?? ''),
            description: c.code === undefined || c.code === null ? undefined : vscode.l10n.t('code {0}', c.code),
            detail: c.reason_required ? vscode.l10n.t('needs a written reason') : undefined,
          })),
          { title: vscode.l10n.t('Reject Port-out: why?'), placeHolder: vscode.l10n.t("The order's eligible rejection codes (the reason below is what is sent)") },
        );
        if (!pick) return 'declined';
        start = pick.description ? `${pick.label} (${pick.description})` : pick.label;
      }
    } catch (e) {
      await reportError(e, s.log);
      return 'failed';
    }
    const reason = await vscode.window.showInputBox({
      title: vscode.l10n.t('Reject Port-out: reason'),
      prompt: vscode.l10n.t('Sent to Telnyx with the rejection; their porting team reviews it.'),
      value: start,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A rejection needs a reason.')),
    });
    if (!reason?.trim()) return 'declined';
    // host_messaging is left out: a rejected port-out keeps its numbers, and their messaging, with Telnyx.
    return answerPortout(s, node, 'rejected-pending', { reason: reason.trim() });
  });
}
