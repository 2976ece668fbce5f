import { createHmac } from 'node:crypto';

/** The unit separator keeps the parts of a fingerprint's input apart: ("ab","c") and ("a","bc") differ. */
const SEPARATOR = '\u001f';

/**
 * Keyed fingerprints (HMAC-SHA-256 with the platform secret). Equal inputs give equal fingerprints, so
 * matching can still be measured; without the key a fingerprint cannot be checked against guesses, which
 * a plain hash of a 12-digit number or a birth date could be in seconds. The domain label separates
 * uses: a fingerprint of a name can never equal one of an identifier.
 */
export class Fingerprinter {
  static readonly MIN_KEY_BYTES = 32;

  constructor(private readonly key: Buffer) {
    if (key.length < Fingerprinter.MIN_KEY_BYTES) {
      throw new Error(`the fingerprint key must be at least ${Fingerprinter.MIN_KEY_BYTES} bytes, got ${key.length}`);
    }
  }

  fingerprint(domain: string, ...parts: string[]): string {
    return createHmac('sha256', this.key).update([domain, ...parts].join(SEPARATOR)).digest('hex');
  }
}
