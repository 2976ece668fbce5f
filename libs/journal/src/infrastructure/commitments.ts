import type { EventStore, RecomputedCommitment, StoredEvent } from '#event-store';
import type { SqlTransaction } from '#projections';
import { commitmentLeafHash, eventLeafHash } from '../domain/journal-leaf.js';

/** Every commitment of these events recomputed from the events as they are now (none on a store that makes none). */
export async function recomputedCommitments(store: EventStore, eventIds: readonly string[]): Promise<Map<string, RecomputedCommitment>> {
  return store.commitments && eventIds.length > 0 ? store.commitments.recomputed(eventIds) : new Map();
}

/**
 * The leaf an event gives now, and what is wrong with it on its own: a v2 event is hashed from its
 * commitment recomputed from the stored event (so a change made even before sealing shows); an event
 * without a commitment gets its v1 leaf.
 */
export function currentLeafOf(event: StoredEvent, recomputed: RecomputedCommitment | undefined): { hash: Buffer; problem: string | null } {
  if (!recomputed?.committed) return { hash: eventLeafHash(event), problem: null };
  const hash = commitmentLeafHash(recomputed.recomputed!);
  return { hash, problem: recomputed.recomputed!.equals(recomputed.committed) ? null : 'the event differs from the commitment made when it was appended (its content was changed)' };
}

/** The opening of a v2 event (the text its commitment hashes), or null for a v1 event. */
export async function openingOf(store: EventStore, eventId: string): Promise<string | null> {
  return store.commitments ? store.commitments.opening(eventId) : null;
}

/**
 * The first global position appended with commitments, less one: migration 300 writes it once and nothing
 * changes it after, so a reader may keep it for the life of its process.
 */
export async function commitmentStart(db: SqlTransaction): Promise<bigint> {
  const { rows } = await db.query<{ global_position: string }>(`SELECT global_position FROM journal.commitment_start`);
  return BigInt(rows[0]?.global_position ?? '1') - 1n;
}

/** Events appended since the commitments began (after `start`, see `commitmentStart`) that have none: inserted with the triggers off. */
export async function uncommittedEvents(store: EventStore, start: bigint, afterPosition: bigint, limit: number): Promise<{ globalPosition: bigint; eventId: string }[]> {
  if (!store.commitments) return [];
  return store.commitments.uncommitted(afterPosition > start ? afterPosition : start, limit);
}
