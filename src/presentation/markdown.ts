// Markdown for tooltips. All text from the API is untrusted: it is escaped before it goes into Markdown,
// and the tree renders it untrusted too.

import * as l10n from '@vscode/l10n';
import { fieldValueText } from './locale';
import { fieldText } from './recordFields';

/** Escapes text so Markdown renders it literally: no links, no command URIs, no HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, '  \n');
}

/**
 * `**Name:** value`, or undefined when the field has no text, so absent fields leave no empty line. A date or
 * time is written in the user's locale.
 */
export function fieldLine(name: string, value: unknown): string | undefined {
  const v = fieldText(value);
  return v === undefined ? undefined : l10n.t('**{0}:** {1}', name, escapeMarkdown(fieldValueText(v)));
}

/** Lines as one Markdown block, a hard break between each, absent lines skipped. */
export function markdownLines(lines: readonly (string | undefined)[]): string {
  return lines.filter((l): l is string => l !== undefined).join('  \n');
}
