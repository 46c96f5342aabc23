// The API key's only home: VS Code's SecretStorage. Also keeps the `telnyxPorting.hasApiKey`
// context key true to what is stored, in this window and (through onDidChange) in every other.

import * as vscode from 'vscode';

const SECRET_ID = 'telnyxPorting.apiKey';
export const HAS_KEY_CONTEXT = 'telnyxPorting.hasApiKey';

export class KeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private cached: Promise<string | undefined> | undefined;
  /** The value last given to the context key (the welcome view shows while it is false). */
  hasKeyContext: boolean | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SECRET_ID) void this.reload();
    });
  }

  get(): Promise<string | undefined> {
    const read = this.cached ?? Promise.resolve(this.secrets.get(SECRET_ID)).then((k) => (k && k.length > 0 ? k : undefined));
    this.cached = read;
    return read;
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(SECRET_ID, key);
    await this.reload();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_ID);
    await this.reload();
  }

  /** Reads the store afresh, updates the context key and tells listeners. */
  async reload(): Promise<void> {
    this.cached = undefined;
    await this.syncContext();
    this.changed.fire();
  }

  /** Sets the context key from what is stored; at activation nothing has been loaded yet, so no one is told. */
  async syncContext(): Promise<void> {
    this.hasKeyContext = (await this.get()) !== undefined;
    await vscode.commands.executeCommand('setContext', HAS_KEY_CONTEXT, this.hasKeyContext);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
