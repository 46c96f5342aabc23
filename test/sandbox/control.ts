// /__sandbox/* — lets tests in another process program faults, read logs and reshape data over HTTP.
// No latency, no faults, not logged: this is the test harness's side door, not the API. A side door still: it
// takes the sandbox's key, and refuses what a web page can send (another Origin, a rebound Host, a body that is
// not JSON), since a page open in the browser could otherwise reprogram what the extension shows.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAuthorized } from './api';
import { HoldWaitError, parseFaultRequest, parseHeldAction } from './faults';
import type { Direction } from './model';
import { PORTIN_EVENT_TYPES, PORTING_ORDER_STATUSES, PORTOUT_EVENT_TYPES, PORTOUT_STATUSES } from './model';
import type { CompleteEventsRequest, InsertEventsRequest, ListName, RemovePick, RemoveRecordsRequest, RuntimeConfig, SandboxStore } from './store';
import { LIST_NAMES, NotFoundError } from './store';

export const CONTROL_PREFIX = '/__sandbox';

// Faults may carry whole bodies, up to the multi-megabyte payloads the fault suite sends.
const MAX_BODY_BYTES = 16 << 20;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isDirection = (v: unknown): v is Direction => v === 'portin' || v === 'portout';
const isListName = (v: unknown): v is ListName => (LIST_NAMES as readonly unknown[]).includes(v);
const isPick = (v: unknown): v is RemovePick => v === 'newest' || v === 'random';
const LISTS_TEXT = LIST_NAMES.map((l) => `"${l}"`).join('|');

/** Validates a partial RuntimeConfig (from JSON or from code); returns an error message when invalid. */
export function parseConfigPatch(body: unknown): Partial<RuntimeConfig> | string {
  if (!isRecord(body)) return 'body must be a JSON object';
  const patch: Partial<RuntimeConfig> = {};
  for (const key of Object.keys(body)) {
    const v = body[key];
    switch (key) {
      case 'latencyMs':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return 'latencyMs must be a number >= 0';
        patch.latencyMs = v;
        break;
      case 'portoutEventsPath':
        if (v !== 'portouts' && v !== 'portout') return 'portoutEventsPath must be "portouts" or "portout"';
        patch.portoutEventsPath = v;
        break;
      case 'insertEventsEveryListRequest':
        if (v === null) patch.insertEventsEveryListRequest = null;
        else if (isRecord(v) && isDirection(v.direction) && Number.isInteger(v.count) && (v.count as number) >= 1) {
          patch.insertEventsEveryListRequest = { direction: v.direction, count: v.count as number };
        } else return 'insertEventsEveryListRequest must be null or {"direction": "portin"|"portout", "count": integer >= 1}';
        break;
      case 'emptyListTotalPages':
        if (v !== 0 && v !== 1) return 'emptyListTotalPages must be 0 or 1';
        patch.emptyListTotalPages = v;
        break;
      case 'listOrder':
        if (v !== 'desc' && v !== 'asc' && v !== 'shuffled') return 'listOrder must be "desc", "asc" or "shuffled"';
        patch.listOrder = v;
        break;
      case 'removeEveryListRequest':
        if (v === null) patch.removeEveryListRequest = null;
        else if (
          isRecord(v) &&
          isListName(v.list) &&
          Number.isInteger(v.count) &&
          (v.count as number) >= 1 &&
          (v.pick === undefined || isPick(v.pick)) &&
          Object.keys(v).every((k) => k === 'list' || k === 'count' || k === 'pick')
        ) {
          patch.removeEveryListRequest = { list: v.list, count: v.count as number, pick: v.pick ?? 'newest' };
        } else return `removeEveryListRequest must be null or {"list": ${LISTS_TEXT}, "count": integer >= 1, "pick"?: "newest"|"random"}`;
        break;
      case 'strictQuery':
      case 'rateLimitHeaders':
        if (typeof v !== 'boolean') return `${key} must be true or false`;
        patch[key] = v;
        break;
      default:
        return `unknown config key ${key}`;
    }
  }
  return patch;
}

function parseInsertRequest(body: unknown): InsertEventsRequest | string {
  if (!isRecord(body) || !isDirection(body.direction)) return 'body must be {"direction": "portin"|"portout", "orderId"?: string, "count": integer, "pending"?: boolean}';
  if (body.orderId !== undefined && typeof body.orderId !== 'string') return 'orderId must be a string';
  if (body.pending !== undefined && typeof body.pending !== 'boolean') return 'pending must be true or false';
  const count = body.count ?? 1;
  if (typeof count !== 'number') return 'count must be an integer';
  const types: readonly string[] = body.direction === 'portin' ? PORTIN_EVENT_TYPES : PORTOUT_EVENT_TYPES;
  if (body.eventType !== undefined && (typeof body.eventType !== 'string' || !types.includes(body.eventType))) return `eventType must be one of ${types.join(', ')}`;
  const statuses: readonly string[] = body.direction === 'portin' ? PORTING_ORDER_STATUSES : PORTOUT_STATUSES;
  if (body.status !== undefined) {
    if (typeof body.status !== 'string' || !statuses.includes(body.status)) return `status must be one of ${statuses.join(', ')}`;
    if (typeof body.eventType !== 'string' || !body.eventType.endsWith('.status_changed')) return 'status needs a status_changed eventType';
  }
  return {
    direction: body.direction,
    count,
    ...(body.orderId === undefined ? {} : { orderId: body.orderId }),
    ...(body.pending === true ? { pending: true } : {}),
    ...(body.eventType === undefined ? {} : { eventType: body.eventType as string }),
    ...(body.status === undefined ? {} : { status: body.status as string }),
  };
}

function parseCompleteRequest(body: unknown): CompleteEventsRequest | string {
  const usage = 'body must be {"direction": "portin"|"portout", "ids": [id, ...]}';
  if (!isRecord(body) || !isDirection(body.direction)) return usage;
  if (!Array.isArray(body.ids) || body.ids.length === 0 || !body.ids.every((id) => typeof id === 'string')) return `ids must be a non-empty array of strings; ${usage}`;
  return { direction: body.direction, ids: body.ids as string[] };
}

function parseRemoveRequest(body: unknown): RemoveRecordsRequest | string {
  const usage = `body must be {"list": ${LISTS_TEXT}, "ids": [uuid, ...]} or {"list": …, "count": integer >= 1, "pick"?: "newest"|"random"}`;
  if (!isRecord(body) || !isListName(body.list)) return usage;
  const unknown = Object.keys(body).filter((k) => !['list', 'ids', 'count', 'pick'].includes(k));
  if (unknown.length > 0) return `unknown field ${unknown.join(', ')}; ${usage}`;
  if ((body.ids === undefined) === (body.count === undefined)) return `give exactly one of ids and count; ${usage}`;
  if (body.ids !== undefined) {
    if (!Array.isArray(body.ids) || body.ids.length === 0 || !body.ids.every((id) => typeof id === 'string')) return 'ids must be a non-empty array of strings';
    if (body.pick !== undefined) return 'pick goes with count, not with ids';
    return { list: body.list, ids: body.ids as string[] };
  }
  if (!Number.isInteger(body.count) || (body.count as number) < 1) return 'count must be an integer >= 1';
  if (body.pick !== undefined && !isPick(body.pick)) return 'pick must be "newest" or "random"';
  return { list: body.list, count: body.count as number, pick: body.pick ?? 'newest' };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      try {
        resolve(text === '' ? {} : JSON.parse(text));
      } catch {
        reject(new Error('body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

const fail = (res: ServerResponse, status: number, detail: string): void =>
  send(res, status, { errors: [{ code: status === 404 ? '10005' : '10015', title: status === 404 ? 'Resource not found' : 'Bad Request', detail }] });

/** The host names of this machine's loopback, as URL parsing spells them. */
const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host name of a Host header ("127.0.0.1:4010", "[::1]:4010", "localhost"), lower-cased; undefined when it is not one. */
export function hostnameOf(host: string | undefined): string | undefined {
  if (host === undefined || host === '' || /[/?#@\\\s]/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Whether a Host header names the loopback (or `also`, the address the sandbox was told to listen on). A page
 * that rebinds its own name to 127.0.0.1 reaches the sandbox with that name as Host: this is what refuses it.
 */
export function isLoopbackHost(host: string | undefined, also?: string): boolean {
  const name = hostnameOf(host);
  return name !== undefined && (LOOPBACK_HOSTNAMES.has(name) || name === also);
}

/** A browser's Origin of a page served from the loopback over http, the only pages that may use the side door. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.origin === origin && LOOPBACK_HOSTNAMES.has(url.hostname);
  } catch {
    return false; // "null" (a sandboxed frame, a file) among others
  }
}

/** The media type of a Content-Type header, lower-cased, without its parameters. */
const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Why a control request is refused, or undefined to serve it. An Origin header means a browser sent it: a page
 * elsewhere can POST a text/plain body without a preflight, so any Origin but the loopback is refused before
 * anything else, and only JSON is read (a cross-origin JSON POST needs a preflight, which this server never
 * grants). The key comes after, as the API asks for it. The Host is checked for every request, by the server.
 */
export function controlRefusal(req: IncomingMessage, apiKey: string): { status: 401 | 403 | 415; detail: string } | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return { status: 403, detail: `requests from ${origin} are refused: the control endpoints take no requests from web pages` };
  if (!isAuthorized(req.headers.authorization, apiKey)) return { status: 401, detail: 'the control endpoints need Authorization: Bearer <the sandbox key>' };
  if (req.method === 'POST' && mediaType(req.headers['content-type']) !== 'application/json') {
    return { status: 415, detail: `a control POST takes Content-Type: application/json, not ${req.headers['content-type'] ?? 'none'}` };
  }
  return undefined;
}

/** Answers a refused control request without reading its body. */
export function refuseControl(res: ServerResponse, refusal: { status: number; detail: string }): void {
  const code = refusal.status === 401 ? '10009' : refusal.status === 403 ? '10010' : '10015';
  const title = refusal.status === 401 ? 'Authentication failed' : refusal.status === 403 ? 'Authorization failed' : 'Unsupported Media Type';
  send(res, refusal.status, { errors: [{ code, title, detail: refusal.detail }] });
}

/** `path` is below /__sandbox, e.g. "/faults". */
export async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, store: SandboxStore): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path.replace(/\/+$/, '')}`;
  let body: unknown = undefined;
  if (req.method === 'POST') {
    try {
      body = await readJson(req);
    } catch (e) {
      fail(res, 400, (e as Error).message);
      return;
    }
  } else {
    req.resume();
  }

  switch (route) {
    case 'GET /faults':
      return send(res, 200, store.faults.list());
    case 'POST /faults': {
      const parsed = parseFaultRequest(body);
      if (typeof parsed === 'string') return fail(res, 400, parsed);
      return send(res, 201, store.faults.add(parsed.match, parsed.fault));
    }
    case 'DELETE /faults':
      store.faults.clear();
      return send(res, 204);
    // Requests parked by `hold` faults: list them, wait until they have arrived, release them.
    case 'GET /held':
    case 'POST /held': {
      if (req.method === 'GET') return send(res, 200, store.holds.held());
      const action = parseHeldAction(body);
      if (typeof action === 'string') return fail(res, 400, action);
      if ('release' in action) return send(res, 200, { released: store.holds.release(action.release) });
      try {
        return send(res, 200, await store.holds.wait(action.wait, action.count, action.timeoutMs));
      } catch (e) {
        if (!(e instanceof HoldWaitError)) throw e;
        return fail(res, 409, e.message);
      }
    }
    case 'GET /requests':
      return send(res, 200, store.requests);
    case 'DELETE /requests':
      store.requests = [];
      return send(res, 204);
    case 'GET /republishes':
      return send(res, 200, store.republishes);
    case 'DELETE /republishes':
      store.republishes = [];
      return send(res, 204);
    case 'POST /events': {
      const parsed = parseInsertRequest(body);
      if (typeof parsed === 'string') return fail(res, 400, parsed);
      try {
        return send(res, 201, store.insertEvents(parsed));
      } catch (e) {
        return fail(res, e instanceof NotFoundError ? 404 : 400, (e as Error).message);
      }
    }
    case 'POST /complete': {
      const parsed = parseCompleteRequest(body);
      if (typeof parsed === 'string') return fail(res, 400, parsed);
      try {
        return send(res, 200, store.completeEvents(parsed));
      } catch (e) {
        return fail(res, e instanceof NotFoundError ? 404 : 400, (e as Error).message);
      }
    }
    case 'POST /remove': {
      const parsed = parseRemoveRequest(body);
      if (typeof parsed === 'string') return fail(res, 400, parsed);
      try {
        return send(res, 200, store.removeRecords(parsed));
      } catch (e) {
        return fail(res, e instanceof NotFoundError ? 404 : 400, (e as Error).message);
      }
    }
    case 'GET /config':
      return send(res, 200, store.config);
    case 'POST /config': {
      const patch = parseConfigPatch(body);
      if (typeof patch === 'string') return fail(res, 400, patch);
      store.config = { ...store.config, ...patch };
      return send(res, 200, store.config);
    }
    case 'POST /reset':
      store.reset();
      return send(res, 204);
    case 'GET /seed':
      // The comments after the four lists, so the lists' part of the answer is what it always was.
      return send(res, 200, { ...store.data, portinComments: store.allComments('portin'), portoutComments: store.allComments('portout') });
    case 'GET /decisions':
      return send(res, 200, store.decisions);
    case 'DELETE /decisions':
      store.decisions = [];
      return send(res, 204);
    default:
      return fail(res, 404, `no control endpoint ${route}`);
  }
}
