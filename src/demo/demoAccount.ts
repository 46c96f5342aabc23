// The "Demo" account: the sandbox shipped in the extension, started inside the extension host on a free loopback
// port and added as an account (with the sandbox's public key), so a visitor without a Telnyx account sees orders,
// events, payloads, republish, watching and comments within a minute. Stopping it removes the account again.

import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { KeyStore } from '../secrets/keyStore';
import { startDemoSandbox, type DemoSandbox } from './demoSandbox';
import { checkDemoUrl } from './demoUrl';

export const DEMO_RUNNING_CONTEXT = 'telnyxPorting.demoRunning';
/** A sandbox beside VS Code (`npm run demo`) is in use: Start Demo Sandbox would only start a second one. */
export const DEMO_BESIDE_CONTEXT = 'telnyxPorting.demoBeside';

export class DemoAccount implements vscode.Disposable {
  private sandbox: Promise<DemoSandbox> | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly accounts: AccountStore,
    private readonly keys: KeyStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get running(): boolean {
    return this.sandbox !== undefined;
  }

  /** Starts the sandbox (once) and makes the Demo account the one in use; its base URL, for tests and the log. */
  async start(): Promise<string> {
    this.sandbox ??= startDemoSandbox(this.extensionPath).catch((e: unknown) => {
      this.sandbox = undefined;
      throw e;
    });
    const sandbox = await this.sandbox;
    await this.use(sandbox.apiBaseUrl, sandbox.apiKey);
    await vscode.commands.executeCommand('setContext', DEMO_RUNNING_CONTEXT, true);
    return sandbox.apiBaseUrl;
  }

  /**
   * Uses a sandbox running beside VS Code (`npm run demo` starts one and passes its address in the environment),
   * so the workbench it opens is pointed at it with no key to paste. Only one on this machine: the account is
   * added and used with nothing asked, so an address elsewhere is ignored (and logged). Whether it was used.
   */
  async useExternal(apiBaseUrl: string, apiKey: string): Promise<boolean> {
    const checked = checkDemoUrl(apiBaseUrl);
    if ('problem' in checked) {
      this.log.warn(`TELNYX_PORTING_DEMO_API_URL ignored, no Demo account added: ${checked.problem}.`);
      return false;
    }
    await this.use(checked.url, apiKey);
    await vscode.commands.executeCommand('setContext', DEMO_BESIDE_CONTEXT, true);
    return true;
  }

  /** Stops the sandbox and removes the Demo account; the first account is in use again. */
  async stop(): Promise<void> {
    const running = this.sandbox;
    this.sandbox = undefined;
    await vscode.commands.executeCommand('setContext', DEMO_RUNNING_CONTEXT, false);
    for (const a of this.accounts.list().filter((x) => x.demo)) {
      await this.keys.clear(a.id);
      await this.accounts.remove(a.id);
    }
    if (running) await (await running).stop();
  }

  private async use(apiBaseUrl: string, apiKey: string): Promise<void> {
    const existing = this.accounts.list().find((a) => a.demo);
    if (existing) {
      // The last demo's sandbox is gone; what was kept for it (cursors, ledger, watched orders) goes with it.
      if (existing.baseUrl !== apiBaseUrl) await this.keys.forgetState(existing.id);
      await this.keys.set(apiKey, existing.id);
      await this.accounts.move(existing.id, apiBaseUrl);
      await this.accounts.use(existing.id);
      return;
    }
    const id = this.accounts.newId();
    await this.keys.set(apiKey, id);
    // Stored as the account's name: it is shown in the language of the window that started the demo.
    await this.accounts.add(id, vscode.l10n.t('Demo'), apiBaseUrl, { demo: true });
  }

  dispose(): void {
    // The server dies with the extension host anyway; closing it frees the port at once when only the extension stops.
    void this.sandbox?.then((s) => s.stop());
  }
}
