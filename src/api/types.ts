// Records as the Telnyx API returns them. The OpenAPI spec marks no field required,
// so every field is optional and may be null: readers must cope with both.

export type Nullable<T> = T | null | undefined;

export interface StatusDetail {
  code?: Nullable<string>;
  description?: Nullable<string>;
}

export interface PortingPhoneNumber {
  phone_number?: Nullable<string>;
  activation_status?: Nullable<string>;
  portability_status?: Nullable<string>;
  phone_number_type?: Nullable<string>;
}

/** `GET /porting_orders` item (port-in). */
export interface PortingOrder {
  id?: Nullable<string>;
  record_type?: Nullable<string>;
  created_at?: Nullable<string>;
  updated_at?: Nullable<string>;
  status?: Nullable<{ value?: Nullable<string>; details?: Nullable<StatusDetail[]> }>;
  customer_reference?: Nullable<string>;
  customer_group_reference?: Nullable<string>;
  description?: Nullable<string>;
  support_key?: Nullable<string>;
  parent_support_key?: Nullable<string>;
  porting_phone_numbers_count?: Nullable<number>;
  phone_numbers?: Nullable<PortingPhoneNumber[]>;
  activation_settings?: Nullable<{
    activation_status?: Nullable<string>;
    fast_port_eligible?: Nullable<boolean>;
    foc_datetime_requested?: Nullable<string>;
    foc_datetime_actual?: Nullable<string>;
  }>;
  end_user?: Nullable<{ admin?: Nullable<{ entity_name?: Nullable<string>; auth_person_name?: Nullable<string> }> }>;
  misc?: Nullable<{ type?: Nullable<string> }>;
  old_service_provider_ocn?: Nullable<string>;
}

/** `GET /portouts` item (port-out). */
export interface PortoutDetails {
  id?: Nullable<string>;
  record_type?: Nullable<string>;
  status?: Nullable<string>;
  phone_numbers?: Nullable<string[]>;
  support_key?: Nullable<string>;
  carrier_name?: Nullable<string>;
  spid?: Nullable<string>;
  pon?: Nullable<string>;
  foc_date?: Nullable<string>;
  requested_foc_date?: Nullable<string>;
  created_at?: Nullable<string>;
  inserted_at?: Nullable<string>;
  updated_at?: Nullable<string>;
  end_user_name?: Nullable<string>;
  authorized_name?: Nullable<string>;
  current_carrier?: Nullable<string>;
  reason?: Nullable<string>;
  rejection_code?: Nullable<number>;
  host_messaging?: Nullable<boolean>;
}

export type Order = PortingOrder | PortoutDetails;

/** A port-in or port-out event; the payload shape depends on `event_type`. */
export interface PortingEvent {
  id?: Nullable<string>;
  event_type?: Nullable<string>;
  porting_order_id?: Nullable<string>;
  portout_id?: Nullable<string>;
  payload_status?: Nullable<string>;
  available_notification_methods?: Nullable<string[]>;
  record_type?: Nullable<string>;
  created_at?: Nullable<string>;
  updated_at?: Nullable<string>;
  payload?: unknown;
}

/** One page of a list, with the meta normalised to numbers we can count on. */
export interface Page<T> {
  items: T[];
  /** One sentence per list entry that was not a readable record: shown as error rows, never failing the list. */
  malformed?: string[];
  pageNumber: number;
  pageSize: number;
  totalPages: number;
  totalResults: number;
}

/**
 * A comment on an order, of either direction (API.md §13): `PortingOrdersComment` names its author's kind in
 * `user_type` and its order in `porting_order_id`; `PortoutComment` has `user_id` (null when a Telnyx admin
 * wrote it) and `portout_id`. Who wrote it is read through the direction's `commentAuthor`.
 */
export interface OrderComment {
  id?: Nullable<string>;
  body?: Nullable<string>;
  created_at?: Nullable<string>;
  record_type?: Nullable<string>;
  porting_order_id?: Nullable<string>;
  portout_id?: Nullable<string>;
  /** Port-in: `admin` (Telnyx staff), `user` (the account) or `system`. */
  user_type?: Nullable<string>;
  /** Port-out: the writer, null for a Telnyx admin. */
  user_id?: Nullable<string>;
}

/** Who wrote a comment, in the words the UI shows: the account, Telnyx support, the system, or not said. */
export type CommentAuthor = 'account' | 'telnyx' | 'system' | 'unknown';

/** A code a port-out may be rejected with (`GET /portouts/rejections/{id}`). */
export interface PortoutRejection {
  code?: Nullable<number>;
  description?: Nullable<string>;
  /** Whether the rejection's reason must be written out (e.g. "Other"). */
  reason_required?: Nullable<boolean>;
}

/** The account's answer to a pending port-out: the status it asks for (`PATCH /portouts/{id}/{decision}`). */
export type PortoutDecision = 'authorized' | 'rejected-pending';

/**
 * The body of that PATCH, as the spec has it for both decisions: `reason` required (a rejection's why, an
 * authorization's note) and `host_messaging` optional (whether messaging stays with Telnyx once the numbers leave).
 */
export interface PortoutAnswer {
  reason: string;
  hostMessaging?: boolean;
}
