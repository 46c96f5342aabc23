// Hands out a TelnyxClient built from the current settings and key, rebuilt when either changes,
// and logs every request (method, path, status, time: never the key).

import * as vscode from 'vscode';
import { TelnyxClient } from './api/client';
import { TelnyxError } from './api/errors';
import { checkBaseUrl } from './api/validate';
import { readSettings, onSettingsChange } from './config';
import type { KeyStore } from './secrets/keyStore';
import { accountKeyOf } from './watching/watchedOrders';

export class Session implements vscode.Disposable {
  private client: TelnyxClient | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly keys: KeyStore,
    private readonly log: vscode.LogOutputChannel,
    /** The API base URL of the account in use, as configured. */
    readonly baseUrl: () => string,
  ) {
    const forget = (): void => {
      this.client = undefined;
    };
    this.subscriptions = [onSettingsChange(forget), keys.onDidChange(forget)];
  }

  /** The client, or a `config`/`auth` TelnyxError saying why there is none. */
  async get(): Promise<TelnyxClient> {
    if (this.client) return this.client;
    const key = await this.keys.get();
    if (!key) throw new TelnyxError('auth', vscode.l10n.t('No Telnyx API key is set. Run "Telnyx Porting: Set API Key".'));
    this.client = this.build(key);
    return this.client;
  }

  /** The client if one is built already; never builds one (nor asks for the key). */
  peek(): TelnyxClient | undefined {
    return this.client;
  }

  /** Which account stored state belongs to (base URL and a hash of the key); undefined without a key or a usable base URL. */
  async account(): Promise<string | undefined> {
    const key = await this.keys.get();
    if (!key) return undefined;
    try {
      return accountKeyOf(checkBaseUrl(this.baseUrl()), key);
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
