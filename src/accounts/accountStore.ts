// The named Telnyx accounts (e.g. "Production" and "Sandbox" side by side): their names and API base URLs in
// global state, which one is in use, and where each one's key sits in SecretStorage (one entry per account; the
// key itself is never here). The first account is the single key users had before accounts existed: it keeps
// that key's SecretStorage entry and follows the telnyxPorting.apiBaseUrl setting, so nobody is asked again.

import * as vscode from 'vscode';
import { readSettings } from '../config';

export interface Account {
  readonly id: string;
  readonly name: string;
  /** Where its API is; undefined for the first account, which follows the telnyxPorting.apiBaseUrl setting. */
  readonly baseUrl?: string;
  /** Made by Start Demo Sandbox: removed again when the demo stops. */
  readonly demo?: boolean;
}

/** The first account's id; its key keeps the SecretStorage entry of the single key it replaces. */
export const FIRST_ACCOUNT = 'default';
const LIST_KEY = 'telnyxPorting.accounts';
const ACTIVE_KEY = 'telnyxPorting.activeAccount';
export const MULTIPLE_CONTEXT = 'telnyxPorting.hasAccounts';

export class AccountStore implements vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<void>();
  /** The account in use changed, or its name or base URL. */
  readonly onDidChange = this.changes.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): Account[] {
    const v = this.state.get<unknown>(LIST_KEY);
    const stored = Array.isArray(v) ? v.filter((a): a is Account => typeof a === 'object' && a !== null && typeof (a as Account).id === 'string' && typeof (a as Account).name === 'string') : [];
    // Before accounts existed there was one key: it is the first account, present even when nothing is stored.
    return stored.some((a) => a.id === FIRST_ACCOUNT) ? stored : [{ id: FIRST_ACCOUNT, name: 'Telnyx' }, ...stored];
  }

  active(): Account {
    const id = this.state.get<string>(ACTIVE_KEY);
    const all = this.list();
    return all.find((a) => a.id === id) ?? all[0]!;
  }

  /** The active account's API base URL, as configured (checked by the client). */
  baseUrl(account = this.active()): string {
    return account.baseUrl ?? readSettings().apiBaseUrl;
  }

  /** Where an account's key is in SecretStorage. */
  secretId(id: string): string {
    return id === FIRST_ACCOUNT ? 'telnyxPorting.apiKey' : `telnyxPorting.apiKey.${id}`;
  }

  /** An id for an account about to be added: its key is stored under it first, so the account never shows keyless. */
  newId(): string {
    return `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  }

  /** Adds an account and makes it the one in use. */
  async add(id: string, name: string, baseUrl: string, opts: { demo?: boolean } = {}): Promise<Account> {
    const account: Account = { id, name, baseUrl, ...(opts.demo ? { demo: true } : {}) };
    await this.save([...this.list(), account]);
    await this.use(account.id);
    return account;
  }

  async rename(id: string, name: string): Promise<void> {
    await this.save(this.list().map((a) => (a.id === id ? { ...a, name } : a)));
    this.changes.fire();
  }

  /** Points an account at another base URL (the demo sandbox listens on a new port each time it starts). */
  async move(id: string, baseUrl: string): Promise<void> {
    await this.save(this.list().map((a) => (a.id === id ? { ...a, baseUrl } : a)));
    if (this.active().id === id) this.changes.fire();
  }

  /** Forgets an account (the caller deletes its key); the first account stays, only its key can go. */
  async remove(id: string): Promise<void> {
    const wasActive = this.active().id === id;
    await this.save(this.list().filter((a) => a.id !== id || id === FIRST_ACCOUNT));
    if (wasActive) await this.use(FIRST_ACCOUNT);
  }

  async use(id: string): Promise<void> {
    if (!this.list().some((a) => a.id === id)) return;
    await this.state.update(ACTIVE_KEY, id);
    this.changes.fire();
  }

  /** Sets the context key the view title's account menu depends on. */
  async syncContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', MULTIPLE_CONTEXT, this.list().length > 1);
  }

  private async save(list: Account[]): Promise<void> {
    await this.state.update(LIST_KEY, list);
    await this.syncContext();
  }

  dispose(): void {
    this.changes.dispose();
  }
}
