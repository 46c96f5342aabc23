// What was sent to a local handler and what came back, as a Markdown text document: per event the request
// (URL, headers, the exact body) and the answer (status, time, headers, body) or how it failed. Everything
// from the handler or the API goes in fenced blocks or code spans, so none of it is Markdown syntax.

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
    '# Sent to local handler',
    '',
    `To ${code(url)} · ${items.length} event${items.length === 1 ? '' : 's'} · ${ok} answered 2xx · ${answered.length - ok} answered otherwise · ${items.length - answered.length} without an answer`,
    signed
      ? 'Signed with the development key (Copy Development Public Key), as Telnyx signs: Ed25519 over `timestamp|body`.'
      : 'Not signed (setting telnyxPorting.localHandler.sign is off).',
    'Each was sent once; nothing is retried, since a handler that failed may still have acted on it.',
  ];
  for (const n of notSent) lines.push('', `Not sent: ${code(n.eventId)}: ${code(n.why)}`);
  for (const item of items) {
    const { request, result } = item.delivery;
    lines.push('', `## ${code(item.eventType ?? 'event')} ${code(item.eventId)}`, '');
    if (result.kind === 'answered') {
      lines.push(`Answer: **${result.status}** ${code(result.statusText || ' ')} in ${result.ms} ms`, '');
      lines.push(fenced('http', result.headers.map(([k, v]) => `${k}: ${v}`).join('\n')));
      lines.push('', fenced('', result.body === '' ? '(empty body)' : result.body));
      if (result.cutBytes > 0) lines.push('', `(${result.cutBytes} more bytes of the answer not shown, of ${result.bodyBytes})`);
    } else {
      lines.push(`No answer (${result.kind}) after ${result.ms} ms: ${code(result.message)}`);
    }
    lines.push('', 'Request:', '', fenced('http', [`POST ${request.url}`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`)].join('\n')));
    lines.push('', fenced('json', pretty(request.body)));
  }
  const dirs = [...new Map(items.map((i) => [i.direction.id, i.direction])).values()];
  for (const dir of dirs) lines.push('', '## How an event becomes a webhook', '', fenced('', describeMapping(dir)));
  lines.push('', 'Bodies are indented here for reading; each was sent as compact JSON with its keys sorted, and the signature covers exactly those bytes.');
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
