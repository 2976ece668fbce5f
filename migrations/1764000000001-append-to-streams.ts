import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A multi-stream append in one round trip: `append_to_stream` for each element of
 * p_appends = [{streamId, expected, events}], in order, stopping at the first conflict. The caller runs it in
 * a transaction and rolls back on a conflict, so the append is all or nothing.
 */
export class AppendToStreams1764000000001 implements MigrationInterface {
  name = 'AppendToStreams1764000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION event_store.append_to_streams(p_appends jsonb)
      RETURNS TABLE (stream_index integer, outcome text, revision bigint, positions bigint[], conflict_event_id uuid, conflict_reason text)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_append jsonb;
        v_result record;
      BEGIN
        stream_index := 0;
        FOR v_append IN SELECT value FROM jsonb_array_elements(p_appends) LOOP
          SELECT * INTO v_result FROM event_store.append_to_stream(v_append->>'streamId', v_append->>'expected', v_append->'events');
          outcome := v_result.outcome;
          revision := v_result.revision;
          positions := v_result.positions;
          conflict_event_id := v_result.conflict_event_id;
          conflict_reason := v_result.conflict_reason;
          RETURN NEXT;
          EXIT WHEN v_result.outcome IN ('conflict', 'id_conflict');
          stream_index := stream_index + 1;
        END LOOP;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION event_store.append_to_streams(jsonb)`);
  }
}
