// Word lists for the seed. Invented but plausible, so the extension's tree and JSON views look like
// real accounts when someone tries it out against the sandbox.

import type { PortingExceptionCode } from './model';

export interface Locale {
  country: string;
  /** E.164 prefixes ("+1303") a 7-digit (US/CA) or 8-digit (GB/DE) subscriber part is appended to. */
  prefixes: readonly string[];
  subscriberDigits: number;
  places: readonly (readonly [locality: string, area: string, postal: string])[];
}

export const LOCALES: readonly (readonly [Locale, number])[] = [
  [
    {
      country: 'US',
      prefixes: ['+1303', '+1312', '+1512', '+1415', '+1646', '+1919', '+1206', '+1617', '+1702', '+1305'],
      subscriberDigits: 7,
      places: [
        ['Denver', 'CO', '80202'],
        ['Chicago', 'IL', '60601'],
        ['Austin', 'TX', '78701'],
        ['San Francisco', 'CA', '94105'],
        ['New York', 'NY', '10013'],
        ['Raleigh', 'NC', '27601'],
        ['Seattle', 'WA', '98101'],
        ['Boston', 'MA', '02110'],
        ['Las Vegas', 'NV', '89101'],
        ['Miami', 'FL', '33131'],
      ],
    },
    14,
  ],
  [
    {
      country: 'CA',
      prefixes: ['+1416', '+1604', '+1514'],
      subscriberDigits: 7,
      places: [
        ['Toronto', 'ON', 'M5V 2T6'],
        ['Vancouver', 'BC', 'V6B 1A1'],
        ['Montreal', 'QC', 'H3B 2Y5'],
      ],
    },
    2,
  ],
  [
    {
      country: 'GB',
      prefixes: ['+4420', '+44161'],
      subscriberDigits: 8,
      places: [
        ['London', 'Greater London', 'EC1V 9HX'],
        ['Manchester', 'Greater Manchester', 'M1 1AD'],
      ],
    },
    1,
  ],
  [
    {
      country: 'DE',
      prefixes: ['+4930', '+4989'],
      subscriberDigits: 8,
      places: [
        ['Berlin', 'BE', '10115'],
        ['Munich', 'BY', '80331'],
      ],
    },
    1,
  ],
];

export const COMPANIES = [
  'Acme Logistics LLC',
  'Bluebird Dental Group',
  'Cedar & Pine Realty',
  'Northwind Traders',
  'Globex Corporation',
  'Initech Software',
  'Riverbend Veterinary Clinic',
  'Summit Legal Partners',
  'Harbor Freight Forwarding',
  'Lumen Yoga Studio',
  'Orchard Street Bakery',
  'Pioneer Solar Inc.',
  'Quartz Analytics',
  'Redwood Family Medicine',
  'Silverline Plumbing',
  'Tidewater Insurance Agency',
  'Union Square Hotel',
  'Vertex Fitness',
  'Willow Creek School District',
  'Zephyr Air Charters',
] as const;

export const PEOPLE = [
  'Porter McPortersen',
  'Maria Gonzalez',
  'James O\'Connor',
  'Priya Raman',
  'Chen Wei',
  'Amelia Schmidt',
  'Olusegun Adeyemi',
  'Sofia Rossi',
  'David Kim',
  'Hannah Novak',
  'Lucas Moreau',
  'Fatima Al-Sayed',
] as const;

export const STREETS = [
  '600 Congress Avenue',
  '311 S Wacker Dr',
  '1801 California St',
  '55 Water Street',
  '101 Main Street',
  '2200 Mission College Blvd',
  '12 Harbour Exchange Square',
  '88 Friedrichstrasse',
] as const;

/** Losing carriers for port-ins (shown as old_service_provider_ocn, as in the spec example). */
export const LOSING_CARRIERS = [
  'Unreal Communications',
  'Lumen Technologies',
  'Frontier Communications',
  'Windstream',
  'Comcast Business',
  'Spectrum Enterprise',
  'Bandwidth.com CLEC',
  'Vonage Business',
  'RingCentral',
  'BT Group',
] as const;

/** Winning carriers for port-outs: [carrier_name, spid]. */
export const WINNING_CARRIERS = [
  ['Testing Carrier', '987H'],
  ['Verizon Wireless', '6006'],
  ['T-Mobile USA', '6529'],
  ['AT&T Mobility', '6214'],
  ['Bandwidth.com CLEC', '981E'],
  ['Twilio International', '4193'],
  ['Onvoy Spectrum', '7513'],
  ['Level 3 Communications', '8825'],
] as const;

export const EXCEPTION_DESCRIPTIONS: Readonly<Record<PortingExceptionCode, string>> = {
  ACCOUNT_NUMBER_MISMATCH: 'The account number provided does not match the account number on file with the losing carrier.',
  AUTH_PERSON_MISMATCH: 'The authorized person does not match the name on the account with the losing carrier.',
  BTN_ATN_MISMATCH: 'The billing telephone number does not match the account telephone number.',
  ENTITY_NAME_MISMATCH: 'The entity name does not match the name on the account with the losing carrier.',
  FOC_EXPIRED: 'The FOC date has expired. Please request a new FOC date.',
  FOC_REJECTED: 'The losing carrier rejected the requested FOC date. Please pick a later date.',
  LOCATION_MISMATCH: 'The service address does not match the address on file with the losing carrier.',
  LSR_PENDING: 'The local service request is still pending with the losing carrier.',
  MAIN_BTN_PORTING: 'The main billing number is being ported; provide a new billing number for the remaining lines.',
  OSP_IRRESPONSIVE: 'The losing carrier has not responded to the port request.',
  OTHER: 'The losing carrier returned an unspecified error. Our team is reviewing it.',
  PASSCODE_PIN_INVALID: 'The PIN/passcode provided is invalid.',
  PHONE_NUMBER_HAS_SPECIAL_FEATURE: 'One or more numbers have a special feature (e.g. hunt group) that must be removed first.',
  PHONE_NUMBER_MISMATCH: 'One or more numbers are not on the account with the losing carrier.',
  PHONE_NUMBER_NOT_PORTABLE: 'One or more numbers are not portable.',
  PORT_TYPE_INCORRECT: 'The port type is incorrect; this order must be submitted as a full port.',
  PORTING_ORDER_SPLIT_REQUIRED: 'The numbers belong to different accounts; the order must be split.',
  POSTAL_CODE_MISMATCH: 'The postal code does not match the one on file with the losing carrier.',
  RATE_CENTER_NOT_PORTABLE: 'The rate center of one or more numbers is not supported.',
  SV_CONFLICT: 'A subscription version conflict was raised by the losing carrier.',
  SV_UNKNOWN_FAILURE: 'The subscription version failed for an unknown reason.',
};

// Comments by who writes them: the author decides the text, so a line only Telnyx would write ("We have
// submitted the order…") is never shown as the account's, and the account's own lines never as Telnyx's.

/** What Telnyx's porting team writes on a port-in (`user_type: "admin"`). */
export const PORTIN_TELNYX_COMMENTS = [
  'Please upload a copy of the latest invoice from the current provider.',
  'We have submitted the order to the losing carrier.',
  'The losing carrier has confirmed the FOC date.',
  'Can you double-check the account number? It should match the invoice.',
  'The order was rejected by the losing carrier; see the exception details.',
  'Please confirm the service address, the carrier has a different suite number.',
  'We split the order because two numbers belong to a different account.',
] as const;

/** What the account writes on its own port-in (`user_type: "user"`). */
export const PORTIN_ACCOUNT_COMMENTS = [
  'LOA uploaded, thanks!',
  'Updated the PIN as requested.',
  'Is it possible to move the FOC date to next Tuesday?',
  'Resubmitted with the corrected authorized person name.',
  'Requesting an expedite for this order, please.',
] as const;

/** Telnyx's automatic lines (`user_type: "system"`). */
export const PORTIN_SYSTEM_COMMENTS = [
  'Numbers have been activated on the Telnyx network.',
  'Messaging port is in progress and should complete within 24 hours.',
  'The FOC date is confirmed; activation is scheduled for that day.',
] as const;

/** What Telnyx's porting team writes on a port-out (the comment's `user_id` is null). */
export const PORTOUT_TELNYX_COMMENTS = [
  'Port-out request received from the winning carrier.',
  'PIN provided by the winning carrier does not match.',
  'FOC date adjusted at the request of the winning carrier.',
  'Numbers released to the winning carrier.',
  'Please verify the authorized name on the account.',
] as const;

/** What the account writes on a port-out of its numbers. */
export const PORTOUT_ACCOUNT_COMMENTS = [
  'Customer confirmed they want to port these numbers out.',
  'Customer asked to cancel the port-out.',
  'We did not expect this request; checking with the customer before answering.',
] as const;

/** Rejection reasons for port-outs, keyed by an invented but stable rejection_code. */
export const PORTOUT_REJECTIONS = [
  [1001, 'Invalid PIN/passcode provided.'],
  [1002, 'Account number does not match.'],
  [1003, 'Authorized name does not match the account.'],
  [1004, 'Service address does not match the account.'],
  [1005, 'A pending order already exists for these numbers.'],
] as const;
