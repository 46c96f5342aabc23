// Open Event… (view title, palette, walkthrough): asks for an event id, always. A title button is given the
// focused row by VS Code, so this is its own command: Open Event Payload on a row opens that row's event.

import * as vscode from 'vscode';

export function registerOpenEventById(): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.openEventById', (id?: unknown) =>
    vscode.commands.executeCommand<vscode.TextEditor | undefined>('telnyxPorting.openEvent', typeof id === 'string' ? id : undefined),
  );
}
