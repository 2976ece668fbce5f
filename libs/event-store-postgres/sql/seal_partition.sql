-- Makes a partition the log has moved past read-only (see refuse_sealed_write).
CREATE OR REPLACE FUNCTION event_store.seal_partition(p_partition regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER events_sealed BEFORE INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION event_store.refuse_sealed_write()', p_partition);
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM PUBLIC', p_partition);
  UPDATE event_store.partitions SET sealed_at = now() WHERE partition = p_partition;
END $$
