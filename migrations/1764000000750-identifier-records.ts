import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which records hold each identifier, one row a pair, for "the records sharing an identifier with a subject's".
 * The GIN index over `linkage.records.identifiers` answered it, but a prepared statement cannot tell the planner
 * the fingerprints, so it estimated a fixed share of the whole table per lookup: a cost growing with the log while
 * the rows found did not (and, past a bound, compiled every execution with JIT). A B-tree on the fingerprint is
 * estimated from its distinct values: a few rows, whatever the table's size. Filled here from the records stored.
 */
export class IdentifierRecords1764000000750 implements MigrationInterface {
  name = 'IdentifierRecords1764000000750';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE linkage.identifier_records (
        fingerprint text NOT NULL,
        record_id   text NOT NULL,
        PRIMARY KEY (fingerprint, record_id)
      )`);
    await db.query(`INSERT INTO linkage.identifier_records SELECT DISTINCT f, r.record_id FROM linkage.records r, unnest(r.identifiers) f`);
    await db.query(`ANALYZE linkage.identifier_records`);
    // Nothing reads the array's index any more; every record written would still update it.
    await db.query(`DROP INDEX IF EXISTS linkage.records_identifiers_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX records_identifiers_idx ON linkage.records USING gin (identifiers) WITH (fastupdate = off)`);
    await db.query(`DROP TABLE linkage.identifier_records`);
  }
}
