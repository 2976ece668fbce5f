import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal monitor's place, kept so that a start resumes it instead of re-walking the whole tree (at a billion
 * events a year, a walk of days): its walk over new leaves, its sweep over old ones, each with the leaf it reached,
 * the log position and event of the leaf before it (checked on resuming: a place that no longer matches the tree
 * is dropped), and the first mismatch it found, so that a restart does not clear a failed readiness. One row.
 */
export class JournalMonitorPlace1764000001200 implements MigrationInterface {
  name = 'JournalMonitorPlace1764000001200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE journal.monitor_place (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        walk_leaf bigint NOT NULL,
        walk_transaction_id xid8 NOT NULL,
        walk_position bigint NOT NULL,
        walk_event_id uuid,
        sweep_leaf bigint NOT NULL,
        sweep_transaction_id xid8 NOT NULL,
        sweep_position bigint NOT NULL,
        sweep_event_id uuid,
        sweeps bigint NOT NULL,
        walked_position bigint NOT NULL,
        uncommitted_position bigint NOT NULL,
        mismatch jsonb,
        saved_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE journal.monitor_place`);
  }
}
