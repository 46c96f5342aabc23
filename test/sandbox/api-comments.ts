// Comments of both directions and the account's answer to a port-out (API.md §13): the only endpoints that
// read a request body. Strict like the rest: an empty comment, an answer without the reason the spec requires
// (for both statuses) and an answer to a port-out that is no longer pending are Telnyx's 422s, each naming the
// field (`source.pointer`).

import { randomUUID } from 'node:crypto';
import type { TelnyxError } from './errors';
import { invalidField, malformedBody } from './errors';
import type { PortingComment, PortoutComment, PortoutDecision, PortoutDetails, PortoutRejection } from './model';
import { arrange, paginate, readPage } from './pagination';
import { UUID_RE } from './prng';
import { NO_PARAMS, PAGE_PARAMS, QueryReader } from './query';
import type { ApiRequest, ApiResponse } from './responses';
import { created, missing, ok, unprocessable } from './responses';

/** The rejection codes every port-out may be rejected with; `1999` (Other) needs the reason spelt out. */
export const PORTOUT_REJECTION_CODES: readonly PortoutRejection[] = [
  { code: 1001, description: 'Invalid PIN', reason_required: false },
  { code: 1002, description: 'Account number mismatch', reason_required: false },
  { code: 1003, description: 'Authorized name mismatch', reason_required: false },
  { code: 1004, description: 'Service address mismatch', reason_required: false },
  { code: 1005, description: 'Pending order exists', reason_required: false },
  { code: 1999, description: 'Other', reason_required: true },
];

type Body = { ok: true; fields: Record<string, unknown> } | { ok: false; response: ApiResponse };

/** The body as a JSON object, or the answer refusing it: not JSON → 400, JSON but not an object → 422. */
function readBody(req: ApiRequest): Body {
  const text = req.body ?? '';
  if (text.trim() === '') return { ok: true, fields: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, response: { status: 400, body: malformedBody() } };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, response: unprocessable([invalidField('/', 'The request body must be a JSON object.')]) };
  }
  return { ok: true, fields: parsed as Record<string, unknown> };
}

/** Fields the endpoint does not define are refused, as unknown query parameters are. */
function unknownFields(fields: Record<string, unknown>, known: readonly string[]): TelnyxError[] {
  return Object.keys(fields)
    .filter((k) => !known.includes(k))
    .map((k) => invalidField(`/${k}`, `${k} is not a field of this request.`, 'Unknown field'));
}

/** A malformed id is a path that does not exist; the query is judged after it. */
function refuseQuery(req: ApiRequest, id: string, paged: boolean): ApiResponse | { page?: ReturnType<typeof readPage> } {
  if (!UUID_RE.test(id)) return missing();
  const q = new QueryReader(req.query, paged ? { single: [...PAGE_PARAMS] } : NO_PARAMS, req.store.config.strictQuery);
  const page = paged ? readPage(q) : undefined;
  if (q.errors.length > 0) return unprocessable(q.errors);
  return page === undefined ? {} : { page };
}

const isResponse = (v: object): v is ApiResponse => 'status' in v;

/**
 * Now, or just after the order's newest comment when that is later (comments posted within one millisecond,
 * or a seed anchored ahead of the clock): an order's conversation keeps strictly increasing times.
 */
function nextTime(nowMs: number, latest: { created_at: string } | undefined): string {
  const last = latest === undefined ? Number.NEGATIVE_INFINITY : Date.parse(latest.created_at);
  return new Date(Math.max(nowMs, last + 1)).toISOString();
}

/** The comment's text, or the 422 for a missing, non-string, empty or whitespace-only one. */
function commentBody(req: ApiRequest): { text: string } | ApiResponse {
  const body = readBody(req);
  if (!body.ok) return body.response;
  const errors = unknownFields(body.fields, ['body']);
  const text = body.fields.body;
  if (text === undefined) errors.unshift(invalidField('/body', 'body is required.', 'Missing required field'));
  else if (typeof text !== 'string') errors.unshift(invalidField('/body', 'body must be a string.'));
  else if (text.trim() === '') errors.unshift(invalidField('/body', 'body must not be blank.'));
  return errors.length > 0 ? unprocessable(errors) : { text: text as string };
}

/**
 * The spec documents no sort for either comments list, so they come in the run's list order like the other
 * undocumented lists (newest first by default): the client must not read a conversation in the order it arrives.
 */
function listed<C extends { id: string }>(req: ApiRequest, oldestFirst: readonly C[]): C[] {
  return arrange([...oldestFirst].reverse(), req.store.config.listOrder);
}

export function listPortingOrderComments(req: ApiRequest, id: string): ApiResponse {
  const checked = refuseQuery(req, id, true);
  if (isResponse(checked)) return checked;
  if (req.store.portinOrder(id) === undefined) return missing();
  const result = paginate(listed(req, req.store.commentsOf('portin', id)), checked.page!, req.store.config.emptyListTotalPages);
  return ok(result);
}

export function createPortingOrderComment(req: ApiRequest, id: string): ApiResponse {
  const checked = refuseQuery(req, id, false);
  if (isResponse(checked)) return checked;
  const order = req.store.portinOrder(id);
  if (order === undefined) return missing();
  const text = commentBody(req);
  if (isResponse(text)) return text;
  const comment: PortingComment = {
    id: randomUUID(),
    body: text.text,
    porting_order_id: order.id,
    created_at: nextTime(req.store.now(), req.store.commentsOf('portin', order.id).at(-1)),
    record_type: 'porting_comment',
    user_type: 'user',
  };
  if (!req.dryRun) req.store.addComment(comment);
  return created({ data: comment });
}

/** The spec gives this list no paging parameters; the meta says it is all on one page. */
export function listPortoutComments(req: ApiRequest, id: string): ApiResponse {
  const checked = refuseQuery(req, id, false);
  if (isResponse(checked)) return checked;
  if (req.store.portout(id) === undefined) return missing();
  const all = listed(req, req.store.commentsOf('portout', id));
  const meta = { page_number: 1, page_size: all.length, total_pages: all.length === 0 ? req.store.config.emptyListTotalPages : 1, total_results: all.length };
  return ok({ data: all, meta });
}

export function createPortoutComment(req: ApiRequest, id: string): ApiResponse {
  const checked = refuseQuery(req, id, false);
  if (isResponse(checked)) return checked;
  const portout = req.store.portout(id);
  if (portout === undefined) return missing();
  const text = commentBody(req);
  if (isResponse(text)) return text;
  const comment: PortoutComment = {
    id: randomUUID(),
    body: text.text,
    portout_id: portout.id,
    created_at: nextTime(req.store.now(), req.store.commentsOf('portout', portout.id).at(-1)),
    record_type: 'portout_comment',
    user_id: portout.user_id,
  };
  if (!req.dryRun) req.store.addComment(comment);
  return created({ data: comment });
}

/** `GET /portouts/rejections/{portout_id}`, with an optional exact `filter[code]`. */
export function listPortoutRejections(req: ApiRequest, id: string): ApiResponse {
  if (!UUID_RE.test(id)) return missing();
  const q = new QueryReader(req.query, { single: ['filter[code]'] }, req.store.config.strictQuery);
  const code = q.raw('filter[code]') === undefined ? undefined : q.integer('filter[code]', 0, 1, 99_999);
  if (q.errors.length > 0) return unprocessable(q.errors);
  if (req.store.portout(id) === undefined) return missing();
  return ok({ data: PORTOUT_REJECTION_CODES.filter((r) => code === undefined || r.code === code) });
}

/**
 * `PATCH /portouts/{id}/{status}` for the two answers an account can give. The spec's body has `reason`, a
 * string it requires for both statuses, and an optional boolean `host_messaging`, nothing else; a rejection's
 * reason must also say something. Only a pending port-out can be answered.
 */
function decide(decision: PortoutDecision, req: ApiRequest, id: string): ApiResponse {
  const checked = refuseQuery(req, id, false);
  if (isResponse(checked)) return checked;
  const portout = req.store.portout(id);
  if (portout === undefined) return missing();
  const body = readBody(req);
  if (!body.ok) return body.response;
  const { reason, host_messaging: hostMessaging } = body.fields;
  const errors = unknownFields(body.fields, ['reason', 'host_messaging']);
  if (reason === undefined) errors.push(invalidField('/reason', 'reason is required.', 'Missing required field'));
  else if (typeof reason !== 'string') errors.push(invalidField('/reason', 'reason must be a string.'));
  else if (decision === 'rejected-pending' && reason.trim() === '') {
    errors.push(invalidField('/reason', 'A reason is required to reject a port-out.', 'Missing required field'));
  }
  if (hostMessaging !== undefined && typeof hostMessaging !== 'boolean') errors.push(invalidField('/host_messaging', 'host_messaging must be true or false.'));
  if (portout.status !== 'pending') {
    errors.push(invalidField('/status', `The port-out is ${portout.status}; only a pending port-out can be authorized or rejected.`, 'Invalid status transition'));
  }
  if (errors.length > 0) return unprocessable(errors);
  const given = typeof reason === 'string' && reason.trim() !== '' ? reason : null;
  const updated: PortoutDetails = {
    ...portout,
    status: decision,
    reason: decision === 'rejected-pending' ? given : portout.reason,
    host_messaging: typeof hostMessaging === 'boolean' ? hostMessaging : portout.host_messaging,
    updated_at: new Date(req.store.now()).toISOString(),
  };
  if (!req.dryRun) req.store.recordDecision(updated, decision, given);
  return ok({ data: updated });
}

export const authorizePortout = (req: ApiRequest, id: string): ApiResponse => decide('authorized', req, id);
export const rejectPortout = (req: ApiRequest, id: string): ApiResponse => decide('rejected-pending', req, id);
