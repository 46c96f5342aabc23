// Where watching keeps what it must remember between ticks and share between windows: the shape of VS Code's
// Memento (`context.globalState` passes as it is), so this folder stays plain Node. Values must survive JSON.
//
// globalState is shared by every window of a profile, but it is not a transaction: a window reads what it last
// heard of the others' writes, and two windows writing at once both succeed, the later one winning. Watching
// is built for that (see leader.ts): a lost race costs at most one tick of two windows polling, and the shared
// "notified" record keeps the notifications themselves from doubling in all but a same-instant race.

import { watchStatePrefix } from '../accounts/accountState';

export interface SharedStore {
  get<T>(key: string): T | undefined;
  /** `undefined` removes the key. */
  update(key: string, value: unknown): PromiseLike<void> | void;
}

/** A SharedStore in memory, for tests and the bench; values are copied through JSON, as VS Code stores them. */
export class MemoryStore implements SharedStore {
  private readonly values = new Map<string, string>();
  /** Writes made, for tests. */
  writes = 0;

  get<T>(key: string): T | undefined {
    const text = this.values.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  update(key: string, value: unknown): Promise<void> {
    this.writes++;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  keys(): string[] {
    return [...this.values.keys()];
  }
}

/** The key of one record of one account: the account key is the caller's (a hash, never the API key itself). */
export function storeKey(accountKey: string, ...parts: string[]): string {
  return watchStatePrefix(accountKey) + parts.join('/');
}
