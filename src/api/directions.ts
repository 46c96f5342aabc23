// Port-in and port-out differ only in data: paths, filter names and the shape of their records.
// Everything on the wire that varies between them lives in this table, and every read of a record's own
// shape is a small function here, so the code that uses them is written once and a third direction is one
// entry. How a direction looks (status words, icons, event-type words) is presentation: see
// ../presentation/directionLooks.ts.

import * as l10n from '@vscode/l10n';
import type { CommentAuthor, Nullable, Order, OrderComment, PortingEvent, PortingOrder, PortoutDetails, StatusDetail } from './types';

export type DirectionId = 'portin' | 'portout';

/**
 * The fields a search can match, in the order the results name them. They are the names the per-direction
 * `searchFields` below use, so a new searchable field is added here and there, in this one file.
 */
export const MATCH_FIELDS = ['number', 'customer reference', 'PON', 'support key', 'parent support key', 'end user', 'carrier', 'id'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** The match fields in words, for the rows and summaries a search labels; looked up in the user's language when said. */
const MATCH_FIELD_WORDS: Readonly<Record<MatchField, () => string>> = {
  number: () => l10n.t('number'),
  'customer reference': () => l10n.t('customer reference'),
  PON: () => l10n.t('PON'),
  'support key': () => l10n.t('support key'),
  'parent support key': () => l10n.t('parent support key'),
  'end user': () => l10n.t('end user'),
  carrier: () => l10n.t('carrier'),
  id: () => l10n.t('id'),
};

/** A match field in words: "customer reference"; anything else as given. */
export function matchFieldWords(field: string): string {
  return Object.hasOwn(MATCH_FIELD_WORDS, field) ? MATCH_FIELD_WORDS[field as MatchField]() : field;
}

/** A named field and its raw value, as the record has it (maybe null, maybe not a string). */
export type NamedField<Name extends string = string> = readonly [name: Name, value: unknown];

/** An API filter that finds one whole support key exactly. */
export interface KeyFilter {
  /** The key's prefix as the API spells it; what is typed after it is sent as typed. */
  prefix: string;
  field: MatchField;
  filter: string;
}

/** The API filter for phone numbers. */
export interface NumberFilter {
  filter: string;
  /** True when it finds parts of numbers too; false when only a whole number matches. */
  partial: boolean;
  /** The filter's value, from the digits typed. */
  value(digits: string): string;
}

/** What differs in the wire and in search, outside the records. */
interface WireFacts {
  id: DirectionId;
  /** The direction's name, in messages from the wire up to the tree's root; in the user's language when read. */
  readonly label: string;
  /** List and show path of the orders, relative to the base URL. */
  ordersPath: string;
  /** Candidate paths of the events endpoints, first the spec's, then fallbacks tried on a 404 (see API.md). */
  eventsPaths: readonly string[];
  /** Query filter naming the order whose events we want. */
  eventOrderFilter: string;
  /** Query filter for the event type (port-in says `type`, port-out `event_type`). */
  eventTypeFilter: string;
  /** Field of an event holding its order id. */
  eventOrderField: 'porting_order_id' | 'portout_id';
  /** Extra query sent with every order list request. */
  orderListQuery: Readonly<Record<string, string>>;
  /** Server-side status filters for one status and for several; undefined where the API has none. */
  statusFilters: { one: string; many: string } | undefined;
  /**
   * Extra query for a scan that needs no numbers: without them a page is about a third of the bytes
   * (~1.3 MB for 250 port-in orders with numbers). Undefined where the API has no such parameter, as
   * unknown parameters may be refused.
   */
  withoutNumbers: Readonly<Record<string, string>> | undefined;
  /** Prefixes of this direction's whole support keys: a search for another direction's key reads nothing here. */
  keyPrefixes: readonly string[];
  /**
   * Mission Control's page of this direction's orders (API.md §11). No link to one order is documented, so this is
   * the list, which the portal searches by support key. Unverified beyond the support pages that give it.
   */
  portalUrl: string;
  /** Whole keys the API finds with an exact filter. */
  keyFilters: readonly KeyFilter[];
  /** List (GET) and create (POST) path of an order's comments, relative to the base URL. */
  commentsPath: (orderId: string) => string;
  /** Whether the comments list takes `page[number]`/`page[size]`; without them it is one GET (and sending them is refused). */
  commentsPaged: boolean;
  /** Who wrote a comment, as this direction's comment record says it. */
  commentAuthor: (comment: OrderComment) => CommentAuthor;
  numberFilter: NumberFilter;
  /** Exact filters a whole number may also answer (something else spelt in digits), from the text typed. */
  wholeNumberAlso(text: string): { field: MatchField; filters: Record<string, string> }[];
}

/** What differs in the order records, read through functions typed by the direction's own record shape. */
interface OrderReads<O> {
  statusOf: (order: O) => string | undefined;
  /** The phone numbers embedded in the order. */
  numbersOf: (order: O) => string[];
  /** How many numbers the API says the order has, when it says (it may embed fewer, or none). */
  numberCountOf: (order: O) => number | undefined;
  /** Candidates for the order's name next to its numbers, best first. */
  referenceFields: (order: O) => unknown[];
  /** Why the order has its status, as the API details it. */
  statusDetails: (order: O) => readonly Nullable<StatusDetail>[];
  /** The fields a person reads about the order, named, in the order they are shown. */
  detailFields: (order: O) => NamedField[];
  /** The fields a search matches besides numbers and the id, in the order results name them. */
  searchFields: (order: O) => NamedField<MatchField>[];
  /**
   * Since when the order has waited on the account, when its status says it does (port-in exception, port-out
   * pending): the nearest time the order's own fields give, as sent.
   */
  waitingSince: (order: O) => Nullable<string>;
  /** The order's FOC date while the port is still to happen (undefined once it ported, was cancelled or rejected). */
  upcomingFoc: (order: O) => Nullable<string>;
}

export interface Direction extends WireFacts, OrderReads<Order> {}

/**
 * The one place an Order is taken for its direction's record shape: a direction's tree, search and
 * documents only ever hand it orders read from its own paths.
 */
function withOrders<O extends Order>(facts: WireFacts & OrderReads<O>): Direction {
  return facts as unknown as Direction;
}

export const PORT_IN: Direction = withOrders<PortingOrder>({
  id: 'portin',
  // A getter: the table is built at load, before the extension has told l10n the user's language.
  get label() {
    return l10n.t('Port-in');
  },
  ordersPath: 'porting_orders',
  eventsPaths: ['porting/events'],
  eventOrderFilter: 'filter[porting_order_id]',
  eventTypeFilter: 'filter[type]',
  eventOrderField: 'porting_order_id',
  // Newest orders first; the API's default is the same, but saying it keeps pages stable if that default changes.
  orderListQuery: { 'sort[value]': '-created_at' },
  // The spec has no filter[status] on /porting_orders.
  statusFilters: undefined,
  withoutNumbers: { include_phone_numbers: 'false' },
  // Support (sr_) and parent support (pr_) keys.
  keyPrefixes: ['sr_', 'pr_'],
  portalUrl: 'https://portal.telnyx.com/#/app/numbers/port-numbers?status=both',
  keyFilters: [{ prefix: 'pr_', field: 'parent support key', filter: 'filter[parent_support_key]' }],
  commentsPath: (orderId) => `porting_orders/${encodeURIComponent(orderId)}/comments`,
  commentsPaged: true,
  commentAuthor: (c) => (c.user_type === 'user' ? 'account' : c.user_type === 'admin' ? 'telnyx' : c.user_type === 'system' ? 'system' : 'unknown'),
  // The contains filter finds whole and partial numbers, also past the 50 an order embeds.
  numberFilter: { filter: 'filter[phone_numbers][phone_number][contains]', partial: true, value: (digits) => digits },
  // At a stretch, a reference spelt like a number, which the exact filter finds.
  wholeNumberAlso: (text) => [{ field: 'customer reference', filters: { 'filter[customer_reference]': text } }],
  statusOf: (o) => o.status?.value ?? undefined,
  numbersOf: (o) => (o.phone_numbers ?? []).map((p) => p?.phone_number).filter((p): p is string => !!p),
  numberCountOf: (o) => (typeof o.porting_phone_numbers_count === 'number' ? o.porting_phone_numbers_count : undefined),
  referenceFields: (o) => [o.customer_reference, o.support_key, o.end_user?.admin?.entity_name],
  statusDetails: (o) => o.status?.details ?? [],
  detailFields: (o) => [
    [l10n.t('Customer reference'), o.customer_reference],
    [l10n.t('Support key'), o.support_key],
    [l10n.t('Parent support key'), o.parent_support_key],
    [l10n.t('End user'), o.end_user?.admin?.entity_name],
    [l10n.t('FOC requested'), o.activation_settings?.foc_datetime_requested],
    [l10n.t('FOC actual'), o.activation_settings?.foc_datetime_actual],
    [l10n.t('Type'), o.misc?.type],
  ],
  searchFields: (o) => [
    ['customer reference', o.customer_reference],
    ['support key', o.support_key],
    ['parent support key', o.parent_support_key],
    ['end user', o.end_user?.admin?.entity_name],
  ],
  // No field says when the exception began; the last update is the nearest.
  waitingSince: (o) => (o.status?.value === 'exception' ? (o.updated_at ?? o.created_at) : undefined),
  upcomingFoc: (o) => (['ported', 'cancelled', 'cancel-pending'].includes(o.status?.value ?? '') ? undefined : o.activation_settings?.foc_datetime_actual),
});

export const PORT_OUT: Direction = withOrders<PortoutDetails>({
  id: 'portout',
  get label() {
    return l10n.t('Port-out');
  },
  ordersPath: 'portouts',
  // The spec and every SDK say `portouts/events`; Telnyx's guide says `portout/events`.
  eventsPaths: ['portouts/events', 'portout/events'],
  eventOrderFilter: 'filter[portout_id]',
  eventTypeFilter: 'filter[event_type]',
  eventOrderField: 'portout_id',
  orderListQuery: {},
  statusFilters: { one: 'filter[status]', many: 'filter[status_in]' },
  // /portouts has no include_phone_numbers.
  withoutNumbers: undefined,
  keyPrefixes: ['PO_'],
  portalUrl: 'https://portal.telnyx.com/#/app/numbers/port-outs',
  keyFilters: [{ prefix: 'PO_', field: 'support key', filter: 'filter[support_key]' }],
  // The spec gives the port-out comments list no paging parameters.
  commentsPath: (orderId) => `portouts/${encodeURIComponent(orderId)}/comments`,
  commentsPaged: false,
  // The spec: user_id is "null if created by Telnyx Admin".
  commentAuthor: (c) => (c.user_id === null ? 'telnyx' : typeof c.user_id === 'string' && c.user_id !== '' ? 'account' : 'unknown'),
  // /portouts matches numbers exactly only.
  numberFilter: { filter: 'filter[phone_number]', partial: false, value: (digits) => `+${digits}` },
  // Digits without a "+" may also be a whole PON.
  wholeNumberAlso: (text) => (text.startsWith('+') ? [] : [{ field: 'PON', filters: { 'filter[pon]': text } }]),
  statusOf: (o) => o.status ?? undefined,
  numbersOf: (o) => (o.phone_numbers ?? []).filter((p): p is string => typeof p === 'string' && p !== ''),
  numberCountOf: () => undefined,
  referenceFields: (o) => [o.support_key, o.end_user_name, o.pon],
  statusDetails: () => [],
  detailFields: (o) => [
    [l10n.t('Rejection reason'), o.reason],
    [l10n.t('Rejection code'), o.rejection_code],
    [l10n.t('Support key'), o.support_key],
    [l10n.t('Winning carrier'), o.carrier_name],
    [l10n.t('SPID'), o.spid],
    [l10n.t('PON'), o.pon],
    [l10n.t('FOC date'), o.foc_date],
    [l10n.t('Requested FOC date'), o.requested_foc_date],
    [l10n.t('End user'), o.end_user_name],
  ],
  searchFields: (o) => [
    ['PON', o.pon],
    ['support key', o.support_key],
    ['end user', o.end_user_name],
    ['carrier', o.carrier_name],
  ],
  waitingSince: (o) => (o.status === 'pending' ? (o.created_at ?? o.inserted_at) : undefined),
  upcomingFoc: (o) => (['ported', 'canceled', 'rejected'].includes(o.status ?? '') ? undefined : o.foc_date),
});

const BY_ID: Readonly<Record<DirectionId, Direction>> = { portin: PORT_IN, portout: PORT_OUT };

/** In the order the tree shows them. */
export const DIRECTIONS: readonly Direction[] = Object.values(BY_ID);

export function direction(id: DirectionId): Direction {
  return BY_ID[id];
}

export function isDirectionId(value: unknown): value is DirectionId {
  return typeof value === 'string' && Object.hasOwn(BY_ID, value);
}

export function eventOrderId(dir: Direction, event: PortingEvent): string | undefined {
  return event[dir.eventOrderField] ?? undefined;
}
