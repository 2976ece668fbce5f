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
