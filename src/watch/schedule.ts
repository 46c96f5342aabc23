// When the next tick is due. Pure: the caller owns the timer, and asks again whenever an input changes
// (focus, settings, the key, a tick's outcome).

import { DEFAULTS, LIMITS } from '../api/defaults';

export const DEFAULT_INTERVAL_SECONDS = DEFAULTS['watch.intervalSeconds'];
export const MIN_INTERVAL_SECONDS = LIMITS['watch.intervalSeconds'][0];
/** While the window is not focused, a tick at most this often. */
export const UNFOCUSED_INTERVAL_SECONDS = 300;
/** Longest wait after failed ticks. */
export const MAX_BACKOFF_SECONDS = 900;

export interface ScheduleInput {
  /** The interval setting, in seconds; below the minimum counts as the minimum, anything unreadable as the default. */
  intervalSeconds: number;
  focused: boolean;
  /** No key, no polling. */
  keySet: boolean;
  /** The setting that turns watching off; default true. */
  enabled?: boolean;
  /** Ticks failed in a row (0 or absent after a success): each doubles the wait, up to MAX_BACKOFF_SECONDS. */
  failures?: number;
}

/** Milliseconds until the next tick, or undefined when there is to be none (no key, or watching is off). */
export function nextDelay(input: ScheduleInput): number | undefined {
  if (!input.keySet || input.enabled === false) return undefined;
  const interval = Number.isFinite(input.intervalSeconds) ? Math.max(MIN_INTERVAL_SECONDS, input.intervalSeconds) : DEFAULT_INTERVAL_SECONDS;
  const base = input.focused ? interval : Math.max(interval, UNFOCUSED_INTERVAL_SECONDS);
  const failures = Math.max(0, Math.min(10, Math.floor(input.failures ?? 0)));
  const seconds = failures === 0 ? base : Math.max(base, Math.min(MAX_BACKOFF_SECONDS, interval * 2 ** failures));
  return Math.round(seconds * 1000);
}
