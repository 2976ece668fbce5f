-- Sets the size (in events) of the partitions prepared from now on. Partitions prepared beyond the head of the
-- log (empty: positions are taken in order) are dropped and prepared again at the new size; a partition at or
-- below the head keeps its range.
CREATE OR REPLACE FUNCTION event_store.set_partition_size(p_size bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_head  bigint;
  v_ahead regclass;
  v_empty boolean;
BEGIN
  IF p_size IS NULL OR p_size < 1 THEN
    RAISE EXCEPTION 'a partition holds at least one event (asked: %)', p_size USING ERRCODE = '22023';
  END IF;
  LOCK TABLE event_store.events IN SHARE ROW EXCLUSIVE MODE;
  PERFORM pg_advisory_xact_lock(hashtext('event_store.prepare_partitions'));
  SELECT CASE WHEN s.is_called THEN s.last_value ELSE s.last_value - 1 END INTO v_head FROM event_store.global_position s;
  FOR v_ahead IN SELECT p.partition FROM event_store.partitions p WHERE p.lower_position > v_head ORDER BY p.lower_position LOOP
    EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM %s)', v_ahead) INTO v_empty;
    IF NOT v_empty THEN
      RAISE EXCEPTION 'partition % lies beyond the head of the log (%) but holds events: not resized', v_ahead, v_head;
    END IF;
    DELETE FROM event_store.partitions p WHERE p.partition = v_ahead;
    EXECUTE format('DROP TABLE %s', v_ahead);
  END LOOP;
  UPDATE event_store.partitioning SET partition_size = p_size,
    upper_position = coalesce((SELECT max(p.upper_position) FROM event_store.partitions p), v_head + 1);
  PERFORM event_store.prepare_partitions();
END $$
