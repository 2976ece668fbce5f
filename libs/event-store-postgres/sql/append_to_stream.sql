-- History: the append as migration 1764000000600 created it, loaded by that migration and so kept as it was.
-- Migration 1764000001050 replaced it with append_to_stream.committing.sql, the append that runs now: change that one.
-- One round trip per append. p_expected: 'any' | 'no_stream' | 'stream_exists' | a revision in decimal.
-- p_events: a JSON array of {id, type, schemaVersion, data, metadata}.
-- Outcomes: 'appended'; 'duplicate' (an idempotent retry, nothing written); 'conflict' (wrong expected
-- revision; revision = actual, -1 for no stream); 'id_conflict' (an id stored with other content or place).
-- A retry resends its whole append, so probing the first id finds it; any other stored id trips the unique
-- index of event_store.event_keys (the statement trigger register_event_keys), which the adapter reports.
-- Stored events are found by id through event_store.event_keys, which holds every event's id and position
-- in one index, whichever partition the event lies in.
CREATE OR REPLACE FUNCTION event_store.append_to_stream(p_stream_id text, p_expected text, p_events jsonb)
RETURNS TABLE (outcome text, revision bigint, positions bigint[], conflict_event_id uuid, conflict_reason text)
LANGUAGE plpgsql AS $$
DECLARE
  v_count   integer := jsonb_array_length(p_events);
  -- The cast stays outside the CASE: PostgreSQL may fold a constant branch before testing its condition.
  v_exact   bigint := (CASE WHEN p_expected ~ '^[0-9]+$' THEN p_expected END)::bigint;
  v_current bigint;
  v_claimed boolean := false;
  v_first   bigint;
  v_bad     record;
BEGIN
  SELECT k.stream_revision INTO v_first FROM event_store.event_keys k WHERE k.event_id = (p_events->0->>'id')::uuid;
  IF FOUND THEN
    -- A retry: every id stored, in this stream, consecutively, with the same content.
    SELECT p.id, CASE
             WHEN e.event_id IS NULL THEN 'together with events that are not: retry the original append whole'
             WHEN e.stream_id <> p_stream_id THEN format('in stream "%s"', e.stream_id)
             WHEN e.stream_revision <> v_first + p.ord - 1 THEN format('at revision %s, out of this append''s order', e.stream_revision)
             ELSE 'with different content (type, schema version, data or metadata)'
           END AS reason
      INTO v_bad
      FROM (SELECT (x->>'id')::uuid AS id, x, ord FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(x, ord)) p
      LEFT JOIN LATERAL (
        SELECT e.* FROM event_store.event_keys k JOIN event_store.events e ON e.global_position = k.global_position
         WHERE k.event_id = p.id
      ) e ON true
     WHERE e.event_id IS NULL
        OR e.stream_id <> p_stream_id
        OR e.stream_revision <> v_first + p.ord - 1
        OR e.event_type <> p.x->>'type'
        OR e.schema_version <> (p.x->>'schemaVersion')::integer
        OR e.data <> p.x->'data'
        OR e.metadata <> p.x->'metadata'
     ORDER BY p.ord LIMIT 1;
    IF FOUND THEN
      RETURN QUERY SELECT 'id_conflict'::text, NULL::bigint, NULL::bigint[], v_bad.id, v_bad.reason;
    ELSIF (p_expected = 'no_stream' AND v_first <> 0) OR v_first <> coalesce(v_exact + 1, v_first) THEN
      RETURN QUERY SELECT 'id_conflict'::text, NULL::bigint, NULL::bigint[], (p_events->0->>'id')::uuid,
        format('at revision %s of "%s", not where expected revision %s places it', v_first, p_stream_id, p_expected);
    ELSE
      RETURN QUERY
        SELECT 'duplicate'::text, v_first + v_count - 1, array_agg(k.global_position ORDER BY k.stream_revision), NULL::uuid, NULL::text
          FROM event_store.event_keys k
         WHERE k.stream_id = p_stream_id AND k.stream_revision BETWEEN v_first AND v_first + v_count - 1;
    END IF;
    RETURN;
  END IF;

  -- Lock the stream's row: appends to one stream queue here, so the revision check below is exact.
  SELECT s.revision INTO v_current FROM event_store.streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
  IF NOT FOUND THEN
    v_current := -1;
    IF p_expected IN ('any', 'no_stream') THEN
      INSERT INTO event_store.streams (stream_id, revision) VALUES (p_stream_id, v_count - 1)
        ON CONFLICT (stream_id) DO NOTHING;
      v_claimed := FOUND;
      IF NOT v_claimed THEN -- a concurrent writer created the stream first
        SELECT s.revision INTO v_current FROM event_store.streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
      END IF;
    END IF;
  END IF;

  IF (p_expected = 'no_stream' AND v_current <> -1)
     OR (p_expected = 'stream_exists' AND v_current = -1)
     OR v_current <> coalesce(v_exact, v_current) THEN
    RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint[], NULL::uuid, NULL::text;
    RETURN;
  END IF;
  IF NOT v_claimed THEN
    UPDATE event_store.streams SET revision = v_current + v_count WHERE stream_id = p_stream_id;
  END IF;

  RETURN QUERY
    WITH inserted AS (
      INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata)
      SELECT p_stream_id, v_current + p.ord, (p.x->>'id')::uuid, p.x->>'type', (p.x->>'schemaVersion')::integer,
             p.x->'data', p.x->'metadata'
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS p(x, ord)
       ORDER BY p.ord
      RETURNING global_position, stream_revision
    )
    SELECT 'appended'::text, v_current + v_count, array_agg(global_position ORDER BY stream_revision), NULL::uuid, NULL::text
      FROM inserted;
  -- Wakes live subscribers when this transaction commits (one notification per transaction).
  PERFORM pg_notify('event_store_appended', '');
END $$
