// One window polls; the others wait. A lease in the shared store ({owner, expiresAt, focused}) names the
// window that polls: a window takes it when it is free or expired, renews it on each of its ticks, and
// releases it when it is disposed. A focused window also takes it from an unfocused owner, so the window the
// user is in polls at the focused pace rather than waiting out a lease renewed every five minutes.
//
// A shared "notified" record (the last `notifiedLimit` event ids notified, for the account) keeps an event
// from being notified twice across windows, e.g. when the lease moves between a tick and the next:
// `claim(ids)` hands out only ids no window has claimed yet.
//
// A window whose watch settings are not the user's never takes the lease (leaseRefusal): the window that polls
// decides what every window of the account is warned of, so a repository's settings, or a host that honours
// them, must not make it quieter for all of them.
//
// The store is not a transaction (see sharedStore.ts): two windows that take a free lease within the time
// VS Code takes to pass a write between windows both poll until each sees the other's write at its next
// tick, when the later writer keeps it. No timers here: the caller ticks, and time is `now()`.

import { storeKey, type SharedStore } from './sharedStore';

export interface Lease {
  owner: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Whether the owner's window was focused when it last renewed. */
  focused: boolean;
}

export interface LeaderOptions {
  store: SharedStore;
  /** As given to the EventWatcher: leases and notified ids are per account. */
  accountKey: string;
  /** This window's id, unique among the windows sharing the store (e.g. vscode.env.sessionId). Default: a random UUID. */
  ownerId?: string;
  /** Epoch ms; default Date.now. */
  now?: () => number;
  /** Event ids remembered as notified, at most (the oldest are forgotten first). Default 1 000. */
  notifiedLimit?: number;
}

/** A lease long enough to outlast a few of the owner's intervals (and the tick running in one). */
export function leaseMsFor(delayMs: number): number {
  return 3 * delayMs;
}

export class Leader {
  readonly ownerId: string;
  private readonly now: () => number;
  private readonly notifiedLimit: number;
  private leading = false;
  private expiresAt = 0;

  constructor(private readonly opts: LeaderOptions) {
    this.ownerId = opts.ownerId ?? globalThis.crypto.randomUUID();
    this.now = opts.now ?? Date.now;
    this.notifiedLimit = Math.max(1, opts.notifiedLimit ?? 1_000);
  }

  get leaseKey(): string {
    return storeKey(this.opts.accountKey, 'lease');
  }

  get notifiedKey(): string {
    return storeKey(this.opts.accountKey, 'notified');
  }

  /** The lease as stored, if any (expired or not). */
  lease(): Lease | undefined {
    const raw = this.opts.store.get<unknown>(this.leaseKey);
    if (typeof raw !== 'object' || raw === null) return undefined;
    const l = raw as Partial<Lease>;
    return typeof l.owner === 'string' && typeof l.expiresAt === 'number' ? { owner: l.owner, expiresAt: l.expiresAt, focused: l.focused === true } : undefined;
  }

  /** Whether this window held the lease at its last acquire, and it has not expired since. */
  get isLeader(): boolean {
    return this.leading && this.now() < this.expiresAt;
  }

  /**
   * Takes or renews the lease, for `leaseMs` from now, when it is free, expired, this window's, or held by an
   * unfocused window while this one is focused; never while `refused` (see leaseRefusal). True when this window
   * is to poll now. Call before each tick.
   */
  async acquire(state: { focused: boolean; leaseMs: number; refused?: string }): Promise<boolean> {
    // A window refused the lease (leaseRefusal) gives up one it holds, so another window takes it at once.
    if (state.refused !== undefined) {
      await this.release();
      return false;
    }
    const now = this.now();
    const held = this.lease();
    const mine = held?.owner === this.ownerId;
    const free = held === undefined || held.expiresAt <= now || mine || (state.focused && !held.focused);
    if (!free) {
      this.leading = false;
      return false;
    }
    const lease: Lease = { owner: this.ownerId, expiresAt: now + Math.max(1, state.leaseMs), focused: state.focused };
    await this.opts.store.update(this.leaseKey, lease);
    // What the store says after the write: in one process always ours; across windows, ours unless another write won.
    this.leading = this.lease()?.owner === this.ownerId;
    this.expiresAt = lease.expiresAt;
    return this.leading;
  }

  /** Gives the lease up if this window holds it, so another window can take it at its next tick. */
  async release(): Promise<void> {
    this.leading = false;
    if (this.lease()?.owner === this.ownerId) await this.opts.store.update(this.leaseKey, undefined);
  }

  /**
   * The ids among `ids` that no window has claimed yet, now claimed by this one (in the order given, each at
   * most once). Notify those, and only those.
   */
  async claim(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const raw = this.opts.store.get<unknown>(this.notifiedKey);
    const notified = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
    const known = new Set(notified);
    const mine: string[] = [];
    for (const id of ids) {
      if (known.has(id)) continue;
      known.add(id);
      mine.push(id);
    }
    if (mine.length === 0) return [];
    await this.opts.store.update(this.notifiedKey, [...notified, ...mine].slice(-this.notifiedLimit));
    return mine;
  }

  /** Releases the lease (the window is closing or watching stops). */
  dispose(): Promise<void> {
    return this.release();
  }
}

/** What watching runs on: the settings that decide what the user is warned of, and whether a tick's requests get through. */
export interface WatchSettings {
  enabled: boolean;
  intervalSeconds: number;
  notify: readonly string[];
  watchedOnly: boolean;
  timeoutMs: number;
  retries: number;
}

/** The names of WatchSettings' settings under `telnyxPorting.`. */
export const WATCH_SETTING_NAMES = {
  enabled: 'watch.enabled',
  intervalSeconds: 'watch.intervalSeconds',
  notify: 'watch.notify',
  watchedOnly: 'watch.watchedOnly',
  timeoutMs: 'requestTimeoutSeconds',
  retries: 'maxRetries',
} as const satisfies Record<keyof WatchSettings, string>;

/**
 * Why this window must not take the lease, or undefined when it may: `fromWorkspace` names the watch settings a
 * workspace or folder sets to other than the user's value (whether or not this host honours it: VS Code ignores
 * workspace values of user-only settings, other hosts may not), or the values this window would use (`effective`) warn of less than the user's own: watching
 * off, a longer interval, fewer kinds, only watched orders, a shorter timeout or fewer retries. For the log.
 */
export function leaseRefusal(effective: WatchSettings, user: WatchSettings, fromWorkspace: readonly string[]): string | undefined {
  if (fromWorkspace.length > 0) return `the workspace sets ${fromWorkspace.map((n) => `telnyxPorting.${n}`).join(', ')}`;
  const narrower: string[] = [];
  if (!effective.enabled && user.enabled) narrower.push(WATCH_SETTING_NAMES.enabled);
  if (effective.intervalSeconds > user.intervalSeconds) narrower.push(WATCH_SETTING_NAMES.intervalSeconds);
  if (user.notify.some((k) => !effective.notify.includes(k))) narrower.push(WATCH_SETTING_NAMES.notify);
  if (effective.watchedOnly && !user.watchedOnly) narrower.push(WATCH_SETTING_NAMES.watchedOnly);
  if (effective.timeoutMs < user.timeoutMs) narrower.push(WATCH_SETTING_NAMES.timeoutMs);
  if (effective.retries < user.retries) narrower.push(WATCH_SETTING_NAMES.retries);
  return narrower.length > 0 ? `this window's ${narrower.map((n) => `telnyxPorting.${n}`).join(', ')} warn of less than the user's settings` : undefined;
}
