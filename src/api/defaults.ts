// Every default and limit of a setting, stated once. package.json repeats them for the Settings UI (it
// cannot import); test/unit/defaults.test.ts fails when the two disagree.

export const DEFAULTS = {
  apiBaseUrl: 'https://api.telnyx.com/v2',
  pageSize: 25,
  requestTimeoutSeconds: 30,
  maxRetries: 2,
  showRecentEvents: true,
  concurrency: 4,
  'watch.enabled': true,
  'watch.intervalSeconds': 60,
  'watch.watchedOnly': false,
  /** The kinds of src/presentation/needsAction.ts that notify unless chosen otherwise. */
  /** Republishes in flight at once when many are sent (Republish Selected Events…, … in Time Range…). */
  'replay.concurrency': 2,
  /** Sign what is sent to a local handler with the extension's development key, as Telnyx signs webhooks. */
  'localHandler.sign': true,
  'watch.notify': ['portin.exception', 'portin.foc', 'portin.ported', 'portin.cancelled', 'portout.pending', 'portout.rejected', 'portout.foc', 'comment'],
} as const;

/** Inclusive bounds of the numeric settings; page size is capped by the API (page[size] at most 250). */
export const LIMITS = {
  pageSize: [1, 250],
  requestTimeoutSeconds: [1, 300],
  maxRetries: [0, 5],
  concurrency: [1, 16],
  'watch.intervalSeconds': [30, 3600],
  'replay.concurrency': [1, 8],
} as const satisfies Record<string, readonly [number, number]>;

export const MAX_PAGE_SIZE = LIMITS.pageSize[1];
