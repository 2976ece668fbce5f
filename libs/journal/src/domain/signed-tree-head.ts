import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The log a head speaks for: part of every signed message, so a head of another format cannot pass for one. */
export const JOURNAL_LOG_ID = 'himotoki-journal/v1';

/** 署名付きツリーヘッド — a tree head: the journal's size and root at a moment, signed with Ed25519. */
export interface SignedTreeHead {
  treeSize: number;
  rootHash: Buffer;
  timestamp: Date;
  /** SHA-256 of the signing key's public half (DER SubjectPublicKeyInfo), hex. */
  keyId: string;
  signature: Buffer;
}

/**
 * The bytes signed: the canonical JSON (RFC 8785) of
 * {"log":"himotoki-journal/v1","rootHash":"<hex>","timestamp":"<ISO 8601 UTC, ms>","treeSize":<n>}.
 * Text rather than RFC 6962's binary struct, so an outsider can rebuild it with printf.
 */
export function treeHeadMessage(head: Pick<SignedTreeHead, 'treeSize' | 'rootHash' | 'timestamp'>): Buffer {
  return Buffer.from(canonicalJson({ log: JOURNAL_LOG_ID, rootHash: head.rootHash.toString('hex'), timestamp: head.timestamp.toISOString(), treeSize: head.treeSize }), 'utf8');
}

/** The id of a public key: SHA-256 of its DER SubjectPublicKeyInfo, hex (as `openssl pkey -pubin -outform DER | sha256sum`). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function signTreeHead(privateKey: KeyObject, treeSize: number, rootHash: Buffer, timestamp: Date): SignedTreeHead {
  // The message carries milliseconds; a head stored and read back must say exactly what was signed.
  const at = new Date(timestamp.getTime());
  return { treeSize, rootHash, timestamp: at, keyId: keyIdOf(createPublicKey(privateKey)), signature: sign(null, treeHeadMessage({ treeSize, rootHash, timestamp: at }), privateKey) };
}

/** Whether the head was signed by this key (its id and its Ed25519 signature). */
export function verifyTreeHead(head: SignedTreeHead, publicKey: KeyObject): boolean {
  return head.keyId === keyIdOf(publicKey) && verify(null, treeHeadMessage(head), publicKey, head.signature);
}
