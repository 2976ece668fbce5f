-- Gives a partition the log's statement triggers (append-only, fail-closed, the journal's commitments, the
-- event keys), each enabled as on the log: PostgreSQL fires a statement trigger only on the table a statement
-- names, so without them a statement naming the partition itself would pass by the log's guarantees. Row
-- triggers need no copy.
CREATE OR REPLACE FUNCTION event_store.guard_partition(p_partition regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_trigger record;
BEGIN
  FOR v_trigger IN
    SELECT t.tgname, t.tgenabled, pg_get_triggerdef(t.oid) AS definition FROM pg_trigger t
     WHERE t.tgrelid = 'event_store.events'::regclass AND NOT t.tgisinternal AND (t.tgtype & 1) = 0
       AND NOT EXISTS (SELECT 1 FROM pg_trigger o WHERE o.tgrelid = p_partition AND o.tgname = t.tgname)
     ORDER BY t.tgname
  LOOP
    EXECUTE replace(v_trigger.definition, ' ON event_store.events ', format(' ON %s ', p_partition));
    EXECUTE format('ALTER TABLE %s %s TRIGGER %I', p_partition,
      CASE v_trigger.tgenabled WHEN 'A' THEN 'ENABLE ALWAYS' WHEN 'R' THEN 'ENABLE REPLICA' WHEN 'D' THEN 'DISABLE' ELSE 'ENABLE' END, v_trigger.tgname);
  END LOOP;
END $$
