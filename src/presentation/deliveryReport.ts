// What was sent to a local handler and what came back, as a Markdown text document: per event the request
// (URL, headers, the exact body) and the answer (status, time, headers, body) or how it failed. Everything
// from the handler or the API goes in fenced blocks or code spans, so none of it is Markdown syntax.

import * as l10n from '@vscode/l10n';
import type { Direction } from '../api/directions';
import type { Delivery } from '../api/localHandler';
import { describeMapping } from '../api/webhookEnvelope';
import { code } from './replayReport';

export interface DeliveredEvent {
  direction: Direction;
  eventId: string;
  eventType: string | undefined;
  delivery: Delivery;
}

export function renderDeliveries(url: string, signed: boolean, items: readonly DeliveredEvent[], notSent: readonly { eventId: string; why: string }[] = []): string {
  const answered = items.filter((i) => i.delivery.result.kind === 'answered');
  const ok = answered.filter((i) => 'status' in i.delivery.result && i.delivery.result.status! >= 200 && i.delivery.result.status! < 300).length;
  const lines = [
    `# ${l10n.t('Sent to local handler')}`,
    '',
    [
      l10n.t('To {0}', code(url)),
      items.length === 1 ? l10n.t('1 event') : l10n.t('{0} events', items.length),
      l10n.t('{0} answered 2xx', ok),
      l10n.t('{0} answered otherwise', answered.length - ok),
      l10n.t('{0} without an answer', items.length - answered.length),
    ].join(' · '),
    signed
      ? l10n.t('Signed with the development key (Copy Development Public Key), as Telnyx signs: Ed25519 over `timestamp|body`.')
      : l10n.t('Not signed (setting telnyxPorting.localHandler.sign is off).'),
    l10n.t('Each was sent once; nothing is retried, since a handler that failed may still have acted on it.'),
  ];
  for (const n of notSent) lines.push('', l10n.t('Not sent: {0}: {1}', code(n.eventId), code(n.why)));
  for (const item of items) {
    const { request, result } = item.delivery;
    lines.push('', `## ${code(item.eventType ?? 'event')} ${code(item.eventId)}`, '');
    if (result.kind === 'answered') {
      lines.push(l10n.t('Answer: **{0}** {1} in {2} ms', result.status, code(result.statusText || ' '), result.ms), '');
      lines.push(fenced('http', result.headers.map(([k, v]) => `${k}: ${v}`).join('\n')));
      lines.push('', fenced('', result.body === '' ? l10n.t('(empty body)') : result.body));
      if (!result.readAll) lines.push('', l10n.t('({0} more bytes of the answer not shown; it went on past {1} bytes and the rest was not read)', result.cutBytes, result.bodyBytes));
      else if (result.cutBytes > 0) lines.push('', l10n.t('({0} more bytes of the answer not shown, of {1})', result.cutBytes, result.bodyBytes));
    } else {
      lines.push(l10n.t('No answer ({0}) after {1} ms: {2}', result.kind, result.ms, code(result.message)));
    }
    lines.push('', l10n.t('Request:'), '', fenced('http', [`POST ${request.url}`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`)].join('\n')));
    lines.push('', fenced('json', pretty(request.body)));
  }
  const dirs = [...new Map(items.map((i) => [i.direction.id, i.direction])).values()];
  for (const dir of dirs) lines.push('', `## ${l10n.t('How an event becomes a webhook')}`, '', fenced('', describeMapping(dir)));
  lines.push('', l10n.t('Bodies are indented here for reading; each was sent as compact JSON with its keys sorted, and the signature covers exactly those bytes.'));
  return `${lines.join('\n')}\n`;
}

/** A fenced block that nothing inside can close: the fence is longer than any run of backticks in the text. */
function fenced(lang: string, text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
