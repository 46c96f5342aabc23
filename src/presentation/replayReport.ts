// The end-of-run report of a replay, as Markdown that reads as plain text too. Ids, event types and error
// details come from the API and may say anything, so each is written as a code span: inert in every
// Markdown renderer (no emphasis, no HTML, no link, not even an autolinked address).

import * as l10n from '@vscode/l10n';
import { direction } from '../api/directions';
import type { ItemOutcome, ReplayItem, ReplayResult } from '../api/replay';

/**
 * Sections in the order they matter to someone reading after an outage: what needs a decision first. Each with
 * its title and what it means, looked up in the user's language when a report is written.
 */
const SECTIONS: readonly (readonly [ItemOutcome, () => string, () => string])[] = [
  [
    'unknown',
    () => l10n.t('Unknown'),
    () => l10n.t('may or may not have been processed (a 5xx, a timeout or a cut connection after sending). Telnyx offers no way to check: look at your webhook endpoint. Not sent again unless you choose to.'),
  ],
  ['failed', () => l10n.t('Failed'), () => l10n.t('refused or never reached Telnyx, so not processed. Running the same events again sends them.')],
  ['not-started', () => l10n.t('Not started'), () => l10n.t('the run was cancelled or stopped first. Running again sends them.')],
  ['sent', () => l10n.t('Sent'), () => l10n.t('Telnyx accepted the republish (204) and re-sends the event to the notification methods the account subscribes to.')],
  ['skipped-unknown', () => l10n.t('Skipped, outcome unknown from an earlier run'), () => l10n.t('not sent again without your say-so.')],
  ['skipped-sent', () => l10n.t('Skipped, sent in an earlier run'), () => ''],
];

export interface ReportOptions {
  /** A line under the heading, e.g. the range that was replayed. Written as plain text, never as Markdown. */
  subtitle?: string;
}

export function renderReport(result: ReplayResult, opts: ReportOptions = {}): string {
  const lines = [`# ${l10n.t('Republish report')}`, ''];
  if (opts.subtitle) lines.push(escapeText(opts.subtitle), '');
  lines.push(
    SECTIONS.filter(([o]) => result.counts[o] > 0)
      .map(([o, title]) => l10n.t('{0}: {1}', title(), result.counts[o]))
      .join(' · ') || l10n.t('No events.'),
    '',
  );
  const how = [
    result.items.length === 1 ? l10n.t('1 event') : l10n.t('{0} events', result.items.length),
    l10n.t('concurrency {0}', result.concurrency),
    l10n.t('{0} s', (result.ms / 1000).toFixed(1)),
  ];
  if (result.cancelled) how.push(l10n.t('cancelled'));
  lines.push(how.join(' · '));
  if (result.stoppedBy) lines.push('', l10n.t('Stopped early, as every further send would have failed the same way: {0}', code(result.stoppedBy)));
  for (const [outcome, title, meaning] of SECTIONS) {
    const items = result.items.filter((i) => i.outcome === outcome);
    if (items.length === 0) continue;
    lines.push('', `## ${l10n.t('{0} ({1})', title(), items.length)}`, '');
    if (meaning()) lines.push(l10n.t('{0}: {1}', title(), meaning()), '');
    for (const item of items) lines.push(`- ${itemLine(item)}`);
  }
  return `${lines.join('\n')}\n`;
}

function itemLine(item: ReplayItem): string {
  const parts = [code(item.id), direction(item.direction).label];
  if (item.eventType) parts.push(code(item.eventType));
  if (item.orderId) parts.push(l10n.t('order {0}', code(item.orderId)));
  const line = parts.join(' · ');
  return item.detail && item.outcome !== 'sent' && item.outcome !== 'skipped-sent' ? `${line} — ${code(item.detail)}` : line;
}

/** A code span holding `text` on one line: a fence longer than any run of backticks inside, padded when it touches one. */
export function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().slice(0, 1000);
  if (flat === '') return l10n.t('(empty)');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Plain text on one line with every Markdown punctuation character escaped, so nothing in it is syntax. */
export function escapeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]()#+\-.!|<>~&:/"'=]/g, '\\$&');
}
