// Hands out a TelnyxClient built from the current settings and key, rebuilt when either changes,
// and logs every request (method, path, status, time: never the key). The key and the base URL are read as one
// account's: a switch while the key is read must never pair one account's key with another's server.

import * as vscode from 'vscode';
import { TelnyxClient } from './api/client';
import { TelnyxError } from './api/errors';
import { checkBaseUrl } from './api/validate';
import { readSettings, onSettingsChange } from './config';
import type { KeyStore } from './secrets/keyStore';
import { accountKeyOf } from './accounts/accountState';

/** The account in use: its id (whose key to read) and its API base URL, as configured. */
export interface CurrentAccount {
  id: string;
  baseUrl: string;
}

export class Session implements vscode.Disposable {
  private client: TelnyxClient | undefined;
  /**
   * Bumped by everything that can change which key or server is meant (a switch of account, a key stored or
   * cleared, a base URL or any setting changed): what was read before a bump is not used after it.
   */
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly keys: KeyStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly current: () => CurrentAccount,
  ) {
    const forget = (): void => {
      this.client = undefined;
      this.generation++;
    };
    this.subscriptions = [onSettingsChange(forget), keys.onDidChange(forget)];
  }

  /** The API base URL of the account in use, as configured. */
  baseUrl(): string {
    return this.current().baseUrl;
  }

  /**
   * One account's key and base URL, read together: the account first, then that account's key by its id. If the
   * account in use changed while the key was read, starts over with the one in use now, so a client never pairs
   * a key with another account's server, and one built for a superseded account is never kept.
   */
  private async read(): Promise<{ key: string | undefined; baseUrl: string; generation: number }> {
    for (;;) {
      const generation = this.generation;
      const { id, baseUrl } = this.current();
      const key = await this.keys.get(id);
      if (generation === this.generation) return { key, baseUrl, generation };
    }
  }

  /** The client, or a `config`/`auth` TelnyxError saying why there is none. */
  async get(): Promise<TelnyxClient> {
    if (this.client) return this.client;
    const { key, baseUrl, generation } = await this.read();
    // Another get() may have built one meanwhile (forget() clears it, so for the account in use): keep one client.
    if (this.client) return this.client;
    if (!key) throw new TelnyxError('auth', vscode.l10n.t('No Telnyx API key is set. Run "Telnyx Porting: Set API Key".'));
    const client = this.build(key, baseUrl);
    // Superseded in the moment since the read: consistent still (one account's key and URL), but not kept.
    if (generation === this.generation) this.client = client;
    return client;
  }

  /** The client if one is built already; never builds one (nor asks for the key). */
  peek(): TelnyxClient | undefined {
    return this.client;
  }

  /** Which account stored state belongs to (base URL and a hash of the key); undefined without a key or a usable base URL. */
  async account(): Promise<string | undefined> {
    const { key, baseUrl } = await this.read();
    if (!key) return undefined;
    try {
      return accountKeyOf(checkBaseUrl(baseUrl), key);
    } catch {
      return undefined;
    }
  }

  /** A client for a key that is not stored yet (checking a key before saving it), at the account in use's base URL or another. */
  build(apiKey: string, baseUrl = this.baseUrl()): TelnyxClient {
    const s = readSettings();
    return new TelnyxClient({
      baseUrl: checkBaseUrl(baseUrl),
      apiKey,
      timeoutMs: s.timeoutMs,
      retries: s.retries,
      onRequest: (r) => {
        const size = r.bytes === undefined ? '' : r.bytes >= 1024 ? `, ${Math.round(r.bytes / 1024)} KB` : `, ${r.bytes} B`;
        const line = `${r.method} ${r.path} → ${r.status} (${r.ms} ms${size})`;
        if (typeof r.status === 'number' && r.status < 400) this.log.info(line);
        else this.log.warn(line);
      },
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
