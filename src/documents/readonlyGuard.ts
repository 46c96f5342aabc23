// The read-only flag stops typing and saving, but another extension's WorkspaceEdit can still change an
// open payload document in memory. Any such change is undone by reading the event again.

import * as vscode from 'vscode';
import type { PortingFileSystem } from './portingFileSystem';
import { EVENT_SCHEME } from './eventPath';

export function guardReadonly(docs: PortingFileSystem): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.scheme === EVENT_SCHEME && e.contentChanges.length > 0) docs.refresh(e.document.uri);
  });
}
