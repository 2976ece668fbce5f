-- A statement trigger on the log and on each of its partitions: registers every inserted event's id and
-- (stream, revision) in event_store.event_keys, one unpartitioned table whose unique indexes keep both unique
-- across every partition (a unique index of a partitioned table must contain its partition key, and so could
-- only say "unique within a partition").
CREATE OR REPLACE FUNCTION event_store.register_event_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_store.event_keys (event_id, stream_id, stream_revision, global_position)
  SELECT n.event_id, n.stream_id, n.stream_revision, n.global_position FROM new_events n;
  RETURN NULL;
END $$
