-- A row trigger on a sealed partition: it fires for rows routed there through the log as well as for
-- statements naming the partition, so nothing is written to a partition the log has moved past.
CREATE OR REPLACE FUNCTION event_store.refuse_sealed_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'partition % of event_store.events is sealed (read-only): % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'HM003', HINT = 'new events take new positions, in the newest partition';
END $$
