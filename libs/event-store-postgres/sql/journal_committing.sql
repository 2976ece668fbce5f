-- Whether the append commits its events now: exactly when the log's fallback commitment trigger (events_commit)
-- would fire for a row of this session (its enabled state and session_replication_role), so that one switch
-- (ALTER TABLE ... ENABLE/DISABLE TRIGGER, or a session with the triggers off) governs the append's own
-- commitments and the trigger's for other writers alike.
CREATE OR REPLACE FUNCTION event_store.journal_committing() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT CASE t.tgenabled WHEN 'A' THEN true WHEN 'D' THEN false WHEN 'R' THEN r.replica ELSE NOT r.replica END
                     FROM pg_trigger t, (SELECT current_setting('session_replication_role') = 'replica' AS replica) r
                    WHERE t.tgrelid = 'event_store.events'::regclass AND t.tgname = 'events_commit'), false)
$$
