-- Adds the partition [p_lower, p_upper) of the log, guarded like the log. Created apart and attached, so that
-- appends and reads go on meanwhile: ATTACH PARTITION takes SHARE UPDATE EXCLUSIVE on the log (where
-- CREATE TABLE ... PARTITION OF would take ACCESS EXCLUSIVE), and its CHECK spares the validating scan.
CREATE OR REPLACE FUNCTION event_store.add_partition(p_lower bigint, p_upper bigint) RETURNS regclass LANGUAGE plpgsql AS $$
DECLARE
  v_name text := format('events_%s', lpad(p_lower::text, 19, '0'));
  v_partition regclass;
BEGIN
  EXECUTE format('CREATE TABLE event_store.%I (LIKE event_store.events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name);
  v_partition := format('event_store.%I', v_name)::regclass;
  EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (global_position >= %s AND global_position < %s)', v_partition, v_name || '_range', p_lower, p_upper);
  EXECUTE format('ALTER TABLE event_store.events ATTACH PARTITION %s FOR VALUES FROM (%s) TO (%s)', v_partition, p_lower, p_upper);
  PERFORM event_store.guard_partition(v_partition);
  INSERT INTO event_store.partitions (partition, lower_position, upper_position) VALUES (v_partition, p_lower, p_upper);
  RETURN v_partition;
END $$
