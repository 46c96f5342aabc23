// Checks on user input made before any request is sent, so a typo never reaches the network.

import * as l10n from '@vscode/l10n';
import { DEFAULTS } from './defaults';
import { TelnyxError } from './errors';

export const DEFAULT_BASE_URL = DEFAULTS.apiBaseUrl;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The API base URL, normalised without a trailing slash. Plain http is refused except for loopback
 * addresses (the local sandbox), so a typo can't send the key in clear over the network.
 */
export function checkBaseUrl(raw: string | undefined): string {
  const text = (raw ?? '').trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TelnyxError('config', l10n.t('The API base URL "{0}" is not a URL. Use e.g. {1}.', text, DEFAULT_BASE_URL));
  }
  if (url.username || url.password) {
    throw new TelnyxError('config', l10n.t('The API base URL must not contain a user name or password.'));
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new TelnyxError(
      'config',
      l10n.t('The API base URL uses plain http to {0}; only https is allowed (http only for 127.0.0.1/localhost), so the API key is never sent in clear.', url.hostname),
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TelnyxError('config', l10n.t('The API base URL must start with https:// (got {0}).', url.protocol));
  }
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/**
 * A webhook handler's URL, as typed (path and query kept). As for the API, plain http only to loopback:
 * what is sent is customer data, and a typo must not put it on the network in clear.
 */
export function checkHandlerUrl(raw: string): string {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TelnyxError('config', l10n.t('The handler URL "{0}" is not a URL. Use e.g. {1}.', text, 'http://127.0.0.1:3000/webhooks'));
  }
  if (url.username || url.password) throw new TelnyxError('config', l10n.t('The handler URL must not contain a user name or password.'));
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new TelnyxError('config', l10n.t('The handler URL uses plain http to {0}; use https, or http only to 127.0.0.1, ::1 or localhost.', url.hostname));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TelnyxError('config', l10n.t('The handler URL must start with http:// or https:// (got {0}).', url.protocol));
  }
  url.hash = '';
  return url.toString();
}

/**
 * Returns the problem with an API key as typed, or undefined when it looks usable.
 * Telnyx v2 keys are single tokens; whitespace inside one is always a paste accident.
 */
export function apiKeyProblem(key: string): string | undefined {
  if (key.trim().length === 0) return l10n.t('The API key is empty.');
  if (/\s/.test(key.trim())) return l10n.t('The API key contains spaces or line breaks; paste just the key.');
  if (!/^[\x21-\x7e]+$/.test(key.trim())) return l10n.t('The API key contains characters that cannot be sent in a header.');
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value.trim());
}

/** Whether a value is an id as Telnyx issues them, exactly (see pathId). */
export function isTelnyxId(id: unknown): id is string {
  return typeof id === 'string' && UUID.test(id);
}

/** What an id of Telnyx's looks like, for messages. */
const EXAMPLE_ID = '329d6658-8f93-405d-862f-648776e8afd7';

/**
 * An id as it goes into a request path; every client method that puts one there takes it from here. Every id
 * these paths carry is one Telnyx issues as a UUID (openapi.yml: porting orders, port-outs, their events and
 * rejections), so anything else is refused before a request is made: `encodeURIComponent` keeps `.` and `..`,
 * which the URL parser then drops or climbs (`republish('..')` would POST /v2/porting/republish). Not trimmed:
 * a space would travel as `%20`, so an id with one is not an id either.
 */
export function pathId(id: unknown, what: string): string {
  if (isTelnyxId(id)) return id;
  const text = typeof id === 'string' ? id : String(id);
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  throw new TelnyxError('invalid', l10n.t('{0}: {1} is not a Telnyx id (they are UUIDs such as {2}), so nothing was sent.', what, shown, EXAMPLE_ID));
}
