// "Copy as cURL": the same request the extension makes, for a terminal. The key is never written out: the
// command reads it from $TELNYX_API_KEY, so the text can be pasted into a ticket or a chat.

import type { Direction } from './directions';

export const API_KEY_VARIABLE = 'TELNYX_API_KEY';

/** `GET …/events/{id}`. `eventsPath` is the path the client found answering (TelnyxClient.eventsPathOf), the spec's by default. */
export function curlShowEvent(baseUrl: string, dir: Direction, id: string, eventsPath = dir.eventsPaths[0]!): string {
  return command('curl -sS', `${eventsUrl(baseUrl, eventsPath)}/${encodeURIComponent(id)}`, 'application/json');
}

/** `POST …/events/{id}/republish`, with no body and any-type Accept, as TelnyxClient.republish sends it. */
export function curlRepublish(baseUrl: string, dir: Direction, id: string, eventsPath = dir.eventsPaths[0]!): string {
  // -i: the answer is a bare 204, so its status line is all there is to see.
  return command('curl -sS -i -X POST', `${eventsUrl(baseUrl, eventsPath)}/${encodeURIComponent(id)}/republish`, '*/*');
}

function eventsUrl(baseUrl: string, eventsPath: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${eventsPath.replace(/^\/+/, '')}`;
}

function command(curl: string, url: string, accept: string): string {
  return [
    `${curl} ${shellQuote(url)}`,
    // Double quotes so the shell expands the variable; nothing else is inside them.
    `-H "Authorization: Bearer $${API_KEY_VARIABLE}"`,
    `-H ${shellQuote(`Accept: ${accept}`)}`,
  ].join(' \\\n  ');
}

/** One POSIX shell word that stands for `text` exactly: single quotes, each ' written as '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
