import * as assert from 'node:assert/strict';
import { TelnyxClient } from '../../src/api/client';
import { type Direction, PORT_IN, PORT_OUT } from '../../src/api/directions';
import { TelnyxError } from '../../src/api/errors';
import { findOrders, type FoundOrders } from '../../src/api/findOrders';
import { orderView } from '../../src/presentation/orderView';
import {
  looksLikeFullNumber,
  looksLikePhoneNumber,
  type MatchField,
  matchedFields,
  matchSummary,
  searchPlan,
  statusQuery,
  withoutNumbers,
} from '../../src/api/search';
import type { PortingOrder as SandboxPortin, PortoutDetails as SandboxPortout } from '../sandbox/model';
import { startSandbox, type Sandbox } from '../sandbox/server';

const digits = (s: string): string => s.replace(/\D/g, '');

describe('order search and status filters', () => {
  it('uses the API status filter for port-outs only', () => {
    assert.deepEqual(statusQuery(PORT_OUT, ['rejected']), { 'filter[status]': 'rejected' });
    assert.deepEqual(statusQuery(PORT_OUT, ['rejected', 'pending']), { 'filter[status_in]': 'rejected,pending' });
    assert.equal(statusQuery(PORT_IN, ['exception']), undefined, 'the spec has no filter[status] on /porting_orders');
    assert.deepEqual(withoutNumbers(PORT_IN), { include_phone_numbers: 'false' });
    assert.equal(withoutNumbers(PORT_OUT), undefined, '/portouts has no include_phone_numbers');
  });

  it('tells whole numbers from parts of numbers and from other text', () => {
    assert.equal(looksLikePhoneNumber('+1 (312) 555-0100'), true);
    assert.equal(looksLikePhoneNumber('100234'), true);
    assert.equal(looksLikePhoneNumber('sr_123abc'), false);
    assert.equal(looksLikePhoneNumber('12'), false);
    assert.equal(looksLikeFullNumber('+1 (312) 555-0100'), true);
    assert.equal(looksLikeFullNumber('13125550100'), true, 'E.164 without its +');
    assert.equal(looksLikeFullNumber('3125550100'), false, 'no country code: a part of a number');
    assert.equal(looksLikeFullNumber('02079460000'), false, 'national format');
    assert.equal(looksLikeFullNumber('5550100'), false);
  });

  it('plans server filters for what the API answers and a scan for the rest', () => {
    assert.deepEqual(searchPlan(PORT_IN, '+1 312 555 0100'), {
      server: [
        { field: 'number', filters: { 'filter[phone_numbers][phone_number][contains]': '13125550100' } },
        { field: 'customer reference', filters: { 'filter[customer_reference]': '+1 312 555 0100' } },
      ],
    });
    assert.deepEqual(searchPlan(PORT_IN, '100234'), {
      server: [{ field: 'number', filters: { 'filter[phone_numbers][phone_number][contains]': '100234' } }],
      scan: { filters: { include_phone_numbers: 'false' } },
    });
    assert.deepEqual(searchPlan(PORT_IN, 'sr_123abc'), { server: [], scan: { filters: { include_phone_numbers: 'false' } } });
    assert.deepEqual(searchPlan(PORT_OUT, 'po_764725'), { server: [{ field: 'support key', filters: { 'filter[support_key]': 'PO_764725' } }] });
    assert.deepEqual(searchPlan(PORT_OUT, '+1 312 555 0100'), { server: [{ field: 'number', filters: { 'filter[phone_number]': '+13125550100' } }] });
    assert.deepEqual(searchPlan(PORT_OUT, '13125550100'), {
      server: [
        { field: 'number', filters: { 'filter[phone_number]': '+13125550100' } },
        { field: 'PON', filters: { 'filter[pon]': '13125550100' } },
      ],
    });
    assert.deepEqual(searchPlan(PORT_OUT, '5550100'), { server: [], scan: {} }, 'the API matches port-out numbers exactly only');
    assert.deepEqual(searchPlan(PORT_OUT, 'PO_76'), { server: [], scan: {} }, 'part of a key');
    assert.deepEqual(searchPlan(PORT_IN, 'pr_47ae9e'), { server: [{ field: 'parent support key', filters: { 'filter[parent_support_key]': 'pr_47ae9e' } }] });
    assert.deepEqual(searchPlan(PORT_IN, 'PO_764725'), { server: [] }, 'a port-out key: nothing to read on port-in');
    assert.deepEqual(searchPlan(PORT_OUT, 'sr_123abc'), { server: [] }, 'a port-in key: nothing to read on port-out');
  });

  it('names the fields an order matched on, case-insensitively', () => {
    const order = { id: 'x', customer_reference: 'ACME-001', support_key: 'sr_9f8e', phone_numbers: [{ phone_number: '+13125550100' }] };
    assert.deepEqual(matchedFields(PORT_IN, order, 'acme'), ['customer reference']);
    assert.deepEqual(matchedFields(PORT_IN, order, 'SR_9F'), ['support key']);
    assert.deepEqual(matchedFields(PORT_IN, order, '555 0100'), ['number']);
    assert.deepEqual(matchedFields(PORT_IN, { ...order, customer_reference: 'PRJ-5550100' }, '5550100'), ['number', 'customer reference']);
    assert.deepEqual(matchedFields(PORT_IN, order, 'globex'), []);
    assert.deepEqual(matchedFields(PORT_OUT, { support_key: 'PO_1', pon: 'PON-77', phone_numbers: null }, 'pon-77'), ['PON']);
    assert.deepEqual(matchedFields(PORT_OUT, { customer_reference: null } as never, 'x'), [], 'null fields never match');
    const by = new Map<string, MatchField[]>([
      ['a', ['customer reference']],
      ['b', ['number', 'customer reference']],
      ['c', ['PON']],
    ]);
    assert.equal(matchSummary(' 100234 ', by), '"100234": 2 by customer reference, 1 by number, 1 by PON');
    assert.equal(matchSummary('zzz', new Map()), '"zzz": no match');
  });
});

describe('findOrders against the sandbox', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  // Small pages, so a scan is several requests and every one of them is checked.
  const PAGE = 5;
  let client: TelnyxClient;
  const find = (dir: Direction, text: string): Promise<FoundOrders> => findOrders(client, dir, text, { pageSize: PAGE, concurrency: 4 });
  const portins = (): SandboxPortin[] => sb.data.portinOrders;
  const portouts = (): SandboxPortout[] => sb.data.portoutOrders;
  const ordersPath = (dir: Direction): string => `/v2/${dir.ordersPath}`;
  const queries = (dir: Direction): URLSearchParams[] => sb.requests.filter((r) => r.path === ordersPath(dir)).map((r) => new URLSearchParams(r.query));

  /** What a text matches in the ground truth, with every number (not only the 50 the API embeds). */
  function truth(dir: Direction, text: string): Map<string, MatchField[]> {
    const t = text.trim().toLowerCase();
    const d = digits(t);
    const inText = (v: string | null | undefined): boolean => !!v && v.toLowerCase().includes(t);
    const numberHit = (ns: string[]): boolean => looksLikePhoneNumber(t) && ns.some((n) => digits(n).includes(d));
    const out = new Map<string, MatchField[]>();
    const put = (id: string, fields: [MatchField, boolean][]): void => {
      const hit = fields.filter(([, ok]) => ok).map(([f]) => f);
      if (hit.length) out.set(id, hit);
    };
    if (dir.id === 'portin') {
      for (const o of portins()) {
        put(o.id, [
          ['number', numberHit(o.phone_numbers.map((p) => p.phone_number))],
          ['customer reference', inText(o.customer_reference)],
          ['support key', inText(o.support_key)],
          ['parent support key', inText(o.parent_support_key)],
          ['end user', inText(o.end_user.admin.entity_name)],
          ['id', inText(o.id)],
        ]);
      }
    } else {
      for (const o of portouts()) {
        put(o.id, [
          ['number', numberHit(o.phone_numbers)],
          ['PON', inText(o.pon)],
          ['support key', inText(o.support_key)],
          ['end user', inText(o.end_user_name)],
          ['carrier', inText(o.carrier_name)],
          ['id', inText(o.id)],
        ]);
      }
    }
    return out;
  }

  function assertFound(found: FoundOrders, expected: ReadonlyMap<string, MatchField[]>): void {
    const ids = found.orders.map((o) => o.id);
    assert.equal(new Set(ids).size, ids.length, 'no order twice');
    assert.deepEqual([...ids].sort(), [...expected.keys()].sort());
    assert.deepEqual(new Map([...found.matchedBy].sort()), new Map([...expected].sort()));
  }

  before(async () => {
    sb = await startSandbox();
    client = new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey, timeoutMs: 5_000 });
  });
  after(async () => {
    await sb.close();
  });
  beforeEach(() => sb.reset());

  it('finds a port-in customer reference typed as digits (was: only the number filter)', async () => {
    // Seeded references are "INIT-2025-0001"; their digits part is what someone types as a number.
    const ref = portins().find((o) => o.customer_reference)!.customer_reference!;
    const text = ref.slice(ref.indexOf('-') + 1);
    assert.equal(looksLikePhoneNumber(text), true, `${text} reads as a number`);
    const expected = truth(PORT_IN, text);
    assert.ok([...expected.values()].some((f) => f.includes('customer reference')));
    const found = await find(PORT_IN, text);
    assertFound(found, expected);
  });

  it('finds a port-out by its PON (was: sent to the exact number filter)', async () => {
    const target = portouts()[2]!;
    const found = await find(PORT_OUT, target.pon);
    assertFound(found, truth(PORT_OUT, target.pon));
    assert.deepEqual(found.matchedBy.get(target.id), ['PON']);
    assert.match(matchSummary(target.pon, found.matchedBy), new RegExp(`^"${target.pon}": 1 by PON$`));
  });

  it('finds a port-out by part of a number (was: an exact match on a number that does not exist)', async () => {
    const target = portouts().find((o) => o.phone_numbers.length === 1)!;
    const part = digits(target.phone_numbers[0]!).slice(-7);
    const found = await find(PORT_OUT, part);
    assertFound(found, truth(PORT_OUT, part));
    assert.ok(found.matchedBy.get(target.id)?.includes('number'));
    assert.ok(queries(PORT_OUT).every((q) => !q.has('filter[phone_number]')), 'the API filter is exact: it cannot find a part');
  });

  it('finds a port-in support key by a scan that leaves the numbers out of every page', async () => {
    const target = portins().find((o) => o.support_key)!;
    const found = await find(PORT_IN, target.support_key!.toUpperCase());
    assertFound(found, truth(PORT_IN, target.support_key!));
    assert.deepEqual(found.matchedBy.get(target.id), ['support key']);
    assert.equal(found.scanned, true);
    const qs = queries(PORT_IN);
    assert.ok(qs.length >= Math.ceil(portins().length / PAGE), 'every page was read');
    for (const q of qs) assert.equal(q.get('include_phone_numbers'), 'false', q.toString());
    assert.ok(qs.every((q) => !q.has('filter[phone_numbers][phone_number][contains]')), 'a key is not a number');
    // The scan left the numbers out; the order it kept is read again with them, so its row names its first number
    // (issue 19: the old code showed "17 numbers" for every order found by a scan).
    const shown = found.orders.find((o) => o.id === target.id)!;
    assert.equal(PORT_IN.numbersOf(shown)[0], target.phone_numbers[0]!.phone_number);
    assert.doesNotMatch(orderView(PORT_IN, shown).label, /numbers$/);
  });

  it('searches port-in numbers with the contains filter, also past the 50 an order embeds', async () => {
    const big = portins().find((o) => o.phone_numbers.length > 60)!;
    const number = big.phone_numbers[60]!.phone_number;
    // A whole number: the contains filter and the exact reference filter answer it; no scan.
    let found = await find(PORT_IN, number);
    assertFound(found, truth(PORT_IN, number));
    assert.deepEqual(found.matchedBy.get(big.id), ['number']);
    assert.equal(found.scanned, false);
    const whole = queries(PORT_IN);
    assert.equal(whole.length, 2);
    assert.ok(whole.some((q) => q.get('filter[phone_numbers][phone_number][contains]') === digits(number)));
    assert.ok(whole.some((q) => q.get('filter[customer_reference]') === number));
    // A part: the same filter, and a scan without numbers for references and keys.
    sb.clearRequests();
    const part = digits(number).slice(-6);
    found = await find(PORT_IN, part);
    assertFound(found, truth(PORT_IN, part));
    assert.ok(found.matchedBy.get(big.id)?.includes('number'));
    const qs = queries(PORT_IN);
    assert.ok(qs.some((q) => q.get('filter[phone_numbers][phone_number][contains]') === part));
    for (const q of qs.filter((q) => !q.has('filter[phone_numbers][phone_number][contains]'))) assert.equal(q.get('include_phone_numbers'), 'false');
  });

  it('returns an order once when several searches find it, with every field it matched', async () => {
    // A 4-digit run both in an order's reference and in one of its numbers (the contains filter and the scan both find it).
    let text: string | undefined;
    let owner: SandboxPortin | undefined;
    for (const o of portins()) {
      const ref = digits(o.customer_reference ?? '');
      for (let i = 0; i + 4 <= ref.length && !text; i++) {
        const run = ref.slice(i, i + 4);
        if (o.phone_numbers.some((p) => digits(p.phone_number).includes(run))) [text, owner] = [run, o];
      }
      if (text) break;
    }
    assert.ok(text && owner, 'the seed has such an order');
    const found = await find(PORT_IN, text);
    assertFound(found, truth(PORT_IN, text));
    assert.equal(found.orders.filter((o) => o.id === owner.id).length, 1);
    assert.deepEqual(found.matchedBy.get(owner.id)?.slice(0, 2), ['number', 'customer reference']);
    const byRef = [...found.matchedBy.values()].filter((f) => f.includes('customer reference')).length;
    const byNumber = [...found.matchedBy.values()].filter((f) => f.includes('number')).length;
    const summary = matchSummary(text, found.matchedBy);
    assert.ok(summary.startsWith(`"${text}": `) && summary.includes(`${byRef} by customer reference`) && summary.includes(`${byNumber} by number`), summary);
  });

  it('answers a port-out support key and a whole port-out number with the API filters alone', async () => {
    const target = portouts()[4]!;
    let found = await find(PORT_OUT, target.support_key);
    assertFound(found, truth(PORT_OUT, target.support_key));
    assert.equal(found.scanned, false);
    assert.deepEqual(queries(PORT_OUT).map((q) => q.get('filter[support_key]')), [target.support_key]);
    sb.clearRequests();
    const number = target.phone_numbers[0]!;
    found = await find(PORT_OUT, digits(number));
    assertFound(found, truth(PORT_OUT, number));
    assert.deepEqual(found.matchedBy.get(target.id), ['number']);
    const qs = queries(PORT_OUT);
    assert.equal(qs.length, 2, 'one request for the number, one for a PON spelt the same');
    assert.ok(qs.some((q) => q.get('filter[phone_number]') === number));
    assert.ok(qs.some((q) => q.get('filter[pon]') === digits(number)));
  });

  it('answers a port-in parent key with its filter, and reads nothing for the other direction\'s keys', async () => {
    const parent = portins().find((o) => o.parent_support_key)!.parent_support_key!;
    const found = await find(PORT_IN, parent);
    assertFound(found, truth(PORT_IN, parent));
    assert.deepEqual(queries(PORT_IN).map((q) => q.get('filter[parent_support_key]')), [parent]);
    sb.clearRequests();
    assert.equal((await find(PORT_OUT, portins().find((o) => o.support_key)!.support_key!)).orders.length, 0);
    assert.equal((await find(PORT_IN, portouts()[0]!.support_key)).orders.length, 0);
    assert.equal(sb.requests.length, 0);
  });

  it('fails with the first failed request, and stops when cancelled', async () => {
    sb.addFault({ path: '/v2/porting_orders', times: 1 }, { status: 422, detail: 'bad filter' });
    await assert.rejects(find(PORT_IN, '2026'), (e: unknown) => e instanceof TelnyxError && e.status === 422);
    const cancel = new AbortController();
    cancel.abort();
    await assert.rejects(
      findOrders(client, PORT_IN, 'acme', { pageSize: PAGE, signal: cancel.signal }),
      (e: unknown) => e instanceof TelnyxError && e.kind === 'cancelled',
    );
  });

  it('a scan of a list whose pages repeat ends, and says matches may be missing (issue 18 item 7)', async () => {
    const target = portins().find((o) => o.support_key)!;
    const page = (await client.listOrders(PORT_IN, { pageNumber: 1, pageSize: PAGE, filters: withoutNumbers(PORT_IN) })).items;
    sb.clearRequests();
    sb.addFault({ method: 'GET', path: '/v2/porting_orders', times: 500 }, { body: JSON.stringify({ data: page, meta: { page_number: 1, page_size: PAGE, total_pages: 1e9, total_results: 1e12 } }) });
    const guard = new AbortController();
    const found = await findOrders(client, PORT_IN, target.support_key!, { pageSize: PAGE, concurrency: 4, signal: guard.signal, onProgress: (done) => done > 40 && guard.abort() });
    const pages = sb.requests.filter((r) => r.path === '/v2/porting_orders');
    assert.ok(pages.length <= 9, `${pages.length} list requests`);
    assert.equal(found.scanned, true);
    assert.equal(found.settled, false);
  });

  it('a scan without numbers still labels each order with its number count', async () => {
    const all = await client.allOrders(PORT_IN, { pageSize: 250 }, withoutNumbers(PORT_IN));
    const big = all.items.find((o) => ((o as SandboxPortin).porting_phone_numbers_count ?? 0) > 1)! as SandboxPortin;
    assert.deepEqual(big.phone_numbers, []);
    assert.match(orderView(PORT_IN, big).label, new RegExp(`^${big.porting_phone_numbers_count} numbers`));
  });
});
