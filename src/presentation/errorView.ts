// The row a failed load leaves at the end of its list: the failure in short and what clicking the row does.
// The click depends on the failure (src/commands/retry.ts): a refused key asks for a new one, bad settings
// open them, anything else loads again; the row says which, so nobody clicks "retry" to be asked for a key.

import type { ErrorKind } from '../api/errors';

export interface ErrorView {
  /** "API key refused: Update API Key…" */
  label: string;
  /** "API key refused". */
  problem: string;
  /** The click, named as the same action is on error messages' buttons (src/ui/notify.ts). */
  action: string;
  /** The click as a sentence's verb: "update the API key". */
  does: string;
  /** The API's message. */
  description: string;
  /** Plain text: the message, then what clicking does. */
  tooltip: string;
}

const BY_KIND: Partial<Record<ErrorKind, { problem: string; action: string; does: string }>> = {
  // The ellipsis: an input box follows before anything happens.
  auth: { problem: 'API key refused', action: 'Update API Key…', does: 'update the API key' },
  config: { problem: 'Check settings', action: 'Open Settings', does: 'open the settings' },
};
const OTHERWISE = { problem: 'Could not load', action: 'Retry', does: 'load it again' };

export function errorView(kind: ErrorKind, message: string): ErrorView {
  const { problem, action, does } = BY_KIND[kind] ?? OTHERWISE;
  return { label: `${problem}: ${action}`, problem, action, does, description: message, tooltip: `${message}\n\nClick to ${does}.` };
}
