import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The findings read model (検出事項): findings decided when their events arrive, and the facts the time-based rules
 * are decided from at query time (ties with their cut-off and cut), so that "as of T" needs no wall clock in the
 * projection. The other tables are what the rules look up: datasets' purposes, permitted-provision rows, consents,
 * retirements and each staff code's accesses.
 */
export class Findings1764000000020 implements MigrationInterface {
  name = 'Findings1764000000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA findings`);
    await db.query(`
      CREATE TABLE findings.findings (
        finding_id       text PRIMARY KEY,
        rule             text NOT NULL,
        organization_id  text NOT NULL,
        subject_id       uuid,
        subject_ids      uuid[] NOT NULL,
        staff_code       text,
        occurred_at      timestamptz NOT NULL,
        detected_at      timestamptz NOT NULL,
        last_at          timestamptz NOT NULL,
        event_ids        uuid[] NOT NULL,
        global_positions bigint[] NOT NULL,
        detail           jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX findings_detected_idx ON findings.findings (detected_at DESC, finding_id DESC)`);
    await db.query(`CREATE INDEX findings_organization_idx ON findings.findings (organization_id, detected_at DESC)`);
    await db.query(`CREATE INDEX findings_subjects_idx ON findings.findings USING gin (subject_ids)`);
    await db.query(`CREATE INDEX findings_staff_idx ON findings.findings (rule, organization_id, staff_code, occurred_at) WHERE staff_code IS NOT NULL`);
    await db.query(`
      CREATE TABLE findings.ties (
        link_id             text PRIMARY KEY,
        link_event_id       uuid NOT NULL,
        link_position       bigint NOT NULL,
        organization_id     text NOT NULL,
        staff_code          text NOT NULL,
        subject_id          uuid NOT NULL,
        subject_ids         uuid[] NOT NULL,
        linked_at           timestamptz NOT NULL,
        expected_cut_off_at timestamptz NOT NULL,
        cut_at              timestamptz
      )`);
    await db.query(`CREATE INDEX ties_cut_off_idx ON findings.ties (expected_cut_off_at)`);
    await db.query(`
      CREATE TABLE findings.datasets (
        dataset_id text PRIMARY KEY,
        holder_id  text NOT NULL,
        purpose    text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE findings.permitted_provisions (
        permitted_provision_id text PRIMARY KEY,
        requester_id           text NOT NULL,
        provider_id            text NOT NULL,
        procedure              text NOT NULL,
        items                  text[] NOT NULL
      )`);
    await db.query(`CREATE INDEX permitted_provisions_parties_idx ON findings.permitted_provisions (requester_id, provider_id)`);
    await db.query(`
      CREATE TABLE findings.consents (
        subject_id   uuid NOT NULL,
        consent_id   text NOT NULL,
        granted_at   timestamptz NOT NULL,
        withdrawn_at timestamptz,
        PRIMARY KEY (subject_id, consent_id)
      )`);
    await db.query(`
      CREATE TABLE findings.retirements (
        fingerprint text PRIMARY KEY,
        reason      text NOT NULL,
        retired_at  timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE findings.staff_accesses (
        event_id        uuid PRIMARY KEY,
        global_position bigint NOT NULL,
        organization_id text NOT NULL,
        staff_code      text NOT NULL,
        subject_id      uuid NOT NULL,
        occurred_at     timestamptz NOT NULL,
        denied          boolean NOT NULL
      )`);
    await db.query(`CREATE INDEX staff_accesses_staff_idx ON findings.staff_accesses (organization_id, staff_code, occurred_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA findings CASCADE`);
  }
}
