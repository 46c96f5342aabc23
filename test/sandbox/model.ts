// Record shapes and enums served by the sandbox, copied from the Telnyx API facts (API.md §4–§7, §10)
// so nothing reads the shared spec at run time. Every field the spec marks optional is still always
// present here (null where the spec allows null) so tests compare against one predictable shape.

export const PORTING_ORDER_STATUSES = [
  'draft',
  'in-process',
  'submitted',
  'exception',
  'foc-date-confirmed',
  'ported',
  'cancelled',
  'cancel-pending',
] as const;
export type PortingOrderStatusValue = (typeof PORTING_ORDER_STATUSES)[number];

export const PORTING_EXCEPTION_CODES = [
  'ACCOUNT_NUMBER_MISMATCH',
  'AUTH_PERSON_MISMATCH',
  'BTN_ATN_MISMATCH',
  'ENTITY_NAME_MISMATCH',
  'FOC_EXPIRED',
  'FOC_REJECTED',
  'LOCATION_MISMATCH',
  'LSR_PENDING',
  'MAIN_BTN_PORTING',
  'OSP_IRRESPONSIVE',
  'OTHER',
  'PASSCODE_PIN_INVALID',
  'PHONE_NUMBER_HAS_SPECIAL_FEATURE',
  'PHONE_NUMBER_MISMATCH',
  'PHONE_NUMBER_NOT_PORTABLE',
  'PORT_TYPE_INCORRECT',
  'PORTING_ORDER_SPLIT_REQUIRED',
  'POSTAL_CODE_MISMATCH',
  'RATE_CENTER_NOT_PORTABLE',
  'SV_CONFLICT',
  'SV_UNKNOWN_FAILURE',
] as const;
export type PortingExceptionCode = (typeof PORTING_EXCEPTION_CODES)[number];

export const ACTIVATION_STATUSES = [
  'New',
  'Pending',
  'Conflict',
  'Cancel Pending',
  'Failed',
  'Concurred',
  'Activate RDY',
  'Disconnect Pending',
  'Concurrence Sent',
  'Old',
  'Sending',
  'Active',
  'Cancelled',
] as const;
export type ActivationStatus = (typeof ACTIVATION_STATUSES)[number];

export const PHONE_NUMBER_TYPES = ['landline', 'local', 'mobile', 'national', 'shared_cost', 'toll_free'] as const;
export type PhoneNumberType = (typeof PHONE_NUMBER_TYPES)[number];

export const PORTING_ORDER_TYPES = ['full', 'partial'] as const;
export type PortingOrderType = (typeof PORTING_ORDER_TYPES)[number];

export const PORTING_ORDER_SORTS = [
  'created_at',
  '-created_at',
  'activation_settings.foc_datetime_requested',
  '-activation_settings.foc_datetime_requested',
] as const;
export type PortingOrderSort = (typeof PORTING_ORDER_SORTS)[number];

export const MESSAGING_PORT_STATUSES = [
  'not_applicable',
  'pending',
  'activating',
  'exception',
  'canceled',
  'partial_port_complete',
  'ported',
] as const;
export type MessagingPortStatus = (typeof MESSAGING_PORT_STATUSES)[number];

export const PORTOUT_STATUSES = ['pending', 'authorized', 'ported', 'rejected', 'rejected-pending', 'canceled'] as const;
export type PortoutStatus = (typeof PORTOUT_STATUSES)[number];

export const PORTIN_EVENT_TYPES = [
  'porting_order.deleted',
  'porting_order.loa_updated',
  'porting_order.messaging_changed',
  'porting_order.status_changed',
  'porting_order.sharing_token_expired',
  'porting_order.new_comment',
  'porting_order.split',
] as const;
export type PortingEventType = (typeof PORTIN_EVENT_TYPES)[number];

export const PORTOUT_EVENT_TYPES = ['portout.status_changed', 'portout.new_comment', 'portout.foc_date_changed'] as const;
export type PortoutEventType = (typeof PORTOUT_EVENT_TYPES)[number];

export type PayloadStatus = 'created' | 'completed';
export type PortinNotificationMethod = 'email' | 'webhook' | 'webhook_v1';
export type PortoutNotificationMethod = 'email' | 'webhook';
export type Direction = 'portin' | 'portout';

// ---- port-in orders (§4) ----

export interface PortingOrderStatus {
  value: PortingOrderStatusValue;
  details: { code: PortingExceptionCode; description: string }[];
}

export interface PortingPhoneNumber {
  phone_number: string;
  activation_status: ActivationStatus;
  phone_number_type: PhoneNumberType;
  portability_status: 'pending' | 'confirmed' | 'provisional';
  porting_order_id: string;
  porting_order_status: PortingOrderStatusValue;
  requirements_status: 'requirement-info-pending' | 'requirement-info-under-review' | 'requirement-info-exception' | 'approved';
  support_key: string | null;
  record_type: 'porting_phone_number';
}

export interface PortingOrderMessaging {
  enable_messaging: boolean;
  messaging_capable: boolean;
  messaging_port_completed: boolean;
  messaging_port_status: MessagingPortStatus;
}

export interface PortingOrder {
  id: string;
  record_type: 'porting_order';
  created_at: string;
  updated_at: string;
  status: PortingOrderStatus;
  customer_reference: string | null;
  customer_group_reference: string | null;
  description: string;
  support_key: string | null;
  parent_support_key: string | null;
  porting_phone_numbers_count: number;
  phone_numbers: PortingPhoneNumber[];
  phone_number_type: PhoneNumberType;
  activation_settings: {
    activation_status: ActivationStatus | null;
    fast_port_eligible: boolean;
    foc_datetime_requested: string | null;
    foc_datetime_actual: string | null;
  };
  end_user: {
    admin: {
      entity_name: string | null;
      auth_person_name: string | null;
      account_number: string | null;
      billing_phone_number: string | null;
      pin_passcode: string | null;
      business_identifier: string | null;
      tax_identifier: string | null;
    };
    location: {
      street_address: string | null;
      extended_address: string | null;
      locality: string | null;
      administrative_area: string | null;
      postal_code: string | null;
      country_code: string | null;
    };
  };
  misc: {
    type: PortingOrderType;
    remaining_numbers_action: 'keep' | 'disconnect' | null;
    new_billing_phone_number: string | null;
  };
  messaging: PortingOrderMessaging;
  old_service_provider_ocn: string;
  documents: { loa: string | null; invoice: string | null };
  requirements: { field_type: 'document'; field_value: string; record_type: 'porting_requirement'; requirement_type_id: string }[];
  requirements_met: boolean;
  additional_steps: ('associated_phone_numbers' | 'phone_number_verification_codes')[];
  phone_number_configuration: {
    billing_group_id: string | null;
    connection_id: string | null;
    emergency_address_id: string | null;
    messaging_profile_id: string | null;
    tags: string[];
  };
  user_feedback: { user_comment: string | null; user_rating: number | null };
  user_id: string;
  webhook_url: string | null;
}

// ---- port-outs (§5) ----

export interface PortoutDetails {
  id: string;
  record_type: 'portout';
  status: PortoutStatus;
  phone_numbers: string[];
  support_key: string;
  carrier_name: string;
  spid: string;
  pon: string;
  foc_date: string;
  requested_foc_date: string;
  created_at: string;
  inserted_at: string;
  updated_at: string;
  end_user_name: string;
  authorized_name: string;
  service_address: string;
  city: string;
  state: string;
  zip: string;
  current_carrier: string;
  already_ported: boolean;
  host_messaging: boolean;
  lsr: string[];
  /** Set only for rejected / rejected-pending. */
  reason: string | null;
  /** Spec types this as a non-null integer; the sandbox sends null when there is no rejection. */
  rejection_code: number | null;
  user_id: string;
  vendor: string;
}

// ---- port-in events (§6) ----

export interface PortingEventPayloads {
  'porting_order.status_changed': {
    id: string;
    customer_reference: string | null;
    support_key: string | null;
    status: PortingOrderStatus;
    updated_at: string;
    webhook_url: string | null;
  };
  'porting_order.new_comment': {
    porting_order_id: string;
    support_key: string | null;
    comment: { id: string; body: string; inserted_at: string; user_id: string; user_type: 'user' | 'admin' | 'system' };
  };
  'porting_order.messaging_changed': {
    id: string;
    customer_reference: string | null;
    support_key: string | null;
    messaging: PortingOrderMessaging;
  };
  'porting_order.split': { from: { id: string }; to: { id: string }; porting_phone_numbers: { id: string }[] };
  'porting_order.deleted': {
    id: string;
    customer_reference: string | null;
    deleted_at: string;
    created_at: string;
    updated_at: string;
    record_type: string;
  };
  'porting_order.loa_updated': null;
  'porting_order.sharing_token_expired': null;
}

interface EventCommon<N> {
  id: string;
  payload_status: PayloadStatus;
  available_notification_methods: N[];
  created_at: string;
  updated_at: string;
}

/** One member per event type, so `event.event_type` narrows `event.payload`. */
export type PortingEvent = {
  [T in PortingEventType]: EventCommon<PortinNotificationMethod> & {
    event_type: T;
    porting_order_id: string;
    record_type: 'porting_event';
    /** null when payload_status is "created" (payload not generated yet) and always for the two webhook-less types. */
    payload: PortingEventPayloads[T] | null;
  };
}[PortingEventType];

// ---- port-out events (§7) ----

export interface PortoutEventPayloads {
  'portout.status_changed': {
    id: string;
    status: PortoutStatus;
    phone_numbers: string[];
    carrier_name: string;
    spid: string;
    subscriber_name: string;
    user_id: string;
    rejection_reason: string | null;
    attempted_pin: string;
  };
  'portout.new_comment': { id: string; portout_id: string; comment: string; user_id: string };
  'portout.foc_date_changed': { id: string; foc_date: string; user_id: string };
}

export type PortoutEvent = {
  [T in PortoutEventType]: EventCommon<PortoutNotificationMethod> & {
    event_type: T;
    portout_id: string;
    record_type: 'portout_event';
    payload: PortoutEventPayloads[T] | null;
  };
}[PortoutEventType];

/** Ground truth. Orders and events are each sorted newest first (created_at desc, then id desc). */
export interface SeedData {
  portinOrders: PortingOrder[];
  portoutOrders: PortoutDetails[];
  portinEvents: PortingEvent[];
  portoutEvents: PortoutEvent[];
}

// ---- comments and port-out answers (§13) ----

export type CommentUserType = 'admin' | 'user' | 'system';

/** `PortingOrdersComment`: who wrote it is `user_type` (Telnyx staff, the account, the system). */
export interface PortingComment {
  id: string;
  body: string;
  porting_order_id: string;
  created_at: string;
  record_type: 'porting_comment';
  user_type: CommentUserType;
}

/** `PortoutComment`: `user_id` is null when a Telnyx admin wrote it. */
export interface PortoutComment {
  id: string;
  body: string;
  portout_id: string;
  created_at: string;
  record_type: 'portout_comment';
  user_id: string | null;
}

/** `PortoutRejection`: a code the account may reject a port-out with. */
export interface PortoutRejection {
  code: number;
  description: string;
  reason_required: boolean;
}

/** The two answers an account gives a pending port-out (`PATCH /portouts/{id}/{status}`). */
export const PORTOUT_DECISIONS = ['authorized', 'rejected-pending'] as const;
export type PortoutDecision = (typeof PORTOUT_DECISIONS)[number];
