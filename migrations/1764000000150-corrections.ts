import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections (訂正): a parked projection names the event it stopped on (id, type, stream), so that an
 * operator can correct it; each checkpoint keeps how far it has read the corrections, and whether it
 * applied an event before that event's correction (stale: its read model wants a rebuild). The access
 * history gets a line of kind CORRECTION, so that the people concerned see a correction was made.
 */
export class Corrections1764000000150 implements MigrationInterface {
  name = 'Corrections1764000000150';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE projections.checkpoints
        ADD COLUMN error_event_id   uuid,
        ADD COLUMN error_event_type text,
        ADD COLUMN error_stream_id  text,
        ADD COLUMN corrections_read bigint NOT NULL DEFAULT -1,
        ADD COLUMN stale            text`);
    await db.query(`ALTER TABLE access_history.entries DROP CONSTRAINT entries_kind_check`);
    await db.query(`
      ALTER TABLE access_history.entries ADD CONSTRAINT entries_kind_check
        CHECK (kind IN ('PROVISION', 'ACCESS', 'LINK', 'UNLINK', 'AUDIT', 'CORRECTION'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM access_history.entries WHERE kind = 'CORRECTION'`);
    await db.query(`ALTER TABLE access_history.entries DROP CONSTRAINT entries_kind_check`);
    await db.query(`ALTER TABLE access_history.entries ADD CONSTRAINT entries_kind_check CHECK (kind IN ('PROVISION', 'ACCESS', 'LINK', 'UNLINK', 'AUDIT'))`);
    await db.query(`
      ALTER TABLE projections.checkpoints
        DROP COLUMN error_event_id, DROP COLUMN error_event_type, DROP COLUMN error_stream_id, DROP COLUMN corrections_read, DROP COLUMN stale`);
  }
}
