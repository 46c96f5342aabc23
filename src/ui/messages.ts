// The one way this extension shows a notification or a modal message. VS Code renders `[text](target)` in a
// notification as a link that runs its target (`command:` included), and much of what we show quotes Telnyx:
// every message and detail goes through inertText here, so no text of the API's becomes something to click.

import * as vscode from 'vscode';
import { inertText } from '../presentation/plainText';

type Shower = (message: string, ...rest: (string | vscode.MessageOptions)[]) => Thenable<string | undefined>;

// Options are passed on only when given, so what VS Code receives is what the caller wrote, made inert.
function show(shower: Shower, message: string, rest: readonly (string | vscode.MessageOptions)[]): Thenable<string | undefined> {
  const [first, ...items] = rest;
  if (typeof first !== 'object') return shower(inertText(message), ...(rest as string[]));
  const options: vscode.MessageOptions = { ...first, ...(first.detail === undefined ? {} : { detail: inertText(first.detail) }) };
  return shower(inertText(message), options, ...items);
}

export function showInfo(message: string, ...rest: (string | vscode.MessageOptions)[]): Thenable<string | undefined> {
  return show((m, ...r) => vscode.window.showInformationMessage(m, ...(r as [vscode.MessageOptions, ...string[]])), message, rest);
}

export function showWarning(message: string, ...rest: (string | vscode.MessageOptions)[]): Thenable<string | undefined> {
  return show((m, ...r) => vscode.window.showWarningMessage(m, ...(r as [vscode.MessageOptions, ...string[]])), message, rest);
}

export function showError(message: string, ...rest: (string | vscode.MessageOptions)[]): Thenable<string | undefined> {
  return show((m, ...r) => vscode.window.showErrorMessage(m, ...(r as [vscode.MessageOptions, ...string[]])), message, rest);
}
