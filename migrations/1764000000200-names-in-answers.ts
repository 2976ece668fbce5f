import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Names and facts in answers: an access-history line names the tie (紐付け) it made or cut and, for an
 * auditor's query, its purpose in English beside the Japanese; the registry keeps which organizations dealt
 * with which (its counterparties). Both read models are emptied and their checkpoints removed, so that the
 * projector rebuilds them from the log and lines of old events get the new facts too.
 */
export class NamesInAnswers1764000000200 implements MigrationInterface {
  name = 'NamesInAnswers1764000000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_history.entries ADD COLUMN tie_id text, ADD COLUMN purpose_en text`);
    await db.query(`
      CREATE TABLE registry.counterparties (
        organization_id text NOT NULL,
        counterparty_id text NOT NULL,
        PRIMARY KEY (organization_id, counterparty_id)
      )`);
    await db.query(`TRUNCATE access_history.entries, registry.organizations, registry.datasets`);
    await db.query(`DELETE FROM projections.checkpoints WHERE projection IN ('access-history', 'registry')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE registry.counterparties`);
    await db.query(`ALTER TABLE access_history.entries DROP COLUMN tie_id, DROP COLUMN purpose_en`);
  }
}
