// Progress for work that spans many pages: "pages done / total" in a cancellable notification;
// cancelling aborts the requests still to come.

import * as vscode from 'vscode';
import { inertText } from '../presentation/plainText';
import { abortSignalOf } from './cancellation';

export type PagedWork<T> = (onProgress: (done: number, total: number) => void, signal: AbortSignal) => Promise<T>;

/** `until`: also abandons the work, e.g. the node it is for being reset, so its result is never shown late. */
export function withPagesProgress<T>(title: string, work: PagedWork<T>, until?: AbortSignal): Thenable<T> {
  return vscode.window.withProgress(
    // A notification's title renders links like its message does; titles here quote what the user searched for.
    { location: vscode.ProgressLocation.Notification, title: inertText(title), cancellable: true },
    (progress, token) => {
      const signal = abortSignalOf(token, until);
      let last = 0;
      return work((done, total) => {
        const pct = total > 0 ? (done / total) * 100 : 0;
        progress.report({ message: vscode.l10n.t('{0} / {1} pages', done, total), increment: pct - last });
        last = pct;
      }, signal);
    },
  );
}
