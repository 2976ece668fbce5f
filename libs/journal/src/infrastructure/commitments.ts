import type { StoredEvent } from '#event-store';
import type { SqlTransaction } from '#projections';
import { commitmentLeafHash, eventLeafHash } from '../domain/journal-leaf.js';

/** The commitments made at commit for these events (absent for events of the v1 era). */
export async function committedLeaves(db: SqlTransaction, eventIds: readonly string[]): Promise<Map<string, Buffer>> {
  if (eventIds.length === 0) return new Map();
  const { rows } = await db.query<{ event_id: string; commitment: Buffer }>(`SELECT event_id, commitment FROM journal.commitments WHERE event_id = ANY($1::uuid[])`, [eventIds]);
  return new Map(rows.map((r) => [r.event_id, r.commitment]));
}

/** The leaf the sealer gives an event: from its commitment when it has one, else the v1 leaf of the event. */
export const sealedLeafOf = (event: StoredEvent, commitment: Buffer | undefined): Buffer => (commitment ? commitmentLeafHash(commitment) : eventLeafHash(event));

export interface RecomputedCommitment {
  eventFound: boolean;
  /** The commitment made at commit. */
  committed: Buffer | null;
  /** The same, recomputed now from the event as stored. */
  recomputed: Buffer | null;
}

/** Every commitment of these events recomputed by the database from the events as they are now. */
export async function recomputedCommitments(db: SqlTransaction, eventIds: readonly string[]): Promise<Map<string, RecomputedCommitment>> {
  if (eventIds.length === 0) return new Map();
  const { rows } = await db.query<{ event_id: string; event_found: boolean; committed: Buffer | null; recomputed: Buffer | null }>(
    `SELECT event_id, event_found, committed, recomputed FROM journal.recomputed_commitments($1::uuid[])`,
    [eventIds],
  );
  return new Map(rows.map((r) => [r.event_id, { eventFound: r.event_found, committed: r.committed, recomputed: r.recomputed }]));
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
export async function openingOf(db: SqlTransaction, eventId: string): Promise<string | null> {
  const { rows } = await db.query<{ opening: string | null }>(`SELECT journal.opening_of($1) AS opening`, [eventId]);
  return rows[0]?.opening ?? null;
}

/** Events appended since the commitments began that have none (inserted with the triggers off). */
export async function uncommittedEvents(db: SqlTransaction, afterPosition: bigint, limit: number): Promise<{ globalPosition: bigint; eventId: string }[]> {
  const { rows } = await db.query<{ global_position: string; event_id: string }>(`SELECT global_position, event_id FROM journal.uncommitted_events($1, $2)`, [afterPosition.toString(), limit]);
  return rows.map((r) => ({ globalPosition: BigInt(r.global_position), eventId: r.event_id }));
}
