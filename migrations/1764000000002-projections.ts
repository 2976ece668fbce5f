import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projection checkpoints: each projection's place in the log, written in the same transaction as its
 * read-model changes (exactly-once effect), and its state: running, or parked on an event it failed on.
 */
export class Projections1764000000002 implements MigrationInterface {
  name = 'Projections1764000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA projections`);
    await db.query(`
      CREATE TABLE projections.checkpoints (
        projection       text PRIMARY KEY,
        transaction_id   xid8 NOT NULL DEFAULT '0',
        global_position  bigint NOT NULL DEFAULT 0,
        events_processed bigint NOT NULL DEFAULT 0,
        state            text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'parked')),
        error            text,
        error_position   bigint,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA projections CASCADE`);
  }
}
