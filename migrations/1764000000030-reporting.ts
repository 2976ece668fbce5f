import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting read model (who each dataset covers, which My Numbers were retired as leaked) and an index for
 * a period's activity in the access history (a quarter's report reads by kind and time, across subjects).
 */
export class Reporting1764000000030 implements MigrationInterface {
  name = 'Reporting1764000000030';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA reporting`);
    await db.query(`
      CREATE TABLE reporting.dataset_subjects (
        dataset_id        text NOT NULL,
        subject_id        uuid NOT NULL,
        first_recorded_at timestamptz NOT NULL,
        PRIMARY KEY (dataset_id, subject_id)
      )`);
    await db.query(`
      CREATE TABLE reporting.identifier_leaks (
        event_id        uuid PRIMARY KEY,
        global_position bigint NOT NULL,
        subject_id      uuid NOT NULL,
        retired_by      text NOT NULL,
        occurred_at     timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX identifier_leaks_occurred_idx ON reporting.identifier_leaks (occurred_at)`);
    await db.query(`CREATE INDEX entries_kind_occurred_idx ON access_history.entries (kind, occurred_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX access_history.entries_kind_occurred_idx`);
    await db.query(`DROP SCHEMA reporting CASCADE`);
  }
}
