// Where Send to Local Handler… posts: asked once, checked as typed (plain http only to loopback), remembered
// per workspace, since each project runs its own handler.

import * as vscode from 'vscode';
import { checkHandlerUrl } from '../api/validate';
import { problemOf } from '../ui/validation';

const STATE_KEY = 'telnyxPorting.localHandlerUrl';

/** The URL to send to, offering the remembered one; undefined when the user cancels. */
export async function askHandlerUrl(state: vscode.Memento): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Send to Local Handler'),
    prompt: vscode.l10n.t('The URL of your webhook handler. Plain http only to 127.0.0.1, ::1 or localhost; https anywhere.'),
    value: state.get<string>(STATE_KEY) ?? 'http://127.0.0.1:3000/webhooks',
    ignoreFocusOut: true,
    validateInput: problemOf(checkHandlerUrl),
  });
  if (typed === undefined) return undefined;
  const url = checkHandlerUrl(typed);
  await state.update(STATE_KEY, url);
  return url;
}
