// Read-only documents the extension writes itself (what a local handler answered, a republish report):
// kept in memory under their own scheme, so they open like any text, are never saved by accident and
// disappear with the window.

import * as vscode from 'vscode';

export const REPORT_SCHEME = 'telnyx-porting-report';

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private next = 1;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? vscode.l10n.t('This report is no longer in memory (reports last as long as the window).');
  }

  /** Opens `text` as a new read-only document named `name` (e.g. "Handler answers.md"). */
  async show(name: string, text: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${this.next++}/${name.replace(/[\\/]/g, '_')}` });
    this.texts.set(uri.toString(), text);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  /** The text of a report shown earlier, for tests. */
  textOf(uri: vscode.Uri): string | undefined {
    return this.texts.get(uri.toString());
  }

  dispose(): void {
    this.changes.dispose();
    this.texts.clear();
  }
}
