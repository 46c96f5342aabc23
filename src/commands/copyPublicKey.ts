// Copy Development Public Key: the base64 Ed25519 public key a handler under test verifies signatures with
// (in place of the account's Telnyx public key). The private half never leaves SecretStorage.

import * as vscode from 'vscode';
import type { ToolServices } from '../tools/toolServices';

/** The handler of telnyxPorting.copyPublicKey (registered lazily: src/tools/lazyTools.ts). */
export function copyPublicKey(s: ToolServices) {
  return async (): Promise<string> => {
    const key = await s.signingKeys.publicKey();
    await vscode.env.clipboard.writeText(key);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(key) Development public key copied: configure your handler with it to verify what the extension sends.'), 5000);
    return key;
  };
}
