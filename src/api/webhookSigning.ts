// Signing as Telnyx signs webhooks (API.md §15; telnyx-node src/lib/webhooks.ts verifies it): Ed25519 over
// the UTF-8 of `${timestamp}|${rawBody}`, the timestamp in Unix seconds. The key pair is a development one the
// extension makes, never the account's: Telnyx keeps its private key, so a handler under test is configured
// with this public key instead.

import * as l10n from '@vscode/l10n';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { TelnyxError } from './errors';

export const SIGNATURE_HEADER = 'telnyx-signature-ed25519';
export const TIMESTAMP_HEADER = 'telnyx-timestamp';

export interface DevKeyPair {
  /** PKCS#8 PEM: what the secret store keeps. */
  privateKey: string;
  /** The raw 32-byte key in base64, the form Mission Control shows and the SDKs' verification takes. */
  publicKey: string;
}

export function generateDevKeyPair(): DevKeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return { privateKey: pem, publicKey: publicKeyOf(privateKey) };
}

/** The base64 public key of a stored private key (PEM, or the bare base64 of its PKCS#8 DER). */
export function publicKeyOf(privateKey: string | KeyObject): string {
  const jwk = createPublicKey(typeof privateKey === 'string' ? importPrivateKey(privateKey) : privateKey).export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
}

export function importPrivateKey(stored: string): KeyObject {
  const text = stored.trim();
  let key: KeyObject;
  try {
    key = text.startsWith('-----BEGIN')
      ? createPrivateKey(text)
      : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new TelnyxError('config', l10n.t('The stored development signing key cannot be read; make a new one.'));
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new TelnyxError(
      'config',
      key.asymmetricKeyType
        ? l10n.t('The stored development signing key is {0}, not Ed25519; make a new one.', key.asymmetricKeyType)
        : l10n.t('The stored development signing key is of an unknown type, not Ed25519; make a new one.'),
    );
  }
  return key;
}

/** The two headers a handler verifies, for exactly this body. `timestamp` is Unix seconds (now by default). */
export function signatureHeaders(rawBody: string, privateKey: string | KeyObject, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const key = typeof privateKey === 'string' ? importPrivateKey(privateKey) : privateKey;
  const ts = String(Math.floor(timestamp));
  const signature = sign(null, Buffer.from(`${ts}|${rawBody}`, 'utf8'), key).toString('base64');
  return { [SIGNATURE_HEADER]: signature, [TIMESTAMP_HEADER]: ts };
}
