import type pg from 'pg';
import type { EventToAppend, JsonObject } from '#event-store';
import type { EventRow } from '../postgres-event-store.js';

/** The table that holds the log, as a scan of every table names it. */
export const LOG_TABLE = 'event_store.events';

/** A row of the log as stored, every column, read past the readers' horizon (what the port would not show yet). */
export interface StoredRow extends Omit<EventRow, 'transaction_id_text' | 'data' | 'metadata'> {
  /** Read whole: never left out as a committed event's are for the sealer. */
  data: JsonObject;
  metadata: JsonObject;
  /** The writing transaction's xid8, as text. */
  transaction_id: string;
  commitment_salt: Buffer | null;
  [column: string]: unknown;
}

/** An event's place in the log's order (leaf index = index in the list), as text. */
export interface LogPlace {
  global_position: string;
  transaction_id: string;
  event_id: string;
}

/** One partition of the log: positions [lower, upper), sealed once it may take no more writes. */
export interface Partition {
  partition: string;
  lower: bigint;
  upper: bigint;
  sealed: boolean;
}

/** Which stored events a read or a count is about; every event without one. */
export interface StoredFilter {
  types?: readonly string[];
  /** Every type but these. */
  otherThan?: readonly string[];
  streamId?: string;
  eventIds?: readonly string[];
  globalPositions?: readonly (bigint | string)[];
}

/** A row an insider writes straight into the log; the log numbers it when no position is given. */
export interface ForgedRow {
  globalPosition?: bigint | string;
  transactionId?: bigint | string;
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data?: JsonObject;
}

/** An append called in a transaction the caller holds open: its positions are taken, nothing is visible yet. */
export interface OpenAppend {
  positions: bigint[];
  commit(): Promise<void>;
}

type Position = bigint | string;

/**
 * 内部者 — what someone with SQL access to the log's database can do to it, for tests only: read it as stored,
 * see its partitions, write to it as a client (the guards refuse), and rewrite it as a superuser with the
 * triggers off (`session_replication_role = replica`), which is how the journal's tamper tests forge history.
 * The PostgreSQL adapter owns the table, so the SQL that names it lives here, not in the tests.
 */
export class LogInsider {
  constructor(private readonly pool: pg.Pool) {}

  /** The stored events (every column), in global position order. */
  async storedEvents(filter: StoredFilter = {}): Promise<StoredRow[]> {
    const { where, values } = whereOf(filter);
    const { rows } = await this.pool.query(`SELECT e.*, e.transaction_id::text AS tx FROM event_store.events e ${where} ORDER BY e.global_position`, values);
    return rows.map(({ tx, ...row }) => ({ ...row, transaction_id: tx }) as StoredRow);
  }

  /** How many events are stored, whatever the readers' horizon. */
  async count(filter: StoredFilter = {}): Promise<number> {
    const { where, values } = whereOf(filter);
    const { rows } = await this.pool.query(`SELECT count(*) AS n FROM event_store.events e ${where}`, values);
    return Number(rows[0].n);
  }

  /** How many streams the log knows. */
  async streamCount(): Promise<number> {
    return Number((await this.pool.query(`SELECT count(*) AS n FROM event_store.streams`)).rows[0].n);
  }

  /** Every stored event in the log's order (transaction, then position): leaf i of the journal is entry i. */
  async logOrder(): Promise<LogPlace[]> {
    const { rows } = await this.pool.query<LogPlace>(
      // Ordered by the xid8 column, not by the text of the same name in the select list.
      `SELECT e.global_position, e.transaction_id::text AS transaction_id, e.event_id FROM event_store.events e ORDER BY e.transaction_id, e.global_position`,
    );
    return rows;
  }

  /**
   * A copy of the log as stored, in a new table of the caller's naming (schema-qualified; it lives as long as the
   * database): an oracle may query the events with SQL of its own without naming the adapter's table.
   */
  async copyInto(table: string): Promise<void> {
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${table.split('.')[0]}`);
    await this.pool.query(
      `CREATE TABLE ${table} AS SELECT global_position, transaction_id, stream_id, stream_revision, event_id, event_type, schema_version, data, metadata, recorded_at, commitment_salt, commitment FROM event_store.events`,
    );
  }

  // The partitions.

  /** The log's partitions, in position order. */
  async partitions(): Promise<Partition[]> {
    const { rows } = await this.pool.query(
      `SELECT partition::text, lower_position::text AS lower, upper_position::text AS upper, sealed_at IS NOT NULL AS sealed FROM event_store.partitions ORDER BY lower_position`,
    );
    return rows.map((r) => ({ partition: r.partition, lower: BigInt(r.lower), upper: BigInt(r.upper), sealed: r.sealed }));
  }

  /** How the log's table is partitioned: its relkind ('p' when partitioned) and partition key. */
  async partitioning(): Promise<{ relkind: string; key: string | null }> {
    const { rows } = await this.pool.query(`SELECT c.relkind, pg_get_partkeydef(c.oid) AS key FROM pg_class c WHERE c.oid = 'event_store.events'::regclass`);
    return rows[0];
  }

  /** The partition each stored event lies in. */
  async placement(): Promise<{ partition: string; position: string }[]> {
    return (await this.pool.query(`SELECT tableoid::regclass::text AS partition, global_position::text AS position FROM event_store.events`)).rows;
  }

  /** Events that found no prepared partition and wait in the default one. */
  async inDefaultPartition(): Promise<number> {
    return Number((await this.pool.query(`SELECT count(*) AS n FROM event_store.events_default`)).rows[0].n);
  }

  // Writes as a client: the triggers on, so the immutability and partition guards answer.

  /** The append function called directly, as the adapter calls it. */
  async append(streamId: string, expected: string, events: readonly EventToAppend[]): Promise<void> {
    await this.pool.query(`SELECT * FROM event_store.append_to_stream($1, $2, $3::jsonb)`, [streamId, expected, JSON.stringify(events)]);
  }

  /** An append inside a transaction left open on `client` until `commit`: it holds its positions uncommitted. */
  async openAppend(client: pg.PoolClient, streamId: string, events: readonly EventToAppend[]): Promise<OpenAppend> {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT * FROM event_store.append_to_stream($1, $2, $3::jsonb)', [streamId, 'any', JSON.stringify(events)]);
    return { positions: rows[0].positions.map(BigInt), commit: async () => void (await client.query('COMMIT')) };
  }

  /** INSERT of a row, into the log or naming one of its partitions. */
  async insert(row: ForgedRow, options: { partition?: string } = {}): Promise<void> {
    await insertRow(this.pool, row, options.partition ?? 'event_store.events');
  }

  /** UPDATE of every stored payload (or the one at `at`), in the log or naming one of its partitions. */
  async update(options: { partition?: string; at?: Position } = {}): Promise<void> {
    const where = options.at === undefined ? '' : ` WHERE global_position = ${BigInt(options.at)}`;
    await this.pool.query(`UPDATE ${options.partition ?? 'event_store.events'} SET data = '{"changed":true}'${where}`);
  }

  /** DELETE of every stored event, in the log or naming one of its partitions. */
  async delete(options: { partition?: string } = {}): Promise<void> {
    await this.pool.query(`DELETE FROM ${options.partition ?? 'event_store.events'}`);
  }

  /** TRUNCATE of the log, or of one of its partitions. */
  async truncate(options: { partition?: string } = {}): Promise<void> {
    await this.pool.query(`TRUNCATE ${options.partition ?? 'event_store.events'}`);
  }

  // Rewrites as a superuser, the triggers off: past the immutability guard, and making no commitment.

  /** The append function with the triggers off: events stored as before the commitments began. */
  async appendWithoutTriggers(streamId: string, expected: string, events: readonly EventToAppend[]): Promise<void> {
    await this.asSuperuser((c) => c.query(`SELECT * FROM event_store.append_to_stream($1, $2, $3::jsonb)`, [streamId, expected, JSON.stringify(events)]));
  }

  /** Merges `patch` into the payload of the event at `position`. */
  async changePayload(position: Position, patch: JsonObject): Promise<void> {
    await this.asSuperuser((c) => c.query(`UPDATE event_store.events SET data = data || $1::jsonb WHERE global_position = $2`, [JSON.stringify(patch), String(position)]));
  }

  /** Replaces the metadata of the event at `position`. */
  async replaceMetadata(position: Position, metadata: JsonObject): Promise<void> {
    await this.asSuperuser((c) => c.query(`UPDATE event_store.events SET metadata = $1::jsonb WHERE global_position = $2`, [JSON.stringify(metadata), String(position)]));
  }

  /** Deletes the event at `position`. */
  async deleteEvent(position: Position): Promise<void> {
    await this.asSuperuser((c) => c.query(`DELETE FROM event_store.events WHERE global_position = $1`, [String(position)]));
  }

  /** Inserts a row (at the position and in the transaction given, when given, overriding the log's numbering). */
  async forge(row: ForgedRow): Promise<void> {
    await this.asSuperuser((c) => insertRow(c, row, 'event_store.events', row.globalPosition !== undefined));
  }

  /** Two events trade places in the log's order: each takes the other's transaction. */
  async swapPlaces(a: { global_position: string; transaction_id: string }, b: { global_position: string; transaction_id: string }): Promise<void> {
    await this.asSuperuser((c) =>
      c.query(
        `UPDATE event_store.events SET transaction_id = CASE WHEN global_position = $1 THEN $4::xid8 ELSE $3::xid8 END WHERE global_position IN ($1, $2)`,
        [a.global_position, b.global_position, a.transaction_id, b.transaction_id],
      ),
    );
  }

  /** Makes the commitment of each event again from the event as stored now, as if a rewrite had been there at append. */
  async recommit(eventIds: readonly string[]): Promise<void> {
    await this.asSuperuser((c) =>
      c.query(`UPDATE event_store.events e SET commitment = r.recomputed FROM event_store.recomputed_commitments($1::uuid[]) r WHERE e.event_id = r.event_id`, [eventIds]),
    );
  }

  private async asSuperuser<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      return await work(client);
    } finally {
      await client.query(`RESET session_replication_role`);
      client.release();
    }
  }
}

async function insertRow(db: pg.Pool | pg.PoolClient, row: ForgedRow, table: string, overriding = false): Promise<void> {
  const columns: [name: string, value: unknown, cast: string][] = [];
  if (row.globalPosition !== undefined) columns.push(['global_position', String(row.globalPosition), '']);
  if (row.transactionId !== undefined) columns.push(['transaction_id', String(row.transactionId), '::xid8']);
  columns.push(['stream_id', row.streamId, ''], ['stream_revision', row.revision, ''], ['event_id', row.eventId, ''], ['event_type', row.type, ''],
    ['schema_version', 1, ''], ['data', JSON.stringify(row.data ?? {}), ''], ['metadata', '{}', '']);
  await db.query(
    `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')})${overriding ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES (${columns.map(([, , cast], i) => `$${i + 1}${cast}`).join(', ')})`,
    columns.map(([, value]) => value),
  );
}

function whereOf(filter: StoredFilter): { where: string; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (condition: (n: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(condition(`$${values.length}`));
  };
  if (filter.types) add((n) => `e.event_type = ANY(${n}::text[])`, filter.types);
  if (filter.otherThan) add((n) => `e.event_type <> ALL(${n}::text[])`, filter.otherThan);
  if (filter.streamId !== undefined) add((n) => `e.stream_id = ${n}`, filter.streamId);
  if (filter.eventIds) add((n) => `e.event_id = ANY(${n}::uuid[])`, filter.eventIds);
  if (filter.globalPositions) add((n) => `e.global_position = ANY(${n}::bigint[])`, filter.globalPositions.map(String));
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', values };
}
