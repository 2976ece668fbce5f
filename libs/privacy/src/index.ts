export { Fingerprinter } from './fingerprinter.js';
export { loadFingerprintKey, type FingerprintKeyOptions } from './fingerprint-key.js';

/** Injection token of the platform's Fingerprinter. */
export const FINGERPRINTER = Symbol('Fingerprinter');
