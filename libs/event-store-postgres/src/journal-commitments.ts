import type pg from 'pg';
import type { EventCommitments, RecomputedCommitment } from '#event-store';

/**
 * The journal's commitments, made by the append (migrations/1764000001050) and by the events table's row trigger for
 * other writers: switched off only by a benchmark that measures the append without them, on a database of its own.
 * Both in one transaction (one simple query); the redefined constant reaches every session's next append.
 */
export async function switchJournalCommitments(pool: pg.Pool, on: boolean): Promise<void> {
  await pool.query(`
    CREATE OR REPLACE FUNCTION event_store.journal_commitments_on() RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT ${on} $$;
    ALTER TABLE event_store.events ${on ? 'ENABLE' : 'DISABLE'} TRIGGER events_commit`);
}

/** 約束 — the commitments the events table keeps beside each event, recomputed by the database from the event as stored. */
export class PostgresEventCommitments implements EventCommitments {
  constructor(private readonly pool: pg.Pool) {}

  async recomputed(eventIds: readonly string[]): Promise<Map<string, RecomputedCommitment>> {
    if (eventIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ event_id: string; found: boolean; committed: Buffer | null; recomputed: Buffer | null }>(
      `SELECT event_id, found, committed, recomputed FROM event_store.recomputed_commitments($1::uuid[])`,
      [eventIds],
    );
    return new Map(rows.map((r) => [r.event_id, { eventFound: r.found, committed: r.committed, recomputed: r.recomputed }]));
  }

  async opening(eventId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ opening: string | null }>(`SELECT event_store.commitment_opening($1) AS opening`, [eventId]);
    return rows[0]?.opening ?? null;
  }

  async uncommitted(afterPosition: bigint, limit: number): Promise<{ globalPosition: bigint; eventId: string }[]> {
    const { rows } = await this.pool.query<{ global_position: string; event_id: string }>(`SELECT global_position, event_id FROM event_store.uncommitted_events($1, $2)`, [afterPosition.toString(), limit]);
    return rows.map((r) => ({ globalPosition: BigInt(r.global_position), eventId: r.event_id }));
  }
}
