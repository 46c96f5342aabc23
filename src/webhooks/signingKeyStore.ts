// The development Ed25519 key pair that signs what is sent to a local handler. The private key lives only in
// SecretStorage, made on first use; the public key is derived from it when asked (Copy Development Public Key).

import type * as vscode from 'vscode';
import { generateDevKeyPair, importPrivateKey, publicKeyOf } from '../api/webhookSigning';
import type { KeyObject } from 'node:crypto';

const SECRET_ID = 'telnyxPorting.devSigningKey';

export class SigningKeyStore {
  private making: Promise<KeyObject> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The private key, made and stored the first time. A stored key that cannot be read is replaced. */
  privateKey(): Promise<KeyObject> {
    this.making ??= this.load().catch((e: unknown) => {
      this.making = undefined;
      throw e;
    });
    return this.making;
  }

  async publicKey(): Promise<string> {
    return publicKeyOf(await this.privateKey());
  }

  private async load(): Promise<KeyObject> {
    const stored = await this.secrets.get(SECRET_ID);
    if (stored) {
      try {
        return importPrivateKey(stored);
      } catch {
        // Unreadable (another version wrote it, or it was edited): a development key is cheap to make again.
      }
    }
    const pair = generateDevKeyPair();
    await this.secrets.store(SECRET_ID, pair.privateKey);
    return importPrivateKey(pair.privateKey);
  }
}
