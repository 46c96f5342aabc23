import * as assert from 'node:assert/strict';
import { TelnyxError, errorFromStatus, parseErrorItems } from '../../src/api/errors';
import { toPage } from '../../src/api/page';
import { newestFirst, recordKey } from '../../src/api/records';
import { recordTimeText } from '../../src/api/records';
import { apiKeyProblem, checkBaseUrl, isUuid } from '../../src/api/validate';
import { PORT_IN } from '../../src/api/directions';
import { eventView } from '../../src/presentation/eventView';
import { slimEvent } from '../../src/tree/slimEvent';
import { eventPath, parseEventPath } from '../../src/documents/eventPath';
import { orderPath, parseOrderPath } from '../../src/documents/orderPath';

const ID = 'eef3340b-8903-4466-b445-89b697315a3a';

describe('pagination bookkeeping', () => {

  it('reads the envelope and derives missing meta', () => {
    const p = toPage({ data: [{ id: 'a' }], meta: { page_number: 2, page_size: 1, total_pages: 5, total_results: 5 } }, 2, 1, 'x');
    assert.deepEqual([p.pageNumber, p.pageSize, p.totalPages, p.totalResults], [2, 1, 5, 5]);
    const noMeta = toPage({ data: [{ id: 'a' }, { id: 'b' }] }, 1, 2, 'x');
    assert.equal(noMeta.totalPages, 2, 'a full page without meta means there may be more');
    const lastNoMeta = toPage({ data: [{ id: 'a' }] }, 3, 2, 'x');
    assert.equal(lastNoMeta.totalPages, 3);
    assert.throws(() => toPage({ data: { id: 'a' } }, 1, 2, 'orders'), (e: unknown) => e instanceof TelnyxError && e.kind === 'malformed');
    assert.throws(() => toPage(undefined, 1, 2, 'orders'), /no list of records/);
  });

  it('orders newest first, undated last', () => {
    const sorted = newestFirst([{ id: '1', created_at: '2026-01-01T00:00:00Z' }, { id: '2' }, { id: '3', created_at: '2026-03-01T00:00:00Z' }]);
    assert.deepEqual(sorted.map((x) => x.id), ['3', '1', '2']);
  });

  it('places an event without created_at (porting_order.deleted) by its payload times', () => {
    const deleted = { id: 'd', event_type: 'porting_order.deleted', payload: { deleted_at: '2026-02-01T00:00:00Z', updated_at: '2026-02-01T00:00:00Z' } };
    const sorted = newestFirst([{ id: '1', created_at: '2026-01-01T00:00:00Z' }, deleted, { id: '3', created_at: '2026-03-01T00:00:00Z' }]);
    assert.deepEqual(sorted.map((x) => x.id), ['3', 'd', '1']);
    assert.equal(recordTimeText(deleted), '2026-02-01T00:00:00Z');
    assert.equal(recordTimeText(slimEvent(deleted)), '2026-02-01T00:00:00Z', 'the tree keeps the time when it slims the event');
    assert.match(eventView(PORT_IN, slimEvent(deleted), Date.parse('2026-02-03T00:00:00Z')).description, /^2 d ago/);
  });

  it('turns an entry that is not a record into a sentence, keeping the rest of the page', () => {
    const p = toPage<{ id?: string }>({ data: [{ id: 'a' }, 'oops', null, { id: 7 }, { id: 'b' }], meta: { page_number: 1, page_size: 5, total_pages: 1, total_results: 5 } }, 1, 5, 'port-in events');
    assert.deepEqual(p.items.map((x) => x.id), ['a', 'b']);
    assert.equal(p.malformed?.length, 3);
    assert.match(p.malformed![0]!, /Record 2 of page 1 of port-in events could not be read: expected an object, got string/);
  });

  it('gives records without an id a key from their content: stable, and distinct for distinct records', () => {
    const a = { event_type: 'x', created_at: '2026-01-01T00:00:00Z' };
    const b = { event_type: 'y', created_at: '2026-01-01T00:00:00Z' };
    assert.equal(recordKey(a), recordKey({ ...a }));
    assert.notEqual(recordKey(a), recordKey(b));
    assert.equal(recordKey({ id: 'abc' }), 'abc');
  });
});

describe('input checks', () => {
  it('accepts https and loopback http base URLs, refuses the rest before any request', () => {
    assert.equal(checkBaseUrl(undefined), 'https://api.telnyx.com/v2');
    assert.equal(checkBaseUrl('https://api.telnyx.com/v2/'), 'https://api.telnyx.com/v2');
    assert.equal(checkBaseUrl('http://127.0.0.1:4010/v2'), 'http://127.0.0.1:4010/v2');
    assert.equal(checkBaseUrl('http://localhost:4010/v2'), 'http://localhost:4010/v2');
    assert.throws(() => checkBaseUrl('http://api.telnyx.com/v2'), /only https/);
    assert.throws(() => checkBaseUrl('api telnyx com'), /is not a URL/);
    assert.throws(() => checkBaseUrl('ftp://example.com'), /must start with https/);
    assert.throws(() => checkBaseUrl('https://user:pw@api.telnyx.com/v2'), /user name or password/);
  });

  it('finds problems in pasted keys', () => {
    assert.match(apiKeyProblem('   ') ?? '', /empty/);
    assert.match(apiKeyProblem('KEY123\nKEY456') ?? '', /line breaks/);
    assert.match(apiKeyProblem('KEY 123') ?? '', /spaces/);
    assert.match(apiKeyProblem('KEYé') ?? '', /characters/);
    assert.equal(apiKeyProblem('KEY0123456789ABCDEF_xyz'), undefined);
    assert.equal(apiKeyProblem('  KEY0123  '), undefined, 'surrounding whitespace is trimmed, not an error');
  });

  it('recognises uuids', () => {
    assert.equal(isUuid(ID), true);
    assert.equal(isUuid('not-a-uuid'), false);
    assert.equal(isUuid(`${ID}x`), false);
  });
});

describe('event document paths', () => {
  it('round-trips direction and id and names the tab by type and short id', () => {
    const path = eventPath('portout', ID, 'portout.status_changed');
    assert.equal(path, `/portout/${ID}/portout.status_changed eef3340b.json`);
    assert.deepEqual(parseEventPath(path), { direction: 'portout', id: ID });
    assert.equal(eventPath('portin', ID, null).endsWith('/event eef3340b.json'), true);
    assert.equal(eventPath('portin', ID, '../../etc/passwd').split('/').length, 4, 'the type cannot add path segments');
  });

  it('refuses paths that are not event documents', () => {
    assert.equal(parseEventPath(`/elsewhere/${ID}/x.json`), undefined);
    assert.equal(parseEventPath('/portin/not-a-uuid/x.json'), undefined);
    assert.equal(parseEventPath(`/portin/${ID}/x.txt`), undefined);
    assert.equal(parseEventPath(`/portin/${ID}`), undefined);
  });
});

describe('order document paths', () => {
  it('round-trip direction and id, and name the tab by the order with characters a file name cannot hold replaced', () => {
    const path = orderPath('portin', ID, '+13125550100 (+2) · ACME/42: "x"');
    assert.equal(path, `/portin/orders/${ID}/+13125550100 (+2) · ACME_42_ _x_.json`);
    assert.deepEqual(parseOrderPath(path), { direction: 'portin', id: ID });
    assert.equal(parseOrderPath(`/portin/${ID}/x.json`), undefined, 'an event path is not an order path');
    assert.equal(parseOrderPath(`/portin/orders/not-a-uuid/x.json`), undefined);
    assert.equal(orderPath('portout', ID, '\u0007'), `/portout/orders/${ID}/_.json`);
  });
});

describe('errors', () => {
  it('surfaces the API errors[] details and never needs the key', () => {
    const body = JSON.stringify({ errors: [{ code: 10015, title: 'Bad Request', detail: 'page[size] must be at most 250', source: { parameter: 'page[size]' } }] });
    const e = errorFromStatus(422, body, 'Loading Port-in orders');
    assert.equal(e.kind, 'invalid');
    assert.equal(e.status, 422);
    assert.equal(e.errors[0]?.code, '10015');
    assert.match(e.message, /^Loading Port-in orders: Telnyx refused the request \(422\) — Bad Request: page\[size\] must be at most 250 \(page\[size\]\)$/);
    assert.equal(e.retryable, false);
  });

  it('falls back to the status text for bodies that are not errors[]', () => {
    assert.deepEqual(parseErrorItems('<html>oops</html>'), []);
    assert.deepEqual(parseErrorItems('{"errors": "nope"}'), []);
    const e = errorFromStatus(503, '<html>', 'Loading');
    assert.equal(e.kind, 'server');
    assert.equal(e.retryable, true);
    assert.match(e.message, /server error \(503\)/);
    assert.equal(errorFromStatus(401, '', 'x').kind, 'auth');
  });
});
