// The one way this extension shows a notification or a modal message. VS Code renders `[text](target)` in a
// notification as a link that runs its target (`command:` included), and much of what we show quotes Telnyx:
// every message and detail goes through inertText here, so no text of the API's becomes something to click.

import * as vscode from 'vscode';
import { inertText } from '../presentation/plainText';

type Shower = (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined>;

function show(shower: Shower, message: string, rest: readonly (string | vscode.MessageOptions)[]): Thenable<string | undefined> {
  const [first, ...others] = rest;
  const options: vscode.MessageOptions = typeof first === 'object' ? { ...first } : {};
  const items = (typeof first === 'object' ? others : rest) as string[];
  if (options.detail !== undefined) options.detail = inertText(options.detail);
  return shower(inertText(message), options, ...items);
}

export function showInfo(message: string, ...rest: (string | vscode.MessageOptions)[]): Thenable<string | undefined> {
  return show((m, o, ...i) => vscode.window.showInformationMessage(m, o, ...i), message, rest);
}

export function showWarning(message: string, ...rest: (string | vscode.MessageOptions)[]): Thenable<string | undefined> {
  return show((m, o, ...i) => vscode.window.showWarningMessage(m, o, ...i), message, rest);
}

export function showError(message: string, ...rest: (string | vscode.MessageOptions)[]): Thenable<string | undefined> {
  return show((m, o, ...i) => vscode.window.showErrorMessage(m, o, ...i), message, rest);
}
