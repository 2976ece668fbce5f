import type pg from 'pg';

/**
 * The append's journal commitment (a trigger on the events table, migrations/1764000000300): switched off only
 * by a benchmark that measures the append without it, on a database of its own.
 */
export async function switchJournalCommitments(pool: pg.Pool, on: boolean): Promise<void> {
  await pool.query(`ALTER TABLE event_store.events ${on ? 'ENABLE' : 'DISABLE'} TRIGGER events_commit`);
}
