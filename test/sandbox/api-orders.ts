// GET /porting_orders, /porting_orders/{id}, /portouts, /portouts/{id} (API.md §4, §5).

import type { PortingOrder, PortoutDetails } from './model';
import { PORTING_ORDER_SORTS, PORTING_ORDER_TYPES, PORTOUT_STATUSES } from './model';
import { arrange, filteredOnce, paginate, readPage } from './pagination';
import { UUID_RE } from './prng';
import type { QuerySpec } from './query';
import { NO_PARAMS, PAGE_PARAMS, QueryReader } from './query';
import type { ApiRequest, ApiResponse } from './responses';
import { missing, ok, okPage, unprocessable } from './responses';
import { LOCALES } from './seed-vocab';

/** The API embeds at most this many numbers in an order (include_phone_numbers). */
const EMBEDDED_NUMBERS = 50;

const PORTING_ORDER_LIST: QuerySpec = {
  single: [
    ...PAGE_PARAMS,
    'include_phone_numbers',
    'filter[customer_reference]',
    'filter[customer_group_reference]',
    'filter[parent_support_key]',
    'filter[phone_numbers][country_code]',
    'filter[phone_numbers][carrier_name]',
    'filter[phone_numbers][phone_number][contains]',
    'filter[misc][type]',
    'filter[end_user][admin][entity_name]',
    'filter[end_user][admin][auth_person_name]',
    'filter[activation_settings][fast_port_eligible]',
    'filter[activation_settings][foc_datetime_requested][gt]',
    'filter[activation_settings][foc_datetime_requested][lt]',
    'sort[value]',
  ],
};

const PORTING_ORDER_SHOW: QuerySpec = { single: ['include_phone_numbers'] };

const PORTOUT_LIST: QuerySpec = {
  single: [
    ...PAGE_PARAMS,
    'filter[status]',
    'filter[carrier_name]',
    'filter[spid]',
    'filter[country_code]',
    'filter[phone_number]',
    'filter[pon]',
    'filter[support_key]',
    'filter[foc_date]',
    'filter[inserted_at][gte]',
    'filter[inserted_at][lte]',
    'filter[ported_out_at][gte]',
    'filter[ported_out_at][lte]',
  ],
  arrays: ['filter[status_in]', 'filter[country_code_in]'],
};

/** The query without paging, sorted: the cache key of a filtered (and ordered) list. */
const filterKeyOf = (query: URLSearchParams): string =>
  [...query].filter(([k]) => !k.startsWith('page[')).map(([k, v]) => `${k}=${v}`).sort().join('&');

const digits = (s: string): string => s.replace(/\D/g, '');
const containsCi = (hay: string | null, needle: string): boolean => hay !== null && hay.toLowerCase().includes(needle.toLowerCase());

function present(order: PortingOrder, includeNumbers: boolean): PortingOrder {
  return { ...order, phone_numbers: includeNumbers ? order.phone_numbers.slice(0, EMBEDDED_NUMBERS) : [] };
}

/** The JSON text of `present(order, includeNumbers)`, made once per order (orders never change once seeded). */
const presentedText = new WeakMap<PortingOrder, { with?: string; without?: string }>();
function presentJson(order: PortingOrder, includeNumbers: boolean): string {
  let texts = presentedText.get(order);
  if (!texts) presentedText.set(order, (texts = {}));
  const key = includeNumbers ? 'with' : 'without';
  return (texts[key] ??= JSON.stringify(present(order, includeNumbers)));
}

/**
 * Number filters compare digits only: "+" in a query string decodes to a space unless encoded,
 * and users type numbers with or without it.
 */
function numberMatches(numbers: readonly string[], query: string, exact: boolean): boolean {
  const want = digits(query);
  if (want === '') return false;
  return numbers.some((n) => (exact ? digits(n) === want : digits(n).includes(want)));
}

export function listPortingOrders(req: ApiRequest): ApiResponse {
  const q = new QueryReader(req.query, PORTING_ORDER_LIST, req.store.config.strictQuery);
  const page = readPage(q);
  const includeNumbers = q.boolean('include_phone_numbers') ?? true;
  const customerRef = q.text('filter[customer_reference]');
  const groupRef = q.text('filter[customer_group_reference]');
  const parentKey = q.text('filter[parent_support_key]');
  const country = q.text('filter[phone_numbers][country_code]');
  const carrier = q.text('filter[phone_numbers][carrier_name]');
  const numberLike = q.text('filter[phone_numbers][phone_number][contains]');
  const type = q.oneOf('filter[misc][type]', PORTING_ORDER_TYPES);
  const entity = q.text('filter[end_user][admin][entity_name]');
  const authPerson = q.text('filter[end_user][admin][auth_person_name]');
  const fastPort = q.boolean('filter[activation_settings][fast_port_eligible]');
  const focGt = q.dateTime('filter[activation_settings][foc_datetime_requested][gt]');
  const focLt = q.dateTime('filter[activation_settings][foc_datetime_requested][lt]');
  const sort = q.oneOf('sort[value]', PORTING_ORDER_SORTS) ?? '-created_at';
  if (q.errors.length > 0) return unprocessable(q.errors);
  if (!req.dryRun) req.store.removeBeforeListRequest('portinOrders', page.number);

  const focOf = (o: PortingOrder): number | null =>
    o.activation_settings.foc_datetime_requested === null ? null : Date.parse(o.activation_settings.foc_datetime_requested);
  const byFoc = focGt !== undefined || focLt !== undefined;
  const all = req.store.data.portinOrders;
  // The key holds sort[value] too, so the sorted list is cached with the filtered one: copying or sorting
  // the whole list per page would make every page cost O(orders), a cost of this stand-in, not of Telnyx.
  // listOrder plays no part here: this list documents its sort, and its default.
  const orders = filteredOnce(all, filterKeyOf(req.query), () => {
    const list = all.filter((o) => {
      // Parsing every order's date on every page request is only worth it when a date filter asks for it.
      const foc = byFoc ? focOf(o) : null;
      return (
        (customerRef === undefined || o.customer_reference === customerRef) &&
        (groupRef === undefined || o.customer_group_reference === groupRef) &&
        (parentKey === undefined || o.parent_support_key === parentKey) &&
        (country === undefined || o.end_user.location.country_code?.toUpperCase() === country.toUpperCase()) &&
        (carrier === undefined || containsCi(o.old_service_provider_ocn, carrier)) &&
        (numberLike === undefined || numberMatches(o.phone_numbers.map((p) => p.phone_number), numberLike, false)) &&
        (type === undefined || o.misc.type === type) &&
        (entity === undefined || containsCi(o.end_user.admin.entity_name, entity)) &&
        (authPerson === undefined || containsCi(o.end_user.admin.auth_person_name, authPerson)) &&
        (fastPort === undefined || o.activation_settings.fast_port_eligible === fastPort) &&
        (focGt === undefined || (foc !== null && foc > focGt)) &&
        (focLt === undefined || (foc !== null && foc < focLt))
      );
    });
    // The store keeps orders newest first, which is also the documented default.
    if (sort === 'created_at') list.reverse();
    if (sort.endsWith('foc_datetime_requested')) {
      const dir = sort.startsWith('-') ? -1 : 1;
      // Orders without a requested FOC date go last either way; the stable sort keeps newest first among ties.
      list.sort((a, b) => {
        const fa = focOf(a);
        const fb = focOf(b);
        if (fa === null || fb === null) return fa === fb ? 0 : fa === null ? 1 : -1;
        return (fa - fb) * dir;
      });
    }
    return list;
  });
  const result = paginate(orders, page, req.store.config.emptyListTotalPages);
  return okPage(result.data.map((o) => presentJson(o, includeNumbers)), result.meta);
}

export function showPortingOrder(req: ApiRequest, id: string): ApiResponse {
  // A malformed id is a path that does not exist, whatever the query (see showPortout).
  if (!UUID_RE.test(id)) return missing();
  const q = new QueryReader(req.query, PORTING_ORDER_SHOW, req.store.config.strictQuery);
  const includeNumbers = q.boolean('include_phone_numbers') ?? true;
  if (q.errors.length > 0) return unprocessable(q.errors);
  const order = req.store.portinOrder(id);
  if (order === undefined) return missing();
  return ok({
    data: present(order, includeNumbers),
    meta: { phone_numbers_url: `/v2/porting_phone_numbers?filter[porting_order_id]=${order.id}` },
  });
}

function countryOf(e164: string): string | undefined {
  for (const [locale] of LOCALES) if (locale.prefixes.some((p) => e164.startsWith(p))) return locale.country;
  return undefined;
}

const sameUtcDay = (iso: string, ms: number): boolean => iso.slice(0, 10) === new Date(ms).toISOString().slice(0, 10);

export function listPortouts(req: ApiRequest): ApiResponse {
  const q = new QueryReader(req.query, PORTOUT_LIST, req.store.config.strictQuery);
  const page = readPage(q);
  const status = q.oneOf('filter[status]', PORTOUT_STATUSES);
  const statusIn = q.listOf('filter[status_in]', PORTOUT_STATUSES);
  const number = q.text('filter[phone_number]');
  const supportKey = q.text('filter[support_key]');
  const carrier = q.text('filter[carrier_name]');
  const spid = q.text('filter[spid]');
  const pon = q.text('filter[pon]');
  const country = q.text('filter[country_code]');
  const countryIn = q.textList('filter[country_code_in]')?.map((c) => c.toUpperCase());
  const focDate = q.dateTime('filter[foc_date]');
  const insertedGte = q.dateTime('filter[inserted_at][gte]');
  const insertedLte = q.dateTime('filter[inserted_at][lte]');
  const portedGte = q.dateTime('filter[ported_out_at][gte]');
  const portedLte = q.dateTime('filter[ported_out_at][lte]');
  if (q.errors.length > 0) return unprocessable(q.errors);
  const { store } = req;
  if (!req.dryRun) store.removeBeforeListRequest('portoutOrders', page.number);

  const all = store.data.portoutOrders;
  const order = store.config.listOrder;
  // Filtered and ordered once per query, like the other lists, so a page costs O(page), not O(port-outs).
  const portouts = filteredOnce(all, `${filterKeyOf(req.query)}|${order}`, () => {
    const matching = all.filter((p: PortoutDetails) => {
      const inserted = Date.parse(p.inserted_at);
      // There is no ported_out_at field; a ported port-out left on its FOC date.
      const portedAt = p.status === 'ported' ? Date.parse(p.foc_date) : null;
      const countries = p.phone_numbers.map(countryOf);
      return (
        (status === undefined || p.status === status) &&
        (statusIn === undefined || statusIn.includes(p.status)) &&
        (number === undefined || numberMatches(p.phone_numbers, number, true)) &&
        (supportKey === undefined || p.support_key === supportKey) &&
        (carrier === undefined || containsCi(p.carrier_name, carrier)) &&
        (spid === undefined || p.spid === spid) &&
        (pon === undefined || p.pon === pon) &&
        (country === undefined || countries.includes(country.toUpperCase())) &&
        (countryIn === undefined || countries.some((c) => c !== undefined && countryIn.includes(c))) &&
        (focDate === undefined || sameUtcDay(p.foc_date, focDate)) &&
        (insertedGte === undefined || inserted >= insertedGte) &&
        (insertedLte === undefined || inserted <= insertedLte) &&
        (portedGte === undefined || (portedAt !== null && portedAt >= portedGte)) &&
        (portedLte === undefined || (portedAt !== null && portedAt <= portedLte))
      );
    });
    return arrange(matching, order);
  });
  return ok(paginate(portouts, page, store.config.emptyListTotalPages));
}

export function showPortout(req: ApiRequest, id: string): ApiResponse {
  // With the guide's events path, GET /portouts/events?page[number]=1 lands here with the id "events". It must
  // stay the 404 of a path that does not exist, not a 422 about paging, or a client cannot tell the spellings apart.
  if (!UUID_RE.test(id)) return missing();
  const q = new QueryReader(req.query, NO_PARAMS, req.store.config.strictQuery);
  if (q.errors.length > 0) return unprocessable(q.errors);
  const portout = req.store.portout(id);
  return portout === undefined ? missing() : ok({ data: portout });
}
