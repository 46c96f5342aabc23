// The API keys' only home: VS Code's SecretStorage, one entry per account; get/set/clear act on the account in use.
// Also keeps the `telnyxPorting.hasApiKey` context key true to what is stored, in this window and (through
// onDidChange) in every other, and fires when the account in use changes, since that changes the key too.

import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';

export const HAS_KEY_CONTEXT = 'telnyxPorting.hasApiKey';

export class KeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The last read, with the account it was of: while a switch is under way the account in use is already another. */
  private cached: { id: string; read: Promise<string | undefined> } | undefined;
  /** The value last given to the context key (the welcome view shows while it is false). */
  hasKeyContext: boolean | undefined;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly accounts: AccountStore,
  ) {
    this.subscriptions = [
      secrets.onDidChange((e) => {
        if (e.key === this.secretId()) void this.reload();
      }),
      accounts.onDidChange(() => void this.reload()),
    ];
  }

  private secretId(id = this.accounts.active().id): string {
    return this.accounts.secretId(id);
  }

  /** The key of the account in use, or of `accountId`. */
  get(accountId = this.accounts.active().id): Promise<string | undefined> {
    if (this.cached?.id === accountId) return this.cached.read;
    const read = Promise.resolve(this.secrets.get(this.secretId(accountId))).then((k) => (k && k.length > 0 ? k : undefined));
    // Only the account in use is cached: a change to its secret in another window is what reloads it.
    if (accountId === this.accounts.active().id) this.cached = { id: accountId, read };
    return read;
  }

  /** Stores the key of the account in use, or of `accountId`. */
  async set(key: string, accountId?: string): Promise<void> {
    await this.secrets.store(this.secretId(accountId), key);
    await this.reload();
  }

  /** Deletes the key of the account in use, or of `accountId`. */
  async clear(accountId?: string): Promise<void> {
    await this.secrets.delete(this.secretId(accountId));
    await this.reload();
  }

  /** Whether an account has a key stored (for the account picker). */
  async has(accountId: string): Promise<boolean> {
    return !!(await this.secrets.get(this.secretId(accountId)));
  }

  /**
   * Reads the store afresh and tells listeners at once, in the same turn as the change that caused it (a switch of
   * account included), so nothing reads with the old key after a command that changed it returns; then updates
   * the context key.
   */
  async reload(): Promise<void> {
    this.cached = undefined;
    this.changed.fire();
    await this.syncContext();
  }

  /** Sets the context key from what is stored; at activation nothing has been loaded yet, so no one is told. */
  async syncContext(): Promise<void> {
    this.hasKeyContext = (await this.get()) !== undefined;
    await vscode.commands.executeCommand('setContext', HAS_KEY_CONTEXT, this.hasKeyContext);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}
