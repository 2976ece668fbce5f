import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal monitor asks every second for a batch of events' commitments recomputed. The function of migration
 * 600 planned, in every call, a scan of the whole log for ids missing from `event_store.event_keys` (run only when
 * one is missing): its estimated cost grew with the log and passed `jit_above_cost`, so each call was compiled
 * first; and it joined the ids asked to the events found by comparing every pair. Now each id is found through
 * its key (one probe, then the event's partition), and the scan by id runs only for ids so not found (an event
 * inserted with the triggers off, or removed): same rows, same answers.
 */
export class RecomputedCommitmentsByKey1764000000950 implements MigrationInterface {
  name = 'RecomputedCommitmentsByKey1764000000950';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION event_store.recomputed_commitments(p_event_ids uuid[])
      RETURNS TABLE (event_id uuid, found boolean, committed bytea, recomputed bytea) LANGUAGE plpgsql STABLE AS $$
      DECLARE
        keyed integer;
      BEGIN
        RETURN QUERY
          SELECT i.id, true, e.commitment,
                 CASE WHEN e.commitment_salt IS NOT NULL THEN sha256(convert_to(journal.event_opening(e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, e.commitment_salt), 'UTF8')) END
            FROM unnest(p_event_ids) AS i(id)
            JOIN LATERAL (
              SELECT e.* FROM event_store.event_keys k JOIN event_store.events e ON e.global_position = k.global_position AND e.event_id = k.event_id
               WHERE k.event_id = i.id
            ) e ON true;
        GET DIAGNOSTICS keyed = ROW_COUNT;
        IF keyed = coalesce(cardinality(p_event_ids), 0) THEN
          RETURN;
        END IF;
        -- Ids not found through their key: looked for in the whole log by id.
        RETURN QUERY
          SELECT i.id, e.event_id IS NOT NULL, e.commitment,
                 CASE WHEN e.commitment_salt IS NOT NULL THEN sha256(convert_to(journal.event_opening(e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, e.commitment_salt), 'UTF8')) END
            FROM unnest(p_event_ids) AS i(id)
            LEFT JOIN event_store.events e ON e.event_id = i.id
           WHERE NOT EXISTS (
             SELECT 1 FROM event_store.event_keys k JOIN event_store.events f ON f.global_position = k.global_position AND f.event_id = k.event_id
              WHERE k.event_id = i.id
           );
      END
      $$`);
  }

  async down(): Promise<void> {
    throw new Error('the function of migration 600 is not put back: it answers the same, at a cost that grows with the log');
  }
}
