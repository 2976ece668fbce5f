import { readFileSync } from 'node:fs';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const adapterSql = (name: string) => readFileSync(new URL(`../libs/event-store-postgres/sql/${name}.sql`, import.meta.url), 'utf8');

/**
 * Each event's commitment is computed by the append itself, in its INSERT, rather than by a row trigger that
 * called plpgsql for every event: same opening, same bytes, same commitment (journal v2), over the position,
 * revision and recorded time the database gives the event.
 *
 * - `event_store.append_to_stream` and `event_store.append_to_streams` take the events' salts from the adapter
 *   (32 random bytes an event, one parameter an append), or draw them themselves; they print the opening's
 *   members common to an append once.
 * - The row trigger `events_commit` stays for any other writer, but fires only for a row inserted without a
 *   commitment (its WHEN is tested without calling the function).
 * - Whether the commitments are on is a constant function (`event_store.journal_commitments_on`) that the append
 *   reads for nothing, which the benchmarks' switch redefines (with the trigger): reading the trigger's state
 *   from the catalog instead cost a single-event append several µs.
 */
export class CommitmentsInTheAppend1764000001050 implements MigrationInterface {
  name = 'CommitmentsInTheAppend1764000001050';

  async up(db: QueryRunner): Promise<void> {
    await db.query(adapterSql('journal_commitments_on'));
    await db.query(`DROP FUNCTION event_store.append_to_stream(text, text, jsonb)`);
    await db.query(adapterSql('append_to_stream.committing'));
    await db.query(`DROP FUNCTION event_store.append_to_streams(jsonb)`);
    await db.query(adapterSql('append_to_streams'));
    await db.query(`DROP TRIGGER IF EXISTS events_commit ON event_store.events`);
    await db.query(`CREATE TRIGGER events_commit BEFORE INSERT ON event_store.events FOR EACH ROW WHEN (NEW.commitment IS NULL) EXECUTE FUNCTION event_store.commit_event()`);
  }

  async down(): Promise<void> {
    throw new Error('the append functions of migrations 001 and 600 are not put back: restore the backup taken before the migration');
  }
}
