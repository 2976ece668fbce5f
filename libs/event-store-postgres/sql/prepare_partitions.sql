-- Keeps one whole partition ready beyond the head of the log, and seals every partition that lies a whole
-- partition behind it (by then no append can still be routed there). Returns the position at which to call
-- it again: the start of the newest partition. One caller at a time; a second returns when the first is done.
-- Rows that landed in the default partition in the range about to be prepared (appends that outran this
-- function, or a row inserted by hand) stay there: the new partition begins after them, so attaching it
-- never fails. The default partition is locked before it is looked at, so that no such row arrives unseen
-- (attaching would lock it anyway); sealing comes first, so that an append waiting for the default
-- partition never holds a partition this function waits for.
CREATE OR REPLACE FUNCTION event_store.prepare_partitions() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_size  bigint;
  v_upper bigint;
  v_head  bigint;
  v_lower bigint;
  v_old   regclass;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('event_store.prepare_partitions'));
  SELECT p.partition_size, p.upper_position INTO v_size, v_upper FROM event_store.partitioning p FOR UPDATE;
  SELECT CASE WHEN s.is_called THEN s.last_value ELSE s.last_value - 1 END INTO v_head FROM event_store.global_position s;
  FOR v_old IN SELECT p.partition FROM event_store.partitions p WHERE p.sealed_at IS NULL AND p.upper_position <= v_head - v_size + 1 ORDER BY p.lower_position LOOP
    PERFORM event_store.seal_partition(v_old);
  END LOOP;
  IF v_upper <= v_head + v_size THEN
    LOCK TABLE event_store.events_default IN ACCESS EXCLUSIVE MODE;
  END IF;
  WHILE v_upper <= v_head + v_size LOOP
    SELECT coalesce(max(d.global_position) + 1, v_upper) INTO v_lower FROM event_store.events_default d
     WHERE d.global_position >= v_upper AND d.global_position < v_upper + v_size;
    v_upper := v_lower + v_size;
    PERFORM event_store.add_partition(v_lower, v_upper);
  END LOOP;
  UPDATE event_store.partitioning SET upper_position = v_upper;
  RETURN v_upper - v_size;
END $$
