import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';

// PKCS#8 DER of an Ed25519 private key is this prefix and the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The journal's Ed25519 signing key: the PEM file `HIMOTOKI_JOURNAL_KEY` names (PKCS#8, as
 * `openssl genpkey -algorithm ed25519` writes it), so signing can be held apart from the platform secret;
 * otherwise derived from the platform key by HKDF, so it lives exactly as long as that key does (kept in
 * `HIMOTOKI_DATA_DIR` for the embedded default, `HIMOTOKI_SECRET` with PostgreSQL).
 */
export async function loadJournalKey(options: { keyFile?: string; platformKey: Buffer }): Promise<KeyObject> {
  if (options.keyFile) {
    let key: KeyObject;
    try {
      key = createPrivateKey(await readFile(options.keyFile, 'utf8'));
    } catch (error) {
      throw new Error(`HIMOTOKI_JOURNAL_KEY: cannot read a PEM private key from ${options.keyFile}: ${(error as Error).message}`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`HIMOTOKI_JOURNAL_KEY: ${options.keyFile} holds a ${key.asymmetricKeyType} key; the journal signs with Ed25519`);
    return key;
  }
  const seed = Buffer.from(hkdfSync('sha256', options.platformKey, 'himotoki', 'journal ed25519 signing key', 32));
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export const publicKeyPem = (key: KeyObject): string => createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
