import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal monitor asks, every cycle, for events without a commitment (inserted with the triggers off): with no
 * index for that, each ask read every partition of the log. A partial index holds only such events, so it stays
 * empty while nothing is wrong and the ask costs the same at any size; the log's partitions, made ahead or later,
 * inherit it.
 */
export class UncommittedEventsIndex1764000000800 implements MigrationInterface {
  name = 'UncommittedEventsIndex1764000000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX events_uncommitted_idx ON event_store.events (global_position) WHERE commitment IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX event_store.events_uncommitted_idx`);
  }
}
