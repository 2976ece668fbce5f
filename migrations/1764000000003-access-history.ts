import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access history (情報提供等記録, the Mynaportal view): per subject, every provision, access, tie and cut
 * that touched them, and every auditor's query of them. Indexed for "a subject's history, newest first, one page at a time".
 */
export class AccessHistory1764000000003 implements MigrationInterface {
  name = 'AccessHistory1764000000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA access_history`);
    await db.query(`
      CREATE TABLE access_history.entries (
        subject_id      uuid NOT NULL,
        event_id        uuid NOT NULL,
        global_position bigint NOT NULL,
        kind            text NOT NULL CHECK (kind IN ('PROVISION', 'ACCESS', 'LINK', 'UNLINK', 'AUDIT')),
        occurred_at     timestamptz NOT NULL,
        organization_id text NOT NULL,
        staff_code      text,
        counterparty_id text,
        dataset_ids     text[] NOT NULL,
        items           text[] NOT NULL,
        purpose         text,
        legal_basis     text,
        outcome         text,
        non_disclosure  boolean NOT NULL,
        source_id       text NOT NULL,
        detail          jsonb NOT NULL,
        PRIMARY KEY (subject_id, event_id)
      )`);
    await db.query(`CREATE INDEX entries_subject_newest_idx ON access_history.entries (subject_id, occurred_at DESC, global_position DESC)`);
    await db.query(`CREATE INDEX entries_source_idx ON access_history.entries (source_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA access_history CASCADE`);
  }
}
