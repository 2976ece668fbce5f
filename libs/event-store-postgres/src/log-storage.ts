import type pg from 'pg';

/** What the log takes on disk: its partitions, the keys that keep ids unique, and the streams, each with its indexes. */
export async function logStorageBytes(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ bytes: string }>(
    `SELECT (SELECT sum(pg_total_relation_size(t.relid)) FROM pg_partition_tree('event_store.events') t)
          + pg_total_relation_size('event_store.event_keys') + pg_total_relation_size('event_store.streams') AS bytes`,
  );
  return Number(rows[0]!.bytes);
}

/**
 * Sets the size of the log's partitions prepared from now on (`event_store.set_partition_size`): those
 * prepared ahead and still empty are prepared again at the new size.
 */
export async function setPartitionSize(pool: pg.Pool, events: number): Promise<void> {
  await pool.query('SELECT event_store.set_partition_size($1)', [events]);
}
