// Asks for an API key and checks it with Telnyx inside the same input box: busy while the check runs, and a key
// Telnyx refuses stays in the box with the reason under it, so a typo is corrected rather than pasted again.

import * as vscode from 'vscode';
import { TelnyxError } from '../api/errors';
import { apiKeyProblem } from '../api/validate';

export interface KeyInputOptions {
  title: string;
  prompt: string;
  /** Resolves when Telnyx accepts the key; rejects with a TelnyxError when it does not or cannot say. */
  check(key: string, signal: AbortSignal): Promise<void>;
}


/**
 * The key once Telnyx accepted it (or the user chose to keep one that could not be checked), trimmed;
 * undefined when the box is closed first. A failure that is neither a refusal nor an unreachable Telnyx
 * (a bad base URL, say) closes the box and rejects, so the caller can report it with its way out.
 */
export function askCheckedKey(opts: KeyInputOptions): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const box = vscode.window.createInputBox();
    box.title = opts.title;
    box.prompt = opts.prompt;
    box.password = true;
    box.ignoreFocusOut = true;
    let checking: AbortController | undefined;
    // A key whose check could not reach Telnyx: a second Enter on it keeps it unchecked, as the warning says.
    let unchecked: string | undefined;
    let settled = false;
    const subscriptions: vscode.Disposable[] = [];
    const settle = (key: string | undefined, error?: unknown): void => {
      if (settled) return;
      settled = true;
      checking?.abort();
      for (const d of subscriptions) d.dispose();
      box.dispose();
      if (error === undefined) resolve(key);
      else reject(error);
    };
    subscriptions.push(
      box.onDidChangeValue((value) => {
        unchecked = undefined;
        // An empty box is where everyone starts; saying "empty" before anything is typed would only nag.
        box.validationMessage = value === '' ? undefined : apiKeyProblem(value);
      }),
      box.onDidHide(() => settle(undefined)),
      box.onDidAccept(async () => {
        if (box.busy) return;
        const problem = apiKeyProblem(box.value);
        if (problem) {
          box.validationMessage = problem;
          return;
        }
        const key = box.value.trim();
        if (unchecked === key) {
          settle(key);
          return;
        }
        checking = new AbortController();
        const { signal } = checking;
        box.validationMessage = undefined;
        box.busy = true;
        box.enabled = false;
        try {
          await opts.check(key, signal);
          settle(key);
        } catch (e) {
          if (settled) return;
          const err = TelnyxError.from(e);
          box.busy = false;
          box.enabled = true;
          if (err.kind === 'auth') {
            box.validationMessage = vscode.l10n.t('Telnyx refused this API key. Correct it and press Enter, or Escape to cancel.');
          } else if (err.kind === 'network' || err.kind === 'timeout' || err.kind === 'server') {
            unchecked = key;
            box.validationMessage = {
              message: vscode.l10n.t('The key could not be checked: {0}. Press Enter to save it anyway, or Escape to cancel.', err.message.replace(/\.$/, '')),
              severity: vscode.InputBoxValidationSeverity.Warning,
            };
          } else {
            settle(undefined, e);
          }
        }
      }),
    );
    box.show();
  });
}
