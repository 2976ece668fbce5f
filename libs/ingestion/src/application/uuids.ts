import { createHash, randomFillSync } from 'node:crypto';
import { uuidFromBytes } from '#event-store';

/**
 * A UUID (version 8, "custom") derived from a command id and a purpose: a retried command derives the same
 * event ids and entity ids, which is what makes retries idempotent all the way down to the store.
 */
export function derivedUuid(commandId: string, purpose: string): string {
  return uuidText(createHash('sha256').update(`${commandId}\u001f${purpose}`).digest().subarray(0, 16), 0x80);
}

const entropy = Buffer.alloc(16);

/**
 * A UUID version 7 (RFC 9562): the millisecond first, then random bits. For ids minted in bulk by the server
 * itself (an audit record per auditor query): each lands at the right edge of the indexes that hold it (the
 * log's event id, the journal's leaf, the access history's source), where a random one dirtied a random page of
 * each, written whole to the WAL after every checkpoint (paired: full-page images per auditor query 0.52–3.18 →
 * 0.51–0.71).
 */
export function timeOrderedUuid(now = Date.now()): string {
  randomFillSync(entropy, 6, 10);
  entropy.writeUIntBE(now, 0, 6);
  return uuidText(entropy, 0x70);
}

/** The 16 bytes with `version` in the high nibble of byte 6 and the RFC 9562 variant in byte 8, as text. */
function uuidText(bytes: Buffer, version: number): string {
  bytes[6] = (bytes[6]! & 0x0f) | version;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return uuidFromBytes(bytes);
}
