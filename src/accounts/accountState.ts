// What global state keeps per account, named in one place, so that it goes with the account: removing an
// account, clearing its key or stopping the demo forgets it; replacing a key carries it over to the new one.

import { createHash } from 'node:crypto';

/** The part of vscode.Memento this needs (plain Node, so it is tested without VS Code). */
export interface AccountMemento {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void> | void;
}

/** What identifies an account in stored state: the base URL and a hash of the key, never the key itself. */
export function accountKeyOf(baseUrl: string, apiKey: string): string {
  return createHash('sha256').update(`${baseUrl}\n${createHash('sha256').update(apiKey).digest('hex')}`).digest('hex').slice(0, 16);
}

/** The republish ledger's entry (webhooks/replayLedgers.ts). */
export function ledgerStateKey(account: string): string {
  return `telnyxPorting.replayLedger.${account}`;
}

/** The watched orders' entry (watching/watchedOrders.ts). */
export function watchedStateKey(account: string): string {
  return `telnyxPorting.watched.${account}`;
}

/** The watcher's cursors, lease and notified ids (watch/sharedStore.ts storeKey): everything under this prefix. */
export function watchStatePrefix(account: string): string {
  return `telnyxPorting.watch/${account}/`;
}

/** Every stored key that belongs to `account`. */
export function accountStateKeys(state: AccountMemento, account: string): string[] {
  const exact = new Set([ledgerStateKey(account), watchedStateKey(account)]);
  const prefix = watchStatePrefix(account);
  return state.keys().filter((k) => exact.has(k) || k.startsWith(prefix));
}

/** Forgets all an account kept; how many entries went. */
export async function forgetAccountState(state: AccountMemento, account: string): Promise<number> {
  const keys = accountStateKeys(state, account);
  for (const k of keys) await state.update(k, undefined);
  return keys.length;
}

/**
 * Moves what an account kept to its new identity (its key replaced, or the demo on a new port). What the new
 * identity already has wins: it was written under that key, so it is the newer.
 */
export async function moveAccountState(state: AccountMemento, from: string, to: string): Promise<number> {
  if (from === to) return 0;
  const keys = accountStateKeys(state, from);
  for (const k of keys) {
    const at = k.indexOf(from);
    const moved = k.slice(0, at) + to + k.slice(at + from.length);
    if (state.get(moved) === undefined) await state.update(moved, state.get(k));
    await state.update(k, undefined);
  }
  return keys.length;
}
