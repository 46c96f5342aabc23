// VS Code's cancellation (a progress notification's Cancel) as the AbortSignal the API layer takes.

import type * as vscode from 'vscode';

/** Aborted when the token is cancelled or, if given, when `also` aborts (e.g. the node the work is for is reset). */
export function abortSignalOf(token: vscode.CancellationToken, also?: AbortSignal): AbortSignal {
  const abort = new AbortController();
  token.onCancellationRequested(() => abort.abort());
  if (also?.aborted) abort.abort();
  also?.addEventListener('abort', () => abort.abort(), { once: true });
  return abort.signal;
}
