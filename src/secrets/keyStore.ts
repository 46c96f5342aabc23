// The API keys' only home: VS Code's SecretStorage, one entry per account; get/set/clear act on the account in use.
// Also keeps the `telnyxPorting.hasApiKey` context key true to what is stored, in this window and (through
// onDidChange) in every other, and fires when the account in use changes, since that changes the key too.
// What global state keeps for an account is keyed by its key's hash, so the key's changes carry it: a replaced
// key takes it over, a cleared key (an account removed, the demo stopped) takes it away.

import * as vscode from 'vscode';
import { accountKeyOf, forgetAccountState, moveAccountState, type AccountMemento } from '../accounts/accountState';
import type { AccountStore } from '../accounts/accountStore';
import { checkBaseUrl } from '../api/validate';

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
    private readonly state?: AccountMemento,
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
  async set(key: string, accountId = this.accounts.active().id): Promise<void> {
    const old = await this.secrets.get(this.secretId(accountId));
    await this.secrets.store(this.secretId(accountId), key);
    const from = old ? this.stateKeyOf(accountId, old) : undefined;
    const to = this.stateKeyOf(accountId, key);
    if (this.state && from && to) await moveAccountState(this.state, from, to);
    await this.reload();
  }

  /** Deletes the key of the account in use, or of `accountId`. */
  async clear(accountId = this.accounts.active().id): Promise<void> {
    await this.forgetState(accountId);
    await this.secrets.delete(this.secretId(accountId));
    await this.reload();
  }

  /** Forgets what global state keeps for an account as it is now (its key and base URL); how many entries went. */
  async forgetState(accountId: string): Promise<number> {
    const key = await this.secrets.get(this.secretId(accountId));
    const account = key ? this.stateKeyOf(accountId, key) : undefined;
    return this.state && account ? forgetAccountState(this.state, account) : 0;
  }

  private stateKeyOf(accountId: string, key: string): string | undefined {
    const account = this.accounts.list().find((a) => a.id === accountId);
    if (!account) return undefined;
    try {
      return accountKeyOf(checkBaseUrl(this.accounts.baseUrl(account)), key);
    } catch {
      return undefined;
    }
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
