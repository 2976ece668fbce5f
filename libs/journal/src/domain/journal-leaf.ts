import { hash } from 'node:crypto';
import type { StoredEvent } from '#event-store';
import { canonicalJson } from './canonical-json.js';
import { leafHash } from './merkle-tree.js';

/**
 * 葉 — what the journal seals of one stored event: the RFC 8785 canonical JSON (UTF-8) of
 *
 *   { eventId, streamId, streamRevision, globalPosition, type, schemaVersion, data, metadata, recordedAt }
 *
 * with the revision and position as decimal strings (JSON numbers lose precision above 2^53) and the
 * recorded time as ISO 8601 UTC to the millisecond. The writing transaction's id is left out: it only orders
 * the log, and the order is sealed by each leaf's place in the tree.
 */
export function journalLeaf(event: StoredEvent): string {
  return canonicalJson({
    eventId: event.id,
    streamId: event.streamId,
    streamRevision: event.revision.toString(),
    globalPosition: event.globalPosition.toString(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  });
}

/** The leaf hash of a stored event: SHA-256(0x00 ‖ journalLeaf(event)). */
export const eventLeafHash = (event: StoredEvent): Buffer => leafHash(journalLeaf(event));

/**
 * 葉 v2 — an event appended since the commitments began: its tile entry is the commitment
 * SHA-256(UTF-8 of its opening) made in the appending transaction, and its leaf hash SHA-256(0x00 ‖ entry).
 * The opening (the event with its salt, as the database serialized it) is given only beside a proof.
 */
export const openingCommitment = (opening: string): Buffer => hash('sha256', opening, 'buffer');
export const commitmentLeafHash = (commitment: Buffer): Buffer => leafHash(commitment);
