// The row a failed load leaves at the end of its list: the failure in short and what clicking the row does.
// The click depends on the failure (src/commands/retry.ts): a refused key asks for a new one, bad settings
// open them, anything else loads again; the row says which, so nobody clicks "retry" to be asked for a key.

import * as l10n from '@vscode/l10n';
import type { ErrorKind } from '../api/errors';

export interface ErrorView {
  /** "API key refused: Update API Key…" */
  label: string;
  /** "API key refused". */
  problem: string;
  /** The click, named as the same action is on error messages' buttons (src/ui/notify.ts). */
  action: string;
  /** What clicking does, as a sentence for the tooltip: "Click to update the API key." */
  click: string;
  /** The same for a screen reader, whose users activate rather than click: "Activate to update the API key." */
  activate: string;
  /** The API's message. */
  description: string;
  /** Plain text: the message, then what clicking does. */
  tooltip: string;
}

type Words = Pick<ErrorView, 'problem' | 'action' | 'click' | 'activate'>;

// Functions, so the words are looked up in the user's language when a row is drawn, never at load.
const BY_KIND: Partial<Record<ErrorKind, () => Words>> = {
  // The ellipsis: an input box follows before anything happens.
  auth: () => ({
    problem: l10n.t('API key refused'),
    action: l10n.t('Update API Key…'),
    click: l10n.t('Click to update the API key.'),
    activate: l10n.t('Activate to update the API key.'),
  }),
  config: () => ({
    problem: l10n.t('Check settings'),
    action: l10n.t('Open Settings'),
    click: l10n.t('Click to open the settings.'),
    activate: l10n.t('Activate to open the settings.'),
  }),
};
const OTHERWISE = (): Words => ({
  problem: l10n.t('Could not load'),
  action: l10n.t('Retry'),
  click: l10n.t('Click to load it again.'),
  activate: l10n.t('Activate to load it again.'),
});

export function errorView(kind: ErrorKind, message: string): ErrorView {
  const words = (BY_KIND[kind] ?? OTHERWISE)();
  return { ...words, label: l10n.t('{0}: {1}', words.problem, words.action), description: message, tooltip: `${message}\n\n${words.click}` };
}
