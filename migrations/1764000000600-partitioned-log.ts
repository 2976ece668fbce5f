import { readFileSync } from 'node:fs';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events per partition until `event_store.set_partition_size` says otherwise. */
const PARTITION_SIZE = 10_000_000;

/** The adapter's functions, one a file beside it (libs/event-store-postgres/sql, copied into dist by the build). */
const ADAPTER_SQL = ['register_event_keys', 'guard_partition', 'add_partition', 'refuse_sealed_write', 'seal_partition', 'prepare_partitions', 'set_partition_size', 'append_to_stream'];
const adapterSql = (name: string) => readFileSync(new URL(`../libs/event-store-postgres/sql/${name}.sql`, import.meta.url), 'utf8');

/**
 * The log, range-partitioned by global position (PostgreSQL's declarative partitioning, on PGlite as on
 * PostgreSQL): the events are copied, with their positions and transaction ids, into the partitioned table.
 *
 * - A unique index of a partitioned table must contain the partition key, so event ids and (stream, revision)
 *   are kept unique across partitions by `event_store.event_keys`, one unpartitioned table filled by a
 *   statement trigger; the constraints keep their names, so an id stored twice is reported as before.
 * - Positions come from the sequence `event_store.global_position` (PostgreSQL 15 has no identity column on a
 *   partitioned table).
 * - Partitions are prepared ahead by the platform (`event_store.prepare_partitions`, called by the adapter as
 *   the log nears the newest one); those a whole partition behind the head are sealed read-only. Rows beyond
 *   every prepared partition land in the default partition rather than fail.
 * - The log's triggers move to the new table as they were: its statement triggers (append-only, fail-closed) are
 *   given to each partition too; the journal's commitment (a row trigger) reaches every partition by itself.
 * - The event store's look-ups of commitments by event id (migration 500) find events through the keys.
 */
export class PartitionedLog1764000000600 implements MigrationInterface {
  name = 'PartitionedLog1764000000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_store.events RENAME TO events_unpartitioned`);
    for (const name of ['events_pkey', 'events_stream_revision_key', 'events_event_id_key']) {
      await db.query(`ALTER TABLE event_store.events_unpartitioned RENAME CONSTRAINT ${name} TO unpartitioned_${name}`);
    }
    await db.query(`ALTER INDEX event_store.events_log_order_idx RENAME TO unpartitioned_events_log_order_idx`);

    await db.query(`CREATE SEQUENCE event_store.global_position AS bigint`);
    const [{ head }] = await db.query(`SELECT coalesce(greatest(max(global_position), (SELECT CASE WHEN s.is_called THEN s.last_value END FROM event_store.events_global_position_seq s)), 0)::text AS head FROM event_store.events_unpartitioned`);
    await db.query(`SELECT setval('event_store.global_position', greatest($1::bigint, 1), $1::bigint > 0)`, [head]);
    // The columns, defaults and checks of the log as they are; positions from the sequence.
    await db.query(`
      CREATE TABLE event_store.events (
        LIKE event_store.events_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
        CONSTRAINT events_pkey PRIMARY KEY (global_position)
      ) PARTITION BY RANGE (global_position)`);
    await db.query(`ALTER TABLE event_store.events ALTER COLUMN global_position SET DEFAULT nextval('event_store.global_position')`);
    await db.query(`ALTER SEQUENCE event_store.global_position OWNED BY event_store.events.global_position`);
    await db.query(`CREATE INDEX events_log_order_idx ON event_store.events (transaction_id, global_position)`);
    await db.query(`CREATE TABLE event_store.events_default PARTITION OF event_store.events DEFAULT`);
    await db.query(`
      CREATE TABLE event_store.event_keys (
        event_id        uuid CONSTRAINT events_event_id_key PRIMARY KEY,
        stream_id       text NOT NULL,
        stream_revision bigint NOT NULL,
        global_position bigint NOT NULL,
        CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision)
      )`);
    await db.query(`
      CREATE TRIGGER event_keys_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON event_store.event_keys
      FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change()`);
    await db.query(`
      CREATE TABLE event_store.partitioning (
        singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        partition_size bigint NOT NULL CHECK (partition_size > 0),
        upper_position bigint NOT NULL
      )`);
    await db.query(`
      CREATE TABLE event_store.partitions (
        partition      regclass PRIMARY KEY,
        lower_position bigint NOT NULL,
        upper_position bigint NOT NULL,
        sealed_at      timestamptz
      )`);
    for (const name of ADAPTER_SQL) await db.query(adapterSql(name));

    // The stored events, into partitions made for them, before any trigger: they keep their commitments.
    let upper = 1;
    for (; upper <= Number(head); upper += PARTITION_SIZE) await db.query(`SELECT event_store.add_partition($1, $2)`, [upper, upper + PARTITION_SIZE]);
    await db.query(`INSERT INTO event_store.partitioning (partition_size, upper_position) VALUES ($1, $2)`, [PARTITION_SIZE, upper]);
    const columns = 'global_position, transaction_id, stream_id, stream_revision, event_id, event_type, schema_version, data, metadata, recorded_at, commitment_salt, commitment';
    await db.query(`INSERT INTO event_store.events (${columns}) SELECT ${columns} FROM event_store.events_unpartitioned ORDER BY global_position`);
    await db.query(`INSERT INTO event_store.event_keys (event_id, stream_id, stream_revision, global_position) SELECT event_id, stream_id, stream_revision, global_position FROM event_store.events_unpartitioned`);

    const triggers: { definition: string }[] = await db.query(`
      SELECT pg_get_triggerdef(t.oid) AS definition FROM pg_trigger t
       WHERE t.tgrelid = 'event_store.events_unpartitioned'::regclass AND NOT t.tgisinternal ORDER BY t.tgname`);
    for (const { definition } of triggers) await db.query(definition.replace(' ON event_store.events_unpartitioned ', ' ON event_store.events '));
    // The keys stand for unique indexes, which hold whatever session_replication_role says: the trigger fires always.
    await db.query(`
      CREATE TRIGGER events_are_keyed AFTER INSERT ON event_store.events
      REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION event_store.register_event_keys()`);
    await db.query(`ALTER TABLE event_store.events ENABLE ALWAYS TRIGGER events_are_keyed`);
    await db.query(`SELECT event_store.guard_partition(p.partition) FROM event_store.partitions p`);
    await db.query(`SELECT event_store.guard_partition('event_store.events_default')`);
    await db.query(`DROP TABLE event_store.events_unpartitioned`);
    await db.query(`SELECT event_store.prepare_partitions()`);

    // The store finds an event's commitment by id through the keys; only an event inserted with the triggers off
    // (so without keys) is looked for by scanning the log.
    await db.query(`
      CREATE OR REPLACE FUNCTION event_store.recomputed_commitments(p_event_ids uuid[])
      RETURNS TABLE (event_id uuid, found boolean, committed bytea, recomputed bytea) LANGUAGE sql STABLE AS $$
        WITH keyed AS (
          SELECT e.* FROM event_store.event_keys k JOIN event_store.events e ON e.global_position = k.global_position AND e.event_id = k.event_id
           WHERE k.event_id = ANY(p_event_ids)
        ), stored AS (
          SELECT * FROM keyed
          UNION ALL
          SELECT e.* FROM event_store.events e
           WHERE (SELECT count(*) FROM keyed) < (SELECT count(DISTINCT i) FROM unnest(p_event_ids) i)
             AND e.event_id = ANY(p_event_ids) AND e.event_id NOT IN (SELECT k.event_id FROM keyed k)
        )
        SELECT i.id, e.event_id IS NOT NULL, e.commitment,
               CASE WHEN e.commitment_salt IS NOT NULL THEN sha256(convert_to(journal.event_opening(e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, e.commitment_salt), 'UTF8')) END
          FROM unnest(p_event_ids) AS i(id) LEFT JOIN stored e ON e.event_id = i.id
      $$`);
    await db.query(`
      CREATE OR REPLACE FUNCTION event_store.commitment_opening(p_event_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT journal.event_opening(e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, e.commitment_salt)
          FROM event_store.event_keys k JOIN event_store.events e ON e.global_position = k.global_position AND e.event_id = k.event_id
         WHERE k.event_id = p_event_id AND e.commitment_salt IS NOT NULL
      $$`);
  }

  async down(): Promise<void> {
    throw new Error('the partitioned log is not converted back: restore the backup taken before the migration');
  }
}
