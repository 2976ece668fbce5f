import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The provisions under a non-disclosure flag (不開示), so that a citizen's findings leave out those that would
 * reveal one. Filled from the log as it stands (a provision stays until its flag is released); the findings
 * projection keeps it from there on, and its writes tolerate rows this backfill already holds.
 */
export class FindingsNonDisclosure1764000000040 implements MigrationInterface {
  name = 'FindingsNonDisclosure1764000000040';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE findings.non_disclosed (
        provision_id text PRIMARY KEY,
        event_id     uuid NOT NULL UNIQUE
      )`);
    await db.query(`
      INSERT INTO findings.non_disclosed (provision_id, event_id)
      SELECT p.data->>'provisionId', p.event_id FROM event_store.events p
       WHERE p.event_type = 'InformationProvided' AND (p.data->>'nonDisclosure')::boolean
         AND NOT EXISTS (SELECT 1 FROM event_store.events r WHERE r.event_type = 'NonDisclosureReleased' AND r.data->>'provisionId' = p.data->>'provisionId')
      ON CONFLICT DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE findings.non_disclosed`);
  }
}
