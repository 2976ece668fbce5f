import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal's commitments (約束) move beside the events they commit to, and the event store answers for them.
 *
 * - `event_store.events` gains `commitment_salt` and `commitment`, set by a row trigger before each insert, by
 *   any writer (`event_store.commit_event`). The opening and the commitment are those of v2, unchanged
 *   (`journal.event_opening`, SHA-256 of its UTF-8): leaves, tiles, openings and proofs stay as they were.
 *   Kept on the event's own row, a commitment costs no second table, no index of random ids and no transition
 *   table; and whoever reads the event reads its commitment with it (the sealer, without a lookup).
 * - The commitments made so far in `journal.commitments` are copied onto their events (same salt, same
 *   commitment: every opening already served stays the same bytes), the append-only guard lifted for that
 *   statement only; `journal.commitments` and the journal's functions that read `event_store.*` at run time are
 *   dropped. Their work is the event store's now (`event_store.recomputed_commitments`,
 *   `event_store.commitment_opening`, `event_store.uncommitted_events`), called through its adapter only.
 * - `journal_tree.leaves` keeps each v2 leaf's entry (the commitment) beside its hash, so that an entry bundle
 *   is one range read of the sealed tree, like a tile.
 * - The columns and the trigger are declared on `event_store.events` itself, so they hold whether it is a plain
 *   table or a partitioned one (a partition inherits the parent's columns and row triggers).
 */
export class CommitmentsBesideEvents1764000000500 implements MigrationInterface {
  name = 'CommitmentsBesideEvents1764000000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_store.events ADD COLUMN commitment_salt bytea, ADD COLUMN commitment bytea`);
    await db.query(`
      CREATE FUNCTION event_store.commit_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Salt: two random UUIDs' bytes (244 random bits), so that no extension (pgcrypto) is needed.
        NEW.commitment_salt := uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid());
        NEW.commitment := sha256(convert_to(journal.event_opening(NEW.event_id, NEW.stream_id, NEW.stream_revision, NEW.global_position, NEW.event_type, NEW.schema_version, NEW.data, NEW.metadata, NEW.recorded_at, NEW.commitment_salt), 'UTF8'));
        RETURN NEW;
      END $$`);
    // IF EXISTS: a migration that rebuilt the table (as a partitioned one) may not have carried the old trigger over.
    await db.query(`DROP TRIGGER IF EXISTS events_commit ON event_store.events`);
    await db.query(`CREATE TRIGGER events_commit BEFORE INSERT ON event_store.events FOR EACH ROW EXECUTE FUNCTION event_store.commit_event()`);

    // The append-only guard (a statement trigger) is lifted for this one statement, inside the migration's transaction.
    const guarded = (await db.query(`SELECT 1 FROM pg_trigger WHERE tgrelid = 'event_store.events'::regclass AND tgname = 'events_append_only'`)).length > 0;
    if (guarded) await db.query(`ALTER TABLE event_store.events DISABLE TRIGGER events_append_only`);
    await db.query(`UPDATE event_store.events e SET commitment_salt = c.salt, commitment = c.commitment FROM journal.commitments c WHERE c.event_id = e.event_id`);
    if (guarded) await db.query(`ALTER TABLE event_store.events ENABLE TRIGGER events_append_only`);
    // The sealer keeps each leaf's entry (its commitment) beside its hash: an entry bundle is then one range read.
    await db.query(`ALTER TABLE journal_tree.leaves ADD COLUMN entry bytea CHECK (length(entry) = 32)`);
    await db.query(`UPDATE journal_tree.leaves l SET entry = c.commitment FROM journal.commitments c WHERE c.event_id = l.event_id`);
    await db.query(`DROP FUNCTION journal.uncommitted_events(bigint, integer), journal.opening_of(uuid), journal.recomputed_commitments(uuid[]), journal.commit_events()`);
    await db.query(`DROP TABLE journal.commitments`);

    // For the journal's verifier and monitor: each event's commitment as made at append beside the one
    // recomputed now from the event as stored. A row for every id asked; found = false for an id not stored.
    await db.query(`
      CREATE FUNCTION event_store.recomputed_commitments(p_event_ids uuid[])
      RETURNS TABLE (event_id uuid, found boolean, committed bytea, recomputed bytea) LANGUAGE sql STABLE AS $$
        SELECT i.id, e.event_id IS NOT NULL, e.commitment,
               CASE WHEN e.commitment_salt IS NOT NULL THEN sha256(convert_to(journal.event_opening(e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, e.commitment_salt), 'UTF8')) END
          FROM unnest(p_event_ids) AS i(id) LEFT JOIN event_store.events e ON e.event_id = i.id
      $$`);
    // The opening of one event, as served beside its proof (null for an event without a commitment).
    await db.query(`
      CREATE FUNCTION event_store.commitment_opening(p_event_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT journal.event_opening(e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, e.commitment_salt)
          FROM event_store.events e WHERE e.event_id = p_event_id AND e.commitment_salt IS NOT NULL
      $$`);
    // Events after a position without a commitment (inserted with the triggers off).
    await db.query(`
      CREATE FUNCTION event_store.uncommitted_events(p_after bigint, p_limit integer)
      RETURNS TABLE (global_position bigint, event_id uuid) LANGUAGE sql STABLE AS $$
        SELECT e.global_position, e.event_id FROM event_store.events e
         WHERE e.global_position > p_after AND e.commitment IS NULL ORDER BY e.global_position LIMIT p_limit
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    throw new Error('CommitmentsBesideEvents1764000000500 is not reversible: journal.commitments was dropped after its rows moved onto the events');
  }
}
