// Copy as cURL (event context menu): the request to show the event, or to republish it, as a curl command that
// reads the key from $TELNYX_API_KEY, so it can go into a ticket or a chat without the key.

import * as vscode from 'vscode';
import { curlRepublish, curlShowEvent } from '../api/curl';
import { checkBaseUrl } from '../api/validate';
import type { ToolServices } from '../tools/toolServices';
import { reportError } from '../ui/notify';
import { selectedEvents } from '../ui/selectedEvents';

/** The handler of telnyxPorting.copyAsCurl (registered lazily: src/tools/lazyTools.ts). */
export function copyAsCurl(s: ToolServices) {
  return async (clicked?: unknown): Promise<string | undefined> => {
    const [row] = selectedEvents(clicked, undefined);
    if (!row) return undefined;
    const pick = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Show the event'), description: 'GET', republish: false },
        { label: vscode.l10n.t('Republish the event'), description: vscode.l10n.t('POST …/republish: running it republishes'), republish: true },
      ],
      { title: vscode.l10n.t('Copy as cURL'), placeHolder: vscode.l10n.t('Which request?') },
    );
    if (!pick) return undefined;
    try {
      const baseUrl = checkBaseUrl(s.session.baseUrl());
      // The events path that answered this session (the port-out guide and spec spell it differently).
      const path = s.session.peek()?.eventsPathOf(row.direction);
      const text = pick.republish ? curlRepublish(baseUrl, row.direction, row.event.id, path) : curlShowEvent(baseUrl, row.direction, row.event.id, path);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(clippy) Copied: the command reads the key from {0}.', '$TELNYX_API_KEY'), 5000);
      return text;
    } catch (e) {
      await reportError(e, s.log);
      return undefined;
    }
  };
}
