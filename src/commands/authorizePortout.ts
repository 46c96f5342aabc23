// Authorize Port-out… (context menu of a pending port-out): see ui/answerPortout.ts for the confirmation and the
// rules that keep an answer from being sent twice.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { OrderNode } from '../tree/orderNode';
import { answerPortout, type AnswerResult } from '../ui/answerPortout';

export function registerAuthorizePortout(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.authorizePortout', async (node?: OrderNode): Promise<AnswerResult | undefined> =>
    node instanceof OrderNode ? answerPortout(s, node, 'authorized') : undefined,
  );
}
