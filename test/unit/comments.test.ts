// Comments and port-out answers (issue 12): the sandbox's strictness about them, and the client's
// "never doubled, never lost" rules against it — one request per call, and a check instead of a guess.

import * as assert from 'node:assert/strict';
import { decisionTookEffect, findPostedComment, sortComments, TelnyxClient } from '../../src/api/client';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import { TelnyxError } from '../../src/api/errors';
import type { OrderComment } from '../../src/api/types';
import { startSandbox, type Sandbox } from '../sandbox/server';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('comments and port-out answers', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  const client = (): TelnyxClient => new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey, timeoutMs: 2_000, retries: 2 });
  const rejects = async (p: Promise<unknown>): Promise<TelnyxError> => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof TelnyxError, `expected a TelnyxError, got ${String(e)}`);
      return e;
    }
    return assert.fail('expected the call to fail');
  };
  const api = async (method: string, path: string, body?: string, query = ''): Promise<{ status: number; json: { data?: unknown; meta?: unknown; errors?: { code: string; detail: string; source?: { pointer?: string; parameter?: string } }[] } }> => {
    const r = await fetch(`${sb.apiBaseUrl}/${path}${query}`, {
      method,
      headers: { Authorization: `Bearer ${sb.apiKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body }),
    });
    const text = await r.text();
    return { status: r.status, json: text === '' || !(r.headers.get('content-type') ?? '').includes('json') ? {} : JSON.parse(text) };
  };
  const requests = (method: string, pathPart: string): number => sb.requests.filter((r) => r.method === method && r.path.includes(pathPart)).length;
  /** A port-in order with seeded comments, and a pending port-out. */
  const portin = (): string => sb.data.portinOrders.find((o) => sb.comments('portin', o.id).length >= 3)!.id;
  const pending = (): string => sb.data.portoutOrders.find((o) => o.status === 'pending')!.id;
  const notPending = (): { id: string; status: string } => sb.data.portoutOrders.find((o) => o.status === 'ported')!;

  before(async () => {
    sb = await startSandbox();
  });
  after(async () => {
    await sb.close();
  });
  beforeEach(() => sb.reset());

  describe('sandbox', () => {
    it('seeds comments from the completed new_comment events, every kind of writer, and /seed lists them after the unchanged lists', async () => {
      const r = await fetch(`${sb.url}/__sandbox/seed`, { headers: { Authorization: `Bearer ${sb.apiKey}` } });
      const text = await r.text();
      const seed = JSON.parse(text) as Record<string, { user_type?: string; user_id?: string | null; created_at: string }[]>;
      assert.deepEqual(Object.keys(seed), ['portinOrders', 'portoutOrders', 'portinEvents', 'portoutEvents', 'portinComments', 'portoutComments']);
      const lists = JSON.stringify({ portinOrders: sb.data.portinOrders, portoutOrders: sb.data.portoutOrders, portinEvents: sb.data.portinEvents, portoutEvents: sb.data.portoutEvents });
      assert.ok(text.startsWith(lists.slice(0, -1) + ','), 'the four lists are byte-identical to what they were');
      const completed = sb.data.portinEvents.filter((e) => e.event_type === 'porting_order.new_comment' && e.payload !== null);
      assert.equal(seed.portinComments!.length, completed.length);
      assert.deepEqual(new Set(seed.portinComments!.map((c) => c.user_type)), new Set(['admin', 'user', 'system']));
      assert.ok(seed.portoutComments!.some((c) => c.user_id === null) && seed.portoutComments!.some((c) => typeof c.user_id === 'string'));
      const times = seed.portinComments!.map((c) => c.created_at);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
      // Deterministic: the same after a reset and in another sandbox.
      const other = await startSandbox();
      try {
        assert.equal(await (await fetch(`${other.url}/__sandbox/seed`, { headers: { Authorization: `Bearer ${other.apiKey}` } })).text(), text);
      } finally {
        await other.close();
      }
    });

    it('pages port-in comments with page[number]/page[size] in the list order (no documented sort: newest first by default, asc on asking), and checks the paging values', async () => {
      const id = portin();
      const all = sb.comments('portin', id);
      const r = await api('GET', `porting_orders/${id}/comments`, undefined, '?page[number]=2&page[size]=2');
      assert.equal(r.status, 200);
      assert.deepEqual((r.json.data as { id: string }[]).map((c) => c.id), [...all].reverse().slice(2, 4).map((c) => c.id));
      sb.configure({ listOrder: 'asc' });
      try {
        const asc = await api('GET', `porting_orders/${id}/comments`, undefined, '?page[number]=2&page[size]=2');
        assert.deepEqual((asc.json.data as { id: string }[]).map((c) => c.id), all.slice(2, 4).map((c) => c.id));
      } finally {
        sb.configure({ listOrder: 'desc' });
      }
      assert.deepEqual(r.json.meta, { page_number: 2, page_size: 2, total_pages: Math.ceil(all.length / 2), total_results: all.length });
      assert.equal((await api('GET', `porting_orders/${id}/comments`, undefined, '?page[size]=251')).status, 422);
      const bad = await api('GET', `porting_orders/${id}/comments`, undefined, '?filter[user_type]=admin');
      assert.equal(bad.status, 422);
      assert.equal(bad.json.errors![0]!.source!.parameter, 'filter[user_type]');
    });

    it('refuses paging parameters on port-out comments, which the spec gives none, and lists them whole', async () => {
      const id = sb.data.portoutOrders.find((o) => sb.comments('portout', o.id).length > 0)!.id;
      const r = await api('GET', `portouts/${id}/comments`);
      assert.equal(r.status, 200);
      assert.equal((r.json.data as unknown[]).length, sb.comments('portout', id).length);
      const refused = await api('GET', `portouts/${id}/comments`, undefined, '?page[size]=5');
      assert.equal(refused.status, 422);
      assert.equal(refused.json.errors![0]!.source!.parameter, 'page[size]');
    });

    it('404s comments of an unknown or malformed order id, in both directions', async () => {
      for (const path of ['porting_orders', 'portouts']) {
        assert.equal((await api('GET', `${path}/${UNKNOWN_ID}/comments`)).status, 404);
        assert.equal((await api('POST', `${path}/${UNKNOWN_ID}/comments`, '{"body":"hi"}')).status, 404);
        assert.equal((await api('GET', `${path}/not-a-uuid/comments`)).status, 404);
      }
    });

    it('refuses a missing, empty, blank or non-string comment body with a 422 pointing at /body, and malformed JSON with a 400', async () => {
      const id = portin();
      const before = sb.comments('portin', id).length;
      for (const body of ['{}', '{"body":""}', '{"body":"  \\n\\t "}', '{"body":42}', '']) {
        const r = await api('POST', `porting_orders/${id}/comments`, body);
        assert.equal(r.status, 422, body);
        assert.equal(r.json.errors![0]!.source!.pointer, '/body', body);
        assert.equal(r.json.errors![0]!.code, '10015');
      }
      const unknown = await api('POST', `portouts/${pending()}/comments`, '{"body":"x","user_type":"admin"}');
      assert.equal(unknown.status, 422);
      assert.equal(unknown.json.errors![0]!.source!.pointer, '/user_type');
      const malformed = await api('POST', `porting_orders/${id}/comments`, '{"body": "x"');
      assert.equal(malformed.status, 400);
      assert.equal(malformed.json.errors![0]!.code, '10015');
      assert.equal((await api('POST', `porting_orders/${id}/comments`, '["x"]')).status, 422);
      assert.equal(sb.comments('portin', id).length, before, 'nothing was posted');
    });

    it('creates a comment with 201: the body as sent, user_type user (port-in) or the account user_id (port-out), created now', async () => {
      const id = portin();
      const start = Date.now();
      const text = 'Line one\n  line two  \n';
      const r = await api('POST', `porting_orders/${id}/comments`, JSON.stringify({ body: text }));
      assert.equal(r.status, 201);
      const c = r.json.data as { id: string; body: string; user_type: string; created_at: string; porting_order_id: string; record_type: string };
      assert.equal(c.body, text);
      assert.equal(c.user_type, 'user');
      assert.equal(c.porting_order_id, id);
      assert.equal(c.record_type, 'porting_comment');
      assert.match(c.id, /^[0-9a-f-]{36}$/);
      assert.ok(Date.parse(c.created_at) >= start - 5 && Date.parse(c.created_at) <= Date.now() + 5);
      assert.equal(sb.comments('portin', id).at(-1)!.id, c.id);
      assert.equal(sb.requests.at(-1)!.body, JSON.stringify({ body: text }), 'the request log keeps the body as sent');

      const po = sb.data.portoutOrders[0]!;
      const out = await api('POST', `portouts/${po.id}/comments`, '{"body":"hello"}');
      assert.equal(out.status, 201);
      assert.equal((out.json.data as { user_id: string }).user_id, po.user_id);
      sb.reset();
      assert.equal(sb.comments('portin', id).some((x) => x.id === c.id), false, 'reset drops posted comments');
    });

    it('lists rejection codes of a port-out, filtered by filter[code]; 404 for an unknown port-out', async () => {
      const id = pending();
      const all = await api('GET', `portouts/rejections/${id}`);
      assert.equal(all.status, 200);
      const codes = all.json.data as { code: number; description: string; reason_required: boolean }[];
      assert.ok(codes.length >= 3);
      assert.ok(codes.some((c) => c.reason_required) && codes.some((c) => !c.reason_required));
      const one = await api('GET', `portouts/rejections/${id}`, undefined, '?filter[code]=1999');
      assert.deepEqual(one.json.data, [{ code: 1999, description: 'Other', reason_required: true }]);
      assert.equal((await api('GET', `portouts/rejections/${id}`, undefined, '?filter[code]=abc')).status, 422);
      assert.equal((await api('GET', `portouts/rejections/${id}`, undefined, '?page[size]=5')).status, 422);
      assert.equal((await api('GET', `portouts/rejections/${UNKNOWN_ID}`)).status, 404);
    });

    it('authorizes a pending port-out: 200 with the new status and updated_at, and lists show it (array replaced)', async () => {
      const id = pending();
      const listBefore = sb.data.portoutOrders;
      const r = await api('PATCH', `portouts/${id}/authorized`, '{"reason":"ok","host_messaging":true}');
      assert.equal(r.status, 200);
      const updated = r.json.data as { status: string; updated_at: string; host_messaging: boolean };
      assert.equal(updated.status, 'authorized');
      assert.equal(updated.host_messaging, true);
      assert.ok(Date.now() - Date.parse(updated.updated_at) < 5_000);
      assert.notEqual(sb.data.portoutOrders, listBefore, 'the list array is replaced');
      const listed = await api('GET', 'portouts', undefined, '?filter[status]=authorized&page[size]=250');
      assert.ok((listed.json.data as { id: string }[]).some((o) => o.id === id));
      assert.equal(((await api('GET', `portouts/${id}`)).json.data as { status: string }).status, 'authorized');
      assert.deepEqual(sb.decisions.map((d) => [d.id, d.decision]), [[id, 'authorized']]);
    });

    it('an answer of either status needs the reason the spec requires: {} and no body are a 422 at /reason, as are a non-string reason, a non-boolean host_messaging and an unknown field', async () => {
      const id = pending();
      for (const status of ['authorized', 'rejected-pending']) {
        for (const body of ['{}', undefined, '{"host_messaging":false}', '{"reason":null}', '{"reason":42}']) {
          const r = await api('PATCH', `portouts/${id}/${status}`, body);
          assert.equal(r.status, 422, `${status} ${body}`);
          assert.deepEqual(r.json.errors!.map((e) => e.source!.pointer), ['/reason'], `${status} ${body}`);
          assert.equal(r.json.errors![0]!.code, '10015');
        }
        for (const [body, pointer] of [
          ['{"reason":"x","host_messaging":"yes"}', '/host_messaging'],
          ['{"reason":"x","host_messaging":null}', '/host_messaging'],
          ['{"reason":"x","code":1001}', '/code'],
          ['{"reason":"x","rejection_code":1001}', '/rejection_code'],
        ] as const) {
          const r = await api('PATCH', `portouts/${id}/${status}`, body);
          assert.equal(r.status, 422, `${status} ${body}`);
          assert.deepEqual(r.json.errors!.map((e) => e.source!.pointer), [pointer], `${status} ${body}`);
        }
      }
      assert.equal((await api('PATCH', `portouts/${id}/authorized`, '["x"]')).status, 422);
      assert.equal((await api('PATCH', `portouts/${id}/authorized`, '{"reason":')).status, 400);
      assert.equal(sb.decisions.length, 0, 'nothing was answered');
      assert.equal(sb.data.portoutOrders.find((o) => o.id === id)!.status, 'pending');
      const ok = await api('PATCH', `portouts/${id}/authorized`, '{"reason":"Authorized by the account owner"}');
      assert.equal(ok.status, 200, 'a reason is all an authorization needs; host_messaging may be left out');
      assert.deepEqual(sb.decisions.map((d) => [d.decision, d.reason]), [['authorized', 'Authorized by the account owner']]);
    });

    it('rejects only with a reason (422 at /reason otherwise), and answers nothing on a port-out that is not pending', async () => {
      const id = pending();
      for (const body of ['{}', '{"reason":""}', '{"reason":"   "}', '{"reason":null}']) {
        const r = await api('PATCH', `portouts/${id}/rejected-pending`, body);
        assert.equal(r.status, 422, body);
        assert.equal(r.json.errors![0]!.source!.pointer, '/reason', body);
      }
      assert.equal((await api('PATCH', `portouts/${id}/rejected-pending`, '{"reason":"x","host_messaging":"yes"}')).status, 422);
      assert.equal((await api('PATCH', `portouts/${id}/rejected-pending`, '{"reason":"x","code":1001}')).status, 422);
      const ok = await api('PATCH', `portouts/${id}/rejected-pending`, '{"reason":"Not our customer"}');
      assert.equal(ok.status, 200);
      assert.deepEqual([(ok.json.data as { status: string }).status, (ok.json.data as { reason: string }).reason], ['rejected-pending', 'Not our customer']);
      // Now it is not pending: a second answer of either kind is refused.
      for (const path of ['authorized', 'rejected-pending']) {
        const again = await api('PATCH', `portouts/${id}/${path}`, '{"reason":"again"}');
        assert.equal(again.status, 422);
        assert.equal(again.json.errors!.at(-1)!.source!.pointer, '/status');
      }
      assert.equal((await api('PATCH', `portouts/${id}/ported`, '{"reason":"x"}')).status, 404, 'only the two answers are routes');
      assert.equal((await api('PATCH', `portouts/${UNKNOWN_ID}/authorized`, '{}')).status, 404, 'an unknown port-out before the body');
      assert.equal(sb.decisions.length, 1);
    });

    it('applies faults: statusAfterProcessing records the comment or the answer, then answers 502; reset records nothing', async () => {
      const id = portin();
      const before = sb.comments('portin', id).length;
      sb.addFault({ method: 'POST', path: '/comments' }, { statusAfterProcessing: 502 });
      assert.equal((await api('POST', `porting_orders/${id}/comments`, '{"body":"after"}')).status, 502);
      assert.equal(sb.comments('portin', id).length, before + 1);
      sb.addFault({ method: 'PATCH', path: '/authorized' }, { statusAfterProcessing: 504 });
      const po = pending();
      assert.equal((await api('PATCH', `portouts/${po}/authorized`, '{"reason":"ok"}')).status, 504);
      assert.equal(sb.decisions.length, 1);
      sb.addFault({ method: 'POST', path: '/comments' }, { status: 503 });
      assert.equal((await api('POST', `porting_orders/${id}/comments`, '{"body":"never"}')).status, 503);
      assert.equal(sb.comments('portin', id).length, before + 1, 'a status fault answers before processing');
      sb.addFault({ method: 'POST', path: '/comments' }, { reset: true });
      await assert.rejects(api('POST', `porting_orders/${id}/comments`, '{"body":"cut"}'));
      assert.equal(sb.comments('portin', id).length, before + 1, 'a reset request has no effect');
    });
  });

  describe('client', () => {
    it('lists a port-in conversation across pages, oldest first, and a port-out one in a single GET without paging', async () => {
      const id = portin();
      const seeded = sb.comments('portin', id);
      // More than one page of 250.
      for (let i = 0; i < 260; i++) await client().postComment(PORT_IN, id, `note ${i}`);
      sb.clearRequests();
      const all = await client().listComments(PORT_IN, id);
      assert.equal(all.length, seeded.length + 260);
      assert.deepEqual(all.slice(0, seeded.length).map((c) => c.id), seeded.map((c) => c.id));
      assert.equal(all.at(-1)!.body, 'note 259');
      assert.equal(requests('GET', '/comments'), 2);
      assert.equal(PORT_IN.commentAuthor(all.find((c) => c.user_type === 'admin')!), 'telnyx');
      assert.equal(PORT_IN.commentAuthor(all.at(-1)!), 'account');

      const po = sb.data.portoutOrders.find((o) => sb.comments('portout', o.id).length > 1)!.id;
      sb.clearRequests();
      const out = await client().listComments(PORT_OUT, po);
      assert.equal(out.length, sb.comments('portout', po).length);
      assert.equal(requests('GET', '/comments'), 1);
      assert.equal(sb.requests.at(-1)!.query, '');
      assert.deepEqual(out.map((c) => PORT_OUT.commentAuthor(c)).sort(), sb.comments('portout', po).map((c) => (c.user_id === null ? 'telnyx' : 'account')).sort());
    });

    it('stops reading comments when a page brings nothing new, whatever its meta claims (issue 18 item 7)', async () => {
      const id = portin();
      const page = sb.comments('portin', id);
      sb.addFault({ method: 'GET', path: '/comments', times: 200 }, { body: JSON.stringify({ data: page, meta: { page_number: 1, page_size: 250, total_pages: 1e9, total_results: 1e9 } }) });
      const all = await client().listComments(PORT_IN, id);
      assert.deepEqual(all.map((c) => c.id), page.map((c) => c.id));
      assert.ok(requests('GET', '/comments') <= 2, `${requests('GET', '/comments')} requests`);
    });

    it('a conversation that never ends is an error after 100 pages, not a silent part of it', async () => {
      const id = portin();
      // Every page a new comment and a claim of more.
      for (let n = 1; n <= 101; n++) {
        const c = { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, body: `page ${n}`, created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() };
        sb.addFault({ method: 'GET', path: '/comments' }, { body: JSON.stringify({ data: [c], meta: { page_number: n, page_size: 250, total_pages: 1e9, total_results: 1e9 } }) });
      }
      const e = await rejects(client().listComments(PORT_IN, id));
      assert.equal(e.kind, 'malformed');
      assert.match(e.message, /more than 100 pages/);
      assert.equal(requests('GET', '/comments'), 100);
    });

    it('posts a multi-line comment with exactly one POST, body as typed, and returns the created comment', async () => {
      const id = pending();
      const text = 'First line\n\n  indented second — ünïcode\n';
      const c = await client().postComment(PORT_OUT, id, text);
      assert.equal(c.body, text);
      assert.equal(c.portout_id, id);
      assert.equal(requests('POST', '/comments'), 1);
      assert.equal(sb.requests.at(-1)!.body, JSON.stringify({ body: text }));
      assert.equal(sb.comments('portout', id).filter((x) => x.body === text).length, 1);
    });

    it('an empty comment is Telnyx\'s 422, an invalid request sent once', async () => {
      const e = await rejects(client().postComment(PORT_IN, portin(), '   '));
      assert.equal(e.kind, 'invalid');
      assert.equal(e.status, 422);
      assert.match(e.details.join('\n'), /\/body/);
      assert.equal(requests('POST', '/comments'), 1);
    });

    it('502 after processing: unknown-outcome, not resent; listed again the comment is there once and findPostedComment finds it', async () => {
      const id = portin();
      const text = 'Please expedite.\nThanks';
      sb.addFault({ method: 'POST', path: '/comments', times: 3 }, { statusAfterProcessing: 502 });
      const sentAt = new Date();
      const e = await rejects(client().postComment(PORT_IN, id, text));
      assert.equal(e.kind, 'unknown-outcome');
      assert.equal(requests('POST', '/comments'), 1, 'never resent');
      sb.clearFaults();
      const again = await client().listComments(PORT_IN, id);
      assert.equal(again.filter((c) => c.body === text).length, 1);
      const found = findPostedComment(again, text, sentAt);
      assert.ok(found);
      assert.equal(found.id, sb.comments('portin', id).at(-1)!.id);
      assert.equal(findPostedComment(again, 'Please expedite.', sentAt), undefined, 'exact text only');
    });

    it('a connection cut after processing and a timeout are unknown-outcome too, sent once', async () => {
      const id = pending();
      sb.addFault({ method: 'POST', path: '/comments' }, { resetAfterProcessing: true });
      assert.equal((await rejects(client().postComment(PORT_OUT, id, 'cut'))).kind, 'unknown-outcome');
      sb.addFault({ method: 'PATCH', path: '/authorized' }, { statusAfterProcessing: 500 });
      assert.equal((await rejects(client().answerPortout(id, 'authorized', { reason: 'ok' }))).kind, 'unknown-outcome');
      assert.equal(requests('POST', '/comments') + requests('PATCH', '/authorized'), 2);
      assert.equal(sb.comments('portout', id).filter((c) => c.body === 'cut').length, 1);
      assert.ok(decisionTookEffect(await client().getOrder(PORT_OUT, id), 'authorized'));
    });

    it('a 2xx whose answer cannot be read is unknown-outcome (done, but what it made is unknown), not resent', async () => {
      const id = portin();
      sb.addFault({ method: 'POST', path: '/comments' }, { status: 201, body: '{"data": ' });
      const e = await rejects(client().postComment(PORT_IN, id, 'x'));
      assert.equal(e.kind, 'unknown-outcome');
      assert.equal(requests('POST', '/comments'), 1);
    });

    describe('a write done whose answer says nothing usable (issue 18 item 9)', () => {
      // Each 2xx below comes after the write was done: what it made is unknown, and a plain Retry could do it twice.
      const ANSWERS = ['{"data": ', '', 'null', '[]', '{}', '{"data": null}', '{"data": {}}', '{"data": []}', '{"data": {"id": ""}}', '{"data": {"id": 7}}', '<html>OK</html>'];
      const expectUnknown = (e: TelnyxError, answer: string): void => {
        assert.equal(e.kind, 'unknown-outcome', `${JSON.stringify(answer)}: ${e.kind}: ${e.message}`);
        assert.equal(e.retryable, false);
        assert.match(e.message, /Telnyx accepted it/);
      };

      it('postComment: unknown-outcome, sent once, and the comment is there to find', async () => {
        const id = portin();
        for (const [i, answer] of ANSWERS.entries()) {
          const text = `answer ${i}`;
          sb.clearRequests();
          sb.addFault({ method: 'POST', path: '/comments' }, { statusAfterProcessing: i % 2 ? 200 : 201, body: answer });
          const sentAt = new Date();
          expectUnknown(await rejects(client().postComment(PORT_IN, id, text)), answer);
          assert.equal(requests('POST', '/comments'), 1, 'never resent');
          assert.ok(findPostedComment(await client().listComments(PORT_IN, id), text, sentAt), 'it was posted');
        }
      });

      it('answerPortout: unknown-outcome, sent once, also for a record of another port-out; reading it again shows it took effect', async () => {
        for (const answer of [...ANSWERS, JSON.stringify({ data: { id: UNKNOWN_ID, status: 'authorized' } })]) {
          sb.reset();
          const id = pending();
          sb.addFault({ method: 'PATCH', path: '/authorized' }, { statusAfterProcessing: 200, body: answer });
          expectUnknown(await rejects(client().answerPortout(id, 'authorized', { reason: 'Expected port-out' })), answer);
          assert.equal(requests('PATCH', id), 1, 'never resent');
          assert.equal(sb.decisions.length, 1);
          assert.ok(decisionTookEffect(await client().getOrder(PORT_OUT, id), 'authorized'));
        }
      });

      it('a record of its own is still the answer: the id in either case', async () => {
        const id = pending();
        sb.addFault({ method: 'PATCH', path: '/rejected-pending' }, { statusAfterProcessing: 200, body: JSON.stringify({ data: { id: id.toUpperCase(), status: 'rejected-pending' } }) });
        assert.equal((await client().answerPortout(id, 'rejected-pending', { reason: 'Unknown request' })).status, 'rejected-pending');
      });
    });

    it('429 then 201: sent once more (a 429 is refused before processing), and exactly one comment exists', async () => {
      const id = portin();
      sb.addFault({ method: 'POST', path: '/comments' }, { status: 429, headers: { 'retry-after-ms': '10' } });
      const c = await client().postComment(PORT_IN, id, 'after a 429');
      assert.equal(c.body, 'after a 429');
      assert.equal(requests('POST', '/comments'), 2);
      assert.equal(sb.comments('portin', id).filter((x) => x.body === 'after a 429').length, 1);
    });

    it('authorizes a pending port-out with one PATCH carrying the reason the spec requires, and returns it authorized', async () => {
      const id = pending();
      const po = await client().answerPortout(id, 'authorized', { reason: 'Authorized by the account owner', hostMessaging: false });
      assert.equal(po.status, 'authorized');
      assert.equal(po.id, id);
      assert.equal(requests('PATCH', id), 1);
      assert.equal(sb.requests.at(-1)!.body, '{"reason":"Authorized by the account owner","host_messaging":false}');
      assert.deepEqual(sb.decisions.map((d) => d.reason), ['Authorized by the account owner']);
      assert.ok(decisionTookEffect(po, 'authorized'));
      assert.equal(decisionTookEffect(po, 'rejected-pending'), false);
    });

    it('an authorization without host_messaging sends only the reason', async () => {
      const id = pending();
      assert.equal((await client().answerPortout(id, 'authorized', { reason: 'Expected: we asked them to port' })).status, 'authorized');
      assert.equal(sb.requests.at(-1)!.body, '{"reason":"Expected: we asked them to port"}');
    });

    it('rejects with a reason; a blank one is a 422 invalid, sent once and with no effect', async () => {
      const id = pending();
      const e = await rejects(client().answerPortout(id, 'rejected-pending', { reason: '  ' }));
      assert.equal(e.kind, 'invalid');
      assert.equal(e.status, 422);
      assert.equal(requests('PATCH', id), 1);
      assert.equal(sb.decisions.length, 0);
      const po = await client().answerPortout(id, 'rejected-pending', { reason: 'Unknown request', hostMessaging: true });
      assert.equal(po.status, 'rejected-pending');
      assert.equal(po.reason, 'Unknown request');
      assert.deepEqual(JSON.parse(sb.requests.at(-1)!.body!), { reason: 'Unknown request', host_messaging: true });
    });

    it('a decision on a port-out that is not pending is a 422 invalid', async () => {
      const po = notPending();
      const e = await rejects(client().answerPortout(po.id, 'authorized', { reason: 'ok' }));
      assert.equal(e.kind, 'invalid');
      assert.equal(e.status, 422);
      assert.match(e.message + e.details.join(' '), /pending/);
      assert.equal(sb.data.portoutOrders.find((o) => o.id === po.id)!.status, 'ported');
      assert.equal(sb.decisions.length, 0);
    });

    it('reads the rejection codes, all or one', async () => {
      const id = pending();
      const all = await client().portoutRejections(id);
      assert.ok(all.some((r) => r.code === 1999 && r.reason_required === true));
      assert.deepEqual(await client().portoutRejections(id, undefined, 1001), [{ code: 1001, description: 'Invalid PIN', reason_required: false }]);
      assert.equal((await rejects(client().portoutRejections(UNKNOWN_ID))).kind, 'not-found');
    });

    it('republish still posts once with Accept */* through sendOnce', async () => {
      const ev = sb.data.portinEvents[0]!;
      await client().republish(PORT_IN, ev.id);
      const post = sb.requests.filter((r) => r.method === 'POST');
      assert.equal(post.length, 1);
      assert.equal(post[0]!.accept, '*/*');
      assert.equal(post[0]!.body, undefined);
      assert.equal(sb.republishes.length, 1);
    });
  });

  describe('helpers', () => {
    const at = (iso: string, body: string, id: string): OrderComment => ({ id, body, created_at: iso });
    it('findPostedComment: exact body, created at or after the send less the skew, the newest of several', () => {
      const sent = Date.parse('2026-07-01T12:00:00Z');
      const list = [
        at('2026-07-01T11:00:00Z', 'hi', 'old'), // the same text, before the send: an earlier comment
        at('2026-07-01T11:59:30Z', 'hi', 'skewed'), // 30 s before: within the default skew
        at('2026-07-01T12:00:05Z', 'hi', 'new'),
        at('2026-07-01T12:00:06Z', 'hi ', 'other-text'),
        { id: 'no-time', body: 'hi' },
      ];
      assert.equal(findPostedComment(list, 'hi', sent)?.id, 'new');
      assert.equal(findPostedComment(list.slice(0, 2), 'hi', sent)?.id, 'skewed');
      assert.equal(findPostedComment(list.slice(0, 2), 'hi', sent, 10_000), undefined);
      assert.equal(findPostedComment(list.slice(0, 1), 'hi', new Date(sent)), undefined);
      assert.equal(findPostedComment([], 'hi', sent), undefined);
    });

    it('decisionTookEffect: the decided status or one that can only follow it', () => {
      assert.ok(decisionTookEffect({ status: 'authorized' }, 'authorized'));
      assert.ok(decisionTookEffect({ status: 'ported' }, 'authorized'));
      assert.ok(decisionTookEffect({ status: 'rejected-pending' }, 'rejected-pending'));
      assert.ok(decisionTookEffect({ status: 'rejected' }, 'rejected-pending'));
      for (const status of ['pending', 'canceled', null, undefined]) {
        assert.equal(decisionTookEffect({ status }, 'authorized'), false, String(status));
        assert.equal(decisionTookEffect({ status }, 'rejected-pending'), false, String(status));
      }
      assert.equal(decisionTookEffect(undefined, 'authorized'), false);
    });

    it('sortComments: oldest first, ties as listed; missing times last', () => {
      const sorted = sortComments([at('2026-07-02T00:00:00Z', 'b', '2'), { id: '0', body: 'x' }, at('2026-07-01T00:00:00Z', 'a', '9'), at('2026-07-02T00:00:00Z', 'c', '1')]);
      assert.deepEqual(sorted.map((c) => c.id), ['9', '2', '1', '0']);
    });

    it('directions know their comments path, paging and authors', () => {
      assert.equal(PORT_IN.commentsPath('a/b'), 'porting_orders/a%2Fb/comments');
      assert.equal(PORT_OUT.commentsPath('x'), 'portouts/x/comments');
      assert.deepEqual([PORT_IN.commentsPaged, PORT_OUT.commentsPaged], [true, false]);
      assert.deepEqual(['user', 'admin', 'system', 'robot', null].map((user_type) => PORT_IN.commentAuthor({ user_type })), ['account', 'telnyx', 'system', 'unknown', 'unknown']);
      assert.deepEqual([null, 'u1', undefined].map((user_id) => PORT_OUT.commentAuthor({ user_id })), ['telnyx', 'account', 'unknown']);
    });
  });
});
