import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The registry read model: organizations and datasets as registered. */
export class Registry1764000000004 implements MigrationInterface {
  name = 'Registry1764000000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA registry`);
    await db.query(`
      CREATE TABLE registry.organizations (
        id            text PRIMARY KEY,
        name          text NOT NULL,
        kind          text NOT NULL,
        domains       text[] NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE registry.datasets (
        id            text PRIMARY KEY,
        holder_id     text NOT NULL,
        name          text NOT NULL,
        purpose       text NOT NULL,
        domain        text NOT NULL,
        legal_basis   text,
        keyed_by      text[] NOT NULL,
        basic4_fields text[] NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX datasets_holder_idx ON registry.datasets (holder_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA registry CASCADE`);
  }
}
