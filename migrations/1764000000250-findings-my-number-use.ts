import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts MY_NUMBER_OUTSIDE_PERMITTED_USE is decided from: each organization's kind and domains, each dataset's domain and the
 * identifier kinds it is keyed by, and which fingerprints are My Numbers. The findings read model is emptied and its
 * checkpoint set back to the start, so the runner rebuilds it from the log with the new rule (and with a
 * PROVISION_NOT_PERMITTED finding for the provider as well as the requester).
 */
export class FindingsMyNumberUse1764000000250 implements MigrationInterface {
  name = 'FindingsMyNumberUse1764000000250';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE findings.organizations (
        organization_id text PRIMARY KEY,
        kind            text NOT NULL,
        domains         text[] NOT NULL
      )`);
    await db.query(`CREATE TABLE findings.my_numbers (fingerprint text PRIMARY KEY)`);
    await db.query(`ALTER TABLE findings.datasets ADD COLUMN domain text, ADD COLUMN keyed_by text[]`);
    await db.query(`TRUNCATE findings.findings, findings.ties, findings.datasets, findings.permitted_provisions, findings.consents, findings.retirements, findings.staff_accesses`);
    await db.query(`UPDATE projections.checkpoints SET transaction_id = '0', global_position = 0, events_processed = 0, state = 'running', error = NULL, error_position = NULL WHERE projection = 'findings'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE findings.organizations, findings.my_numbers`);
    await db.query(`ALTER TABLE findings.datasets DROP COLUMN domain, DROP COLUMN keyed_by`);
  }
}
