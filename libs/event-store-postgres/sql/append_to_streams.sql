-- A multi-stream append in one round trip: event_store.append_to_stream for each element of
-- p_appends = [{streamId, expected, events}], in order, stopping at the first conflict. The caller runs it in
-- a transaction and rolls back on a conflict, so the append is all or nothing.
-- p_salts: every event's commitment salt, 32 random bytes an event in the order of p_appends (the adapter's),
-- each stream given its own slice; null leaves each to the database.
CREATE OR REPLACE FUNCTION event_store.append_to_streams(p_appends jsonb, p_salts bytea DEFAULT NULL)
RETURNS TABLE (stream_index integer, outcome text, revision bigint, positions bigint[], conflict_event_id uuid, conflict_reason text)
LANGUAGE plpgsql AS $$
DECLARE
  v_append jsonb;
  v_result record;
  v_count integer;
  v_salted integer := 0;
BEGIN
  stream_index := 0;
  FOR v_append IN SELECT value FROM jsonb_array_elements(p_appends) LOOP
    v_count := jsonb_array_length(v_append->'events');
    SELECT * INTO v_result FROM event_store.append_to_stream(v_append->>'streamId', v_append->>'expected', v_append->'events',
      substring(p_salts FROM 32 * v_salted + 1 FOR 32 * v_count));
    v_salted := v_salted + v_count;
    outcome := v_result.outcome;
    revision := v_result.revision;
    positions := v_result.positions;
    conflict_event_id := v_result.conflict_event_id;
    conflict_reason := v_result.conflict_reason;
    RETURN NEXT;
    EXIT WHEN v_result.outcome IN ('conflict', 'id_conflict');
    stream_index := stream_index + 1;
  END LOOP;
END $$
