// What the extension asks of Telnyx, in its own words: list orders and events a page at a time,
// show one event, republish one. Direction-specific details come from the direction table.

import * as l10n from '@vscode/l10n';
import { MAX_PAGE_SIZE } from './defaults';
import { type Direction, type DirectionId, DIRECTIONS, direction as directionOf, PORT_OUT } from './directions';
import { TelnyxError } from './errors';
import { fetchAll, type FetchAllOptions, type FetchAllResult } from './fetchAll';
import { Http, type HttpOptions, type ReadOptions, type SendOptions, type SendResult } from './http';
import { toPage } from './page';
import { pathId } from './validate';
import type { Order, OrderComment, Page, PortingEvent, PortoutAnswer, PortoutDecision, PortoutDetails, PortoutRejection } from './types';

export interface ListEventsOptions extends ReadOptions {
  /** Only the events of this order; all of the direction's events otherwise. */
  orderId?: string;
  eventType?: string;
  /** Only events created at or after this ISO date-time (`filter[created_at][gte]`); all otherwise. */
  createdFrom?: string;
  /** Only events created at or before this ISO date-time (`filter[created_at][lte]`). */
  createdTo?: string;
  pageNumber: number;
  pageSize: number;
}

export interface ListOrdersOptions extends ReadOptions {
  pageNumber: number;
  pageSize: number;
  /** Extra filters, already in the API's bracket notation, e.g. `{ 'filter[status]': 'pending' }`. */
  filters?: Record<string, string>;
}


export { MAX_PAGE_SIZE };

export class TelnyxClient {
  readonly http: Http;
  /** Which of a direction's candidate events paths answered, once one has. */
  private readonly eventsPath = new Map<DirectionId, string>();

  constructor(options: HttpOptions) {
    this.http = new Http(options);
  }

  /** One cheap authenticated call: proves the key before we store it. */
  async verifyKey(signal?: AbortSignal): Promise<void> {
    await this.listOrders(directionOf('portin'), { pageNumber: 1, pageSize: 1, signal });
  }

  async listOrders(dir: Direction, opts: ListOrdersOptions): Promise<Page<Order>> {
    const body = await this.http.json(dir.ordersPath, {
      query: { ...dir.orderListQuery, ...opts.filters, 'page[number]': opts.pageNumber, 'page[size]': clampSize(opts.pageSize) },
      signal: opts.signal,
      onReceived: opts.onReceived,
      what: l10n.t('Loading {0} orders', dir.label),
    });
    return toPage<Order>(body, opts.pageNumber, clampSize(opts.pageSize), l10n.t('{0} orders', dir.label));
  }

  async listEvents(dir: Direction, opts: ListEventsOptions): Promise<Page<PortingEvent>> {
    const query = {
      [dir.eventOrderFilter]: opts.orderId,
      [dir.eventTypeFilter]: opts.eventType,
      'filter[created_at][gte]': opts.createdFrom,
      'filter[created_at][lte]': opts.createdTo,
      'page[number]': opts.pageNumber,
      'page[size]': clampSize(opts.pageSize),
    };
    const body = await this.withEventsPath(dir, (path) =>
      this.http.json(path, { query, signal: opts.signal, onReceived: opts.onReceived, what: l10n.t('Loading {0} events', dir.label) }),
    );
    return toPage<PortingEvent>(body, opts.pageNumber, clampSize(opts.pageSize), l10n.t('{0} events', dir.label));
  }

  /** Every order of a direction (bounded-concurrency paging; see fetchAll). */
  allOrders(dir: Direction, opts: FetchAllOptions, filters?: Record<string, string>): Promise<FetchAllResult<Order>> {
    return fetchAll((pageNumber, pageSize, signal, onReceived) => this.listOrders(dir, { pageNumber, pageSize, filters, signal, onReceived }), opts);
  }

  /** Every event of a direction, or of one order. */
  allEvents(dir: Direction, opts: FetchAllOptions, orderId?: string): Promise<FetchAllResult<PortingEvent>> {
    return fetchAll((pageNumber, pageSize, signal, onReceived) => this.listEvents(dir, { orderId, pageNumber, pageSize, signal, onReceived }), opts);
  }

  async getEvent(dir: Direction, id: string, signal?: AbortSignal): Promise<PortingEvent> {
    const what = l10n.t('Loading {0} event {1}', dir.label, id);
    const eventId = pathId(id, what);
    const body = await this.withEventsPath(dir, (path) => this.http.json(`${path}/${eventId}`, { signal, what }));
    const data = (body as { data?: unknown } | undefined)?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new TelnyxError('malformed', l10n.t('Loading {0} event {1}: the answer has no event in it.', dir.label, id));
    }
    return data as PortingEvent;
  }

  /** One order as it is now (its status changed, say): `GET /porting_orders/{id}` or `/portouts/{id}`. */
  async getOrder(dir: Direction, id: string, signal?: AbortSignal): Promise<Order> {
    const what = l10n.t('Loading {0} order {1}', dir.label, id);
    const body = await this.http.json(`${dir.ordersPath}/${pathId(id, what)}`, { signal, what });
    const data = (body as { data?: unknown } | undefined)?.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new TelnyxError('malformed', l10n.t('Loading {0} order {1}: the answer has no order in it.', dir.label, id));
    }
    return data as Order;
  }

  /** Looks an event id up in both directions, for when the user only has the id. */
  async findEvent(id: string, signal?: AbortSignal): Promise<{ direction: Direction; event: PortingEvent }> {
    for (const dir of DIRECTIONS) {
      try {
        return { direction: dir, event: await this.getEvent(dir, id, signal) };
      } catch (e) {
        if (!(e instanceof TelnyxError && e.kind === 'not-found')) throw e;
      }
    }
    throw new TelnyxError('not-found', l10n.t('No port-in or port-out event has the id {0}.', id), 404);
  }

  /**
   * Asks Telnyx to send the event's notifications again. Resolves on 204; never resends on its own after
   * an unknown outcome. Which events path this account answers on is settled first with a GET of the
   * event (harmless to repeat), so the POST itself is sent exactly once, to the path that answered.
   */
  async republish(dir: Direction, id: string, signal?: AbortSignal): Promise<void> {
    const what = l10n.t('Republishing {0} event {1}', dir.label, id);
    const eventId = pathId(id, what);
    if (!this.eventsPath.has(dir.id)) await this.getEvent(dir, eventId, signal);
    // A 204 is all there is to read: whatever else came with it, it was done.
    await this.write('POST', `${this.eventsPathOf(dir)}/${eventId}/republish`, { signal, accept: '*/*', what }, () => undefined);
  }

  /**
   * An order's whole conversation, oldest first (by created_at, then as listed; the API promises no order). Port-in
   * comments are read page by page (250 a page) until the last; port-out comments, which take no paging
   * parameters, in one GET. Entries that are not records are left out.
   */
  async listComments(dir: Direction, orderId: string, signal?: AbortSignal): Promise<OrderComment[]> {
    const what = l10n.t('Loading the comments of {0} order {1}', dir.label, orderId);
    const path = dir.commentsPath(pathId(orderId, what));
    const byId = new Map<string, OrderComment>();
    const unnamed: OrderComment[] = [];
    /** Keeps a page's comments; returns how many were not seen before (a comment without an id always counts). */
    const keep = (items: OrderComment[]): number => {
      let added = 0;
      for (const c of items) {
        if (typeof c.id !== 'string' || c.id === '') {
          unnamed.push(c);
          added++;
        } else if (!byId.has(c.id)) {
          byId.set(c.id, c);
          added++;
        } else byId.set(c.id, c);
      }
      return added;
    };
    if (!dir.commentsPaged) {
      keep(toPage<OrderComment>(await this.http.json(path, { signal, what }), 1, MAX_PAGE_SIZE, l10n.t('{0} comments', dir.label)).items);
    } else {
      // A comment posted while we page shifts the others by one; the id map keeps one copy of anything seen twice.
      // A page that brings nothing new ends the read, whatever the meta claims: an answer that repeats itself
      // (or only ever says "more") would otherwise be read to the page limit.
      for (let pageNumber = 1, totalPages = 1; pageNumber <= totalPages; pageNumber++) {
        if (pageNumber > MAX_COMMENT_PAGES) {
          throw new TelnyxError('malformed', l10n.t('{0}: Telnyx lists more than {1} pages of comments, more than any conversation has; not all of them were read.', what, MAX_COMMENT_PAGES));
        }
        const body = await this.http.json(path, { query: { 'page[number]': pageNumber, 'page[size]': MAX_PAGE_SIZE }, signal, what });
        const page = toPage<OrderComment>(body, pageNumber, MAX_PAGE_SIZE, l10n.t('{0} comments', dir.label));
        if (keep(page.items) === 0) break;
        totalPages = page.totalPages;
      }
    }
    return sortComments([...byId.values(), ...unnamed]);
  }

  /**
   * Posts one comment: exactly one POST per call (a 429, refused before processing, is the only resend).
   * Resolves with the comment Telnyx created. On 'unknown-outcome' (5xx, 408, timeout, a cut connection, or
   * a 2xx whose answer could not be read) it may or may not be posted: list the comments again and look for
   * it with findPostedComment before offering to send it again.
   */
  async postComment(dir: Direction, orderId: string, body: string, signal?: AbortSignal): Promise<OrderComment> {
    const what = l10n.t('Posting a comment on {0} order {1}', dir.label, orderId);
    const path = dir.commentsPath(pathId(orderId, what));
    return this.write('POST', path, { body: { body }, signal, what }, (sent) =>
      dataRecord<OrderComment>(sent, what, () => l10n.t('its answer has no comment in it'), (c) => typeof c.id === 'string' && c.id !== ''),
    );
  }

  /** The codes a port-out may be rejected with (`GET /portouts/rejections/{id}`), optionally only one code. */
  async portoutRejections(orderId: string, signal?: AbortSignal, code?: number): Promise<PortoutRejection[]> {
    const what = l10n.t('Loading the rejection codes of port-out {0}', orderId);
    const body = await this.http.json(`${PORT_OUT.ordersPath}/rejections/${pathId(orderId, what)}`, { query: { 'filter[code]': code }, signal, what });
    const data = (body as { data?: unknown } | undefined)?.data;
    if (!Array.isArray(data)) throw new TelnyxError('malformed', l10n.t('{0}: the answer has no list of codes in it.', what));
    return data.filter((r): r is PortoutRejection => typeof r === 'object' && r !== null && !Array.isArray(r));
  }

  /**
   * Answers a pending port-out: `PATCH /portouts/{id}/authorized` or `/rejected-pending` with
   * `{reason, host_messaging?}`, sent once (as postComment). The spec requires `reason` for both decisions, so
   * the type does. Resolves with the port-out as it is now. A blank rejection reason, or an answer to a port-out
   * that is no longer pending, is Telnyx's 422 ('invalid'). On 'unknown-outcome', read the port-out again
   * (getOrder) and ask decisionTookEffect.
   */
  async answerPortout(orderId: string, decision: PortoutDecision, answer: PortoutAnswer, signal?: AbortSignal): Promise<PortoutDetails> {
    const what = decision === 'authorized' ? l10n.t('Authorizing port-out {0}', orderId) : l10n.t('Rejecting port-out {0}', orderId);
    const body = answer.hostMessaging === undefined ? { reason: answer.reason } : { reason: answer.reason, host_messaging: answer.hostMessaging };
    const path = `${PORT_OUT.ordersPath}/${pathId(orderId, what)}/${decision}`;
    return this.write('PATCH', path, { body, signal, what }, (sent) =>
      dataRecord<PortoutDetails>(sent, what, () => l10n.t('its answer has no port-out in it'), (p) => typeof p.id === 'string' && p.id.toLowerCase() === orderId.toLowerCase()),
    );
  }

  /**
   * A write sent once (Http.sendOnce), then its answer read with `read`. Once it may have left, nothing that goes
   * wrong says it was not done: an unexpected error, or an answer `read` cannot use, is an 'unknown-outcome' (never
   * 'malformed', which offers a plain Retry that could do it twice), so the caller checks before sending again.
   */
  private async write<T>(method: 'POST' | 'PATCH', path: string, opts: SendOptions, read: (sent: SendResult) => T): Promise<T> {
    let sent: SendResult;
    try {
      sent = await this.http.sendOnce(method, path, opts);
    } catch (e) {
      if (e instanceof TelnyxError && e.kind !== 'malformed') throw e;
      throw afterSending(e, opts.what);
    }
    try {
      return read(sent);
    } catch (e) {
      if (e instanceof TelnyxError && e.kind === 'unknown-outcome') throw e;
      throw afterSending(e, opts.what);
    }
  }

  /**
   * Runs a call against the direction's events path. Until one path has answered, a 404 moves on to
   * the next candidate (the guide's spelling); the path that answers is remembered.
   */
  private async withEventsPath<T>(dir: Direction, call: (path: string) => Promise<T>): Promise<T> {
    const known = this.eventsPath.get(dir.id);
    if (known) return call(known);
    let lastError: unknown;
    for (const path of dir.eventsPaths) {
      try {
        const result = await call(path);
        this.eventsPath.set(dir.id, path);
        return result;
      } catch (e) {
        if (!(e instanceof TelnyxError && e.kind === 'not-found')) throw e;
        lastError = e;
      }
    }
    throw lastError;
  }

  /** The events path in use for a direction, for display and tests. */
  eventsPathOf(dir: Direction): string {
    return this.eventsPath.get(dir.id) ?? dir.eventsPaths[0]!;
  }
}

/** More pages of comments than any conversation has: a guard against an answer whose meta never ends. */
const MAX_COMMENT_PAGES = 100;

/**
 * The record in a write's `{data: …}` answer, when `isRecord` accepts it (it has the id the caller relies on). A
 * 2xx whose answer is unreadable or has no such record was still done, but what it made is unknown: that is an
 * 'unknown-outcome' too, so the caller checks rather than resends.
 */
function dataRecord<T extends object>(sent: SendResult, what: string, missing: () => string, isRecord: (data: T) => boolean): T {
  const data = (sent.body as { data?: unknown } | undefined)?.data;
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && isRecord(data as T)) return data as T;
  const why = sent.bodyUnreadable ? l10n.t('its answer could not be read') : missing();
  throw new TelnyxError('unknown-outcome', l10n.t('{0}: Telnyx accepted it, but {1}, so what it made is unknown.', what, why));
}

/** Anything unexpected once a write may have left: it may or may not have been done. */
function afterSending(e: unknown, what: string): TelnyxError {
  const cause = e instanceof Error ? e.message : String(e);
  return new TelnyxError('unknown-outcome', l10n.t('{0}: something went wrong once it was sent ({1}), so it may or may not have been processed.', what, cause));
}

/**
 * Oldest first by created_at (unparseable or missing times last); comments of the same millisecond keep the
 * order they came in (the API's). A new array.
 */
export function sortComments(comments: readonly OrderComment[]): OrderComment[] {
  const time = (c: OrderComment): number => {
    const t = Date.parse(c.created_at ?? '');
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  return [...comments].sort((a, b) => time(a) - time(b));
}

/** How far a server's clock may run behind ours when matching a comment to the moment we sent it. */
export const COMMENT_CLOCK_SKEW_MS = 2 * 60_000;

/**
 * After a send whose outcome is unknown: the comment with exactly this body created at or after `sentAt`
 * (less `skewMs` for the server's clock), the newest if several; undefined when it is not there. The text is
 * compared as sent, not trimmed: the API keeps a multi-line body as typed.
 */
export function findPostedComment(comments: readonly OrderComment[], body: string, sentAt: Date | number | string, skewMs = COMMENT_CLOCK_SKEW_MS): OrderComment | undefined {
  const since = new Date(sentAt).getTime() - skewMs;
  let found: OrderComment | undefined;
  let foundAt = Number.NEGATIVE_INFINITY;
  for (const c of comments) {
    if (c.body !== body) continue;
    const at = Date.parse(c.created_at ?? '');
    if (Number.isNaN(at) || at < since) continue;
    if (at >= foundAt) {
      found = c;
      foundAt = at;
    }
  }
  return found;
}

/** Port-out statuses each answer leads to: the one asked for, and those that can only come after it. */
const DECIDED: Readonly<Record<PortoutDecision, readonly string[]>> = {
  authorized: ['authorized', 'ported'],
  'rejected-pending': ['rejected-pending', 'rejected'],
};

/**
 * After an answer whose outcome is unknown: whether the port-out, read again (`getOrder(PORT_OUT, id)` or the
 * record answerPortout returned), shows it took effect: its status is the one asked for or one only reached after it.
 */
export function decisionTookEffect(portout: Order | undefined, decision: PortoutDecision): boolean {
  const status = portout === undefined ? undefined : PORT_OUT.statusOf(portout);
  return typeof status === 'string' && DECIDED[decision].includes(status);
}

function clampSize(size: number): number {
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(size)));
}
