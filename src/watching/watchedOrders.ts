// The orders a user watches, per account, in VS Code's global state (never in settings): they sit in a
// "Watched" group at the top of their direction, and a setting can limit notifications to them.

import * as vscode from 'vscode';
import { watchedStateKey } from '../accounts/accountState';
import type { DirectionId } from '../api/directions';

export class WatchedOrders implements vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changes.event;
  private account: string | undefined;

  constructor(private readonly state: vscode.Memento) {}

  /** The account the next reads and writes are for (set when the key or base URL is known). */
  use(account: string | undefined): void {
    if (account === this.account) return;
    this.account = account;
    this.changes.fire();
  }

  ids(dir: DirectionId): string[] {
    return this.all()
      .filter((k) => k.startsWith(`${dir}:`))
      .map((k) => k.slice(dir.length + 1));
  }

  has(dir: DirectionId, id: string): boolean {
    return this.all().includes(`${dir}:${id}`);
  }

  async set(dir: DirectionId, id: string, watched: boolean): Promise<void> {
    if (!this.account) return;
    const key = `${dir}:${id}`;
    const rest = this.all().filter((k) => k !== key);
    await this.state.update(this.storeKey(), watched ? [...rest, key] : rest);
    this.changes.fire();
  }

  private all(): string[] {
    if (!this.account) return [];
    const v = this.state.get<unknown>(this.storeKey());
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  private storeKey(): string {
    return watchedStateKey(this.account ?? '');
  }

  dispose(): void {
    this.changes.dispose();
  }
}
