import { createHash } from 'node:crypto';

/**
 * A UUID (version 8, "custom") derived from a command id and a purpose: a retried command derives the same
 * event ids and entity ids, which is what makes retries idempotent all the way down to the store.
 */
export function derivedUuid(commandId: string, purpose: string): string {
  const bytes = createHash('sha256').update(`${commandId}\u001f${purpose}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
