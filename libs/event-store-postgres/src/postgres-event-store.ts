import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { Statements, inTransaction, type Backend } from '#database';
import {
  EventIdConflictError,
  InvalidAppendError,
  LOG_START,
  metadataStreamOf,
  oneByOne,
  readLimit,
  streamMetadataOf,
  WrongExpectedRevisionError,
  parseExpectedRevision,
  validateEvents,
  validateJsonObject,
  validateStreamAppends,
  validateStreamId,
  type AppendResult,
  type Checkpoint,
  type EventBodies,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type JsonObject,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamAppend,
  type StreamMetadataResult,
  type SubscribeOptions,
  isUuid,
  uuidFromBytes,
  withPackedCommitments,
  type PackedCommitments,
} from '#event-store';
import { PostgresEventCommitments } from './journal-commitments.js';
import { LiveSignal } from './live-signal.js';
import { PartitionKeeper, retryingPartitionRace } from './partition-keeper.js';

/** What the store needs of a database: a pool, and a URL for its LISTEN connection. */
export interface PostgresConnection {
  pool: pg.Pool;
  url: string;
  /** Whether NOTIFY reaches other connections (false on PGlite's socket). */
  deliversNotifications: boolean;
  /** Which server this is: on PostgreSQL the live read is a prepared statement. */
  backend?: Backend;
}

export interface PostgresEventStoreOptions {
  /** Longest wait between two reads of a live subscriber when no wake-up arrives. */
  pollIntervalMs?: number;
}

const METADATA_EVENT_TYPE = '$metadata';
// The text cast gets its own name: ORDER BY a name of the select list would sort the text, not the xid8.
const columns = (bodies: string) => `e.global_position, e.transaction_id::text AS transaction_id_text, e.stream_id, e.stream_revision,
  e.event_id, e.event_type, e.schema_version, ${bodies}, e.recorded_at, e.commitment`;
const COLUMNS = columns('e.data, e.metadata');
const NO_COMMITMENT = `'\\x${'00'.repeat(32)}'::bytea`;
/** The time of an event read for its commitment only: not read. */
const NOT_READ = new Date(0);
// A transaction enters the log only once every older transaction has finished (see the migration).
const VISIBLE = `e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;
/** One row `h(held)`: whether the newest transaction in the log is not visible yet (a read that stops short of it is held back). */
const HELD = `(SELECT coalesce((SELECT t.transaction_id FROM event_store.events t ORDER BY t.transaction_id DESC LIMIT 1)
  >= pg_snapshot_xmin(pg_current_snapshot()), false) AS held) h`;
/** An append's transaction: the current one when it wrote, else the one that stored its first event. */
const TRANSACTION_OF_APPEND = `CASE WHEN r.outcome = 'appended' THEN pg_current_xact_id()::text
  ELSE (SELECT e.transaction_id::text FROM event_store.events e WHERE e.global_position = r.positions[1]) END AS transaction_id`;

/** A row of the log as the adapter reads it (the transaction id as text). */
export interface EventRow {
  global_position: string;
  transaction_id_text: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: JsonObject | null;
  metadata: JsonObject | null;
  recorded_at: Date;
  commitment: Buffer | null;
}

interface AppendRow {
  outcome: 'appended' | 'duplicate' | 'conflict' | 'id_conflict';
  revision: string | null;
  positions: string[] | null;
  /** The writing transaction's xid8: this one's when it wrote, the original's when it was a retry. */
  transaction_id: string | null;
  conflict_event_id: string | null;
  conflict_reason: string | null;
}

/** The event store on PostgreSQL, and on PGlite, which runs the same SQL. */
export class PostgresEventStore implements EventStore {
  private readonly signal: LiveSignal;
  private readonly statements: Statements;
  private readonly pollIntervalMs: number;
  readonly commitments: PostgresEventCommitments;
  private readonly partitions: PartitionKeeper;

  constructor(
    private readonly connection: PostgresConnection,
    options: PostgresEventStoreOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.signal = new LiveSignal(connection.url, connection.deliversNotifications);
    this.statements = new Statements(connection.backend === 'postgres');
    this.commitments = new PostgresEventCommitments(connection.pool);
    this.partitions = new PartitionKeeper(connection.pool);
  }

  async appendToStream(streamId: string, events: EventToAppend[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    return this.append(validateStreamId(streamId), validateEvents(events), parseExpectedRevision(expected));
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const valid = validateStreamAppends(appends);
    if (valid.length === 1) return [await this.append(valid[0]!.streamId, valid[0]!.events, valid[0]!.expected)];
    const results = await retryingPartitionRace(() => inTransaction(this.connection.pool, async (client) => {
      const { rows } = await client.query<AppendRow & { stream_index: number }>(`SELECT r.*, ${TRANSACTION_OF_APPEND} FROM event_store.append_to_streams($1::jsonb, $2::bytea) r`, [
        JSON.stringify(valid.map(({ streamId, events, expected }) => ({ streamId, expected: expectedText(expected), events: eventsPayload(events) }))),
        commitmentSalts(valid.reduce((n, a) => n + a.events.length, 0)),
      ]);
      this.partitions.appended(lastPosition(rows));
      const outcomes = rows.map((row) => toAppendResult(row, valid[row.stream_index]!.streamId, valid[row.stream_index]!.expected));
      // A retry of a multi-stream append finds all of it stored; part of it stored means the ids were reused.
      if (outcomes.some((r) => r.written) && outcomes.some((r) => !r.written)) {
        throw new EventIdConflictError(valid[outcomes.findIndex((r) => !r.written)]!.events[0]!.id, 'by another append: retry the original append whole');
      }
      return outcomes;
    })).catch((error: unknown) => {
      throw isStoredIdViolation(error) ? storedIdConflict(error) : error;
    });
    if (results.some((r) => r.written)) this.signal.notify();
    return results;
  }

  private async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision, retried = false): Promise<AppendResult> {
    try {
      const result = await this.appendOnce(streamId, events, expected);
      if (result.written) this.signal.notify();
      return result;
    } catch (error) {
      if (!isStoredIdViolation(error)) throw error;
      // An id of this append is stored already. Asked again, the store answers as to a retry: either the
      // same append raced this one (a duplicate), or the stored id gets its precise conflict.
      if (!retried) return this.append(streamId, events, expected, true);
      throw storedIdConflict(error);
    }
  }

  /** Prepares the log's next partition now, and seals those behind (otherwise done as appends reach the newest). */
  async preparePartitions(): Promise<void> {
    await this.partitions.prepare();
  }

  /** One call of `event_store.append_to_stream`, in a transaction of its own. */
  private async appendOnce(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const { rows } = await retryingPartitionRace(() => this.connection.pool.query<AppendRow>(`SELECT r.*, ${TRANSACTION_OF_APPEND} FROM event_store.append_to_stream($1, $2, $3::jsonb, $4::bytea) r`, [
      streamId,
      expectedText(expected),
      JSON.stringify(eventsPayload(events)),
      commitmentSalts(events.length),
    ]));
    this.partitions.appended(lastPosition(rows));
    return toAppendResult(rows[0]!, streamId, expected);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    validateStreamId(streamId, 'streamId', true);
    const backwards = options.direction === 'backwards';
    const limit = readLimit(options.maxCount);
    const from = options.fromRevision ?? (backwards ? 2n ** 63n - 1n : 0n);
    if (typeof from !== 'bigint' || from < 0n) throw new InvalidAppendError('fromRevision', 'must be a revision (an integer ≥ 0)');
    const { rows } = await this.connection.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_store.event_keys k JOIN event_store.events e ON e.global_position = k.global_position
        WHERE k.stream_id = $1 AND k.stream_revision ${backwards ? '<=' : '>='} $2
        ORDER BY k.stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamId, from.toString(), limit],
    );
    return rows.map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return (await this.readAfter(options.after ?? LOG_START, readLimit(options.maxCount), options)).events;
  }

  /**
   * Events after `after` in log order, and whether committed events wait behind a still-running older
   * transaction: every committed row of a transaction at or above the oldest running one is still invisible,
   * and so lies after any checkpoint a reader holds. That is asked as "is the newest transaction id that
   * high" (one step down the log-order index; as EXISTS the planner expected an early match and scanned the
   * whole log), in the same statement and snapshot as the read: a live subscriber reads several times a
   * second, and each round trip counts. The position and limit go in as `(SELECT $n)`, out of the planner's
   * sight: seeing them, it planned every execution anew (longer than the read near the head takes); blind to
   * them it keeps one plan per connection, the same walk of the log-order index.
   */
  private async readAfter(after: Checkpoint, limit: number, bodies: EventBodies = {}): Promise<{ events: StoredEvent[]; heldBack: boolean }> {
    if (bodies.commitmentsOnly) return this.readCommitmentsAfter(after, limit, bodies.commitmentViews === true);
    const { rows } = await this.connection.pool.query<{ held: boolean } & Partial<EventRow>>({
      ...this.statements.of(`SELECT h.held, e.* FROM ${HELD} LEFT JOIN LATERAL (
         SELECT ${COLUMNS} FROM event_store.events e
          WHERE (e.transaction_id, e.global_position) > ((SELECT $1::text::xid8), (SELECT $2::bigint)) AND ${VISIBLE}
          ORDER BY e.transaction_id, e.global_position LIMIT (SELECT $3::integer)
       ) e ON true`),
      values: [after.transactionId.toString(), after.globalPosition.toString(), limit],
    });
    // With no event to read, the one row says only whether any is held back.
    const events = rows[0]!.event_id === null ? [] : (rows as EventRow[]).map(toStoredEvent);
    return { events, heldBack: events.length < limit && rows[0]!.held };
  }

  /**
   * `readAfter` for a reader of commitments only (see `EventBodies.commitmentsOnly`): the batch comes as one row,
   * the events' places in the log (xid8 and position, 16 bytes each), ids (16) and commitments (32) laid end to end
   * in three values, instead of a row an event for the server to format and the driver to parse. They travel as
   * base64, which both sides turn out and back with less work than bytea's hex. Events without a commitment are named by
   * position, and read whole. The events are packed in the order the ordered read hands them to the aggregates: an
   * ORDER BY of their own would sort them again; the order is checked as they
   * are unpacked.
   */
  private async readCommitmentsAfter(after: Checkpoint, limit: number, views: boolean): Promise<{ events: StoredEvent[]; heldBack: boolean }> {
    const { rows } = await this.connection.pool.query<{ held: boolean; places: string | null; ids: string; commitments: string; bare: string[] | null }>({
      ...this.statements.of(`SELECT h.held, encode(b.places, 'base64') AS places, encode(b.ids, 'base64') AS ids, encode(b.commitments, 'base64') AS commitments, b.bare
         FROM ${HELD} LEFT JOIN LATERAL (
         SELECT string_agg(xid8send(e.transaction_id) || int8send(e.global_position), ''::bytea) AS places, string_agg(uuid_send(e.event_id), ''::bytea) AS ids,
                string_agg(coalesce(e.commitment, ${NO_COMMITMENT}), ''::bytea) AS commitments, array_agg(e.global_position) FILTER (WHERE e.commitment IS NULL) AS bare
           FROM (SELECT e.transaction_id, e.global_position, e.event_id, e.commitment FROM event_store.events e
                  WHERE (e.transaction_id, e.global_position) > ((SELECT $1::text::xid8), (SELECT $2::bigint)) AND ${VISIBLE}
                  ORDER BY e.transaction_id, e.global_position LIMIT (SELECT $3::integer)) e
       ) b ON true`),
      values: [after.transactionId.toString(), after.globalPosition.toString(), limit],
    });
    const { held, bare } = rows[0]!;
    if (rows[0]!.places === null) return { events: [], heldBack: held };
    const places = Buffer.from(rows[0]!.places, 'base64');
    const packed = { ids: Buffer.from(rows[0]!.ids, 'base64'), commitments: Buffer.from(rows[0]!.commitments, 'base64'), whole: [] as number[] };
    const count = places.length / 16;
    if (!Number.isInteger(count) || packed.ids.length !== count * 16 || packed.commitments.length !== count * 32) throw new Error(`the log's events came packed in ${places.length}, ${packed.ids.length} and ${packed.commitments.length} bytes`);
    const whole = new Map<bigint, StoredEvent>();
    if (bare) {
      const { rows: stored } = await this.connection.pool.query<EventRow>(`SELECT ${COLUMNS} FROM event_store.events e WHERE e.global_position = ANY($1::bigint[])`, [bare]);
      for (const row of stored) whole.set(BigInt(row.global_position), toStoredEvent(row));
    }
    if (whole.size !== (bare?.length ?? 0)) throw new Error(`events at global positions ${bare!.join(', ')} were to be read whole, and ${bare!.length - whole.size} of them were gone`);
    inLogOrder(places, after);
    const events: StoredEvent[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const event = whole.size > 0 ? whole.get(places.readBigInt64BE(i * 16 + 8)) : undefined;
      if (event) {
        events[i] = event;
        packed.whole.push(i);
      } else {
        events[i] = views ? new CommitmentView(places, packed, i) : plainOf(new CommitmentView(places, packed, i));
      }
    }
    return { events: views ? withPackedCommitments(events, packed) : events, heldBack: events.length < limit && held };
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<StoredEvent> {
    return oneByOne(this.subscribeToAllInBatches(options), options.signal);
  }

  async *subscribeToAllInBatches(options: SubscribeOptions = {}): AsyncIterable<StoredEvent[]> {
    let checkpoint = options.after ?? LOG_START;
    const batchSize = readLimit(options.batchSize ?? 1000);
    const abort = options.signal;
    // The wake-up is armed before each read, so that an append committed during the read is not missed.
    let wait!: ReturnType<LiveSignal['arm']>;
    let reading!: Promise<{ events: StoredEvent[]; heldBack: boolean }>;
    const readNext = () => {
      wait = this.signal.arm();
      reading = this.readAfter(checkpoint, batchSize, options);
      // Should the subscriber stop before asking for it, a read ahead must not fail unobserved.
      reading.catch(() => undefined);
    };
    readNext();
    while (!abort?.aborted) {
      const { events, heldBack } = await reading;
      if (events.length > 0) {
        const last = events.at(-1)!;
        checkpoint = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      }
      // A full batch means more is waiting: the next one is read while the subscriber handles this one.
      const full = events.length === batchSize;
      if (full) readNext();
      if (events.length > 0) {
        if (abort?.aborted) return;
        yield events;
      }
      if (!full) {
        // Events held behind an open transaction are worth a quick look again.
        await wait(heldBack ? 10 : this.pollIntervalMs, abort);
        if (abort?.aborted) return;
        readNext();
      }
    }
  }

  async getStreamMetadata(streamId: string): Promise<StreamMetadataResult> {
    validateStreamId(streamId);
    const [last] = await this.readStream(metadataStreamOf(streamId), { direction: 'backwards', maxCount: 1 });
    return streamMetadataOf(streamId, last);
  }

  /** KurrentDB keeps a stream's metadata as events of the system stream `$$<streamId>`; so does this store. */
  async setStreamMetadata(streamId: string, metadata: JsonObject, expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    validateStreamId(streamId);
    const event: EventToAppend = {
      id: crypto.randomUUID(),
      type: METADATA_EVENT_TYPE,
      schemaVersion: 1,
      data: validateJsonObject(metadata, 'metadata'),
      metadata: {},
    };
    return this.append(metadataStreamOf(streamId), [event], parseExpectedRevision(expected));
  }

  async readEvents(eventIds: readonly string[]): Promise<StoredEvent[]> {
    const ids = [...new Set(eventIds)];
    if (ids.length === 0) return [];
    ids.forEach((id, i) => {
      if (!isUuid(id)) throw new InvalidAppendError(`eventIds[${i}]`, 'must be a UUID');
    });
    const { rows } = await this.connection.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM event_store.event_keys k JOIN event_store.events e ON e.global_position = k.global_position
        WHERE k.event_id = ANY($1::uuid[]) ORDER BY e.transaction_id, e.global_position`,
      [ids],
    );
    return rows.map(toStoredEvent);
  }

  async lastPosition(): Promise<bigint> {
    // The primary key answers max() from its index: cheap enough for every health probe.
    const { rows } = await this.connection.pool.query<{ last: string | null }>('SELECT max(global_position) AS last FROM event_store.events');
    return BigInt(rows[0]?.last ?? 0);
  }

  async lastTransaction(): Promise<bigint> {
    // Not held back by the snapshot's xmin: a committed transaction's id, readable or not, walking the log-order index.
    const { rows } = await this.connection.pool.query<{ last: string }>('SELECT transaction_id::text AS last FROM event_store.events ORDER BY transaction_id DESC LIMIT 1');
    return BigInt(rows[0]?.last ?? 0);
  }

  async countEvents(options: { after?: Checkpoint; upTo?: number } = {}): Promise<number> {
    const after = options.after ?? LOG_START;
    const upTo = options.upTo;
    if (upTo !== undefined && (!Number.isSafeInteger(upTo) || upTo < 0)) throw new InvalidAppendError('upTo', 'must be an integer ≥ 0');
    // The bounds are written into the statement (they are integers), so that the planner sees how near the head
    // they lie and walks the log-order index rather than planning for any position.
    const { rows } = await this.connection.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM event_store.events e
        WHERE (e.transaction_id, e.global_position) > ('${after.transactionId}'::xid8, ${after.globalPosition}) AND ${VISIBLE}
        ${upTo === undefined ? '' : `ORDER BY e.transaction_id, e.global_position LIMIT ${upTo}`}) counted`,
    );
    return Number(rows[0]!.n);
  }

  /** Stops the LISTEN connection and ends every live subscription's wait. */
  async close(): Promise<void> {
    await this.partitions.settled();
    await this.signal.close();
  }
}

function expectedText(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}

/**
 * Each event's commitment salt, 32 bytes from the operating system's CSPRNG, drawn afresh for every event and
 * sent in one parameter an append: the database then computes the commitment itself, over the event as it
 * records it, without drawing randomness event by event.
 */
const commitmentSalts = (events: number): Buffer => randomBytes(32 * events);

function eventsPayload(events: EventToAppend[]) {
  return events.map((e) => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata ?? {} }));
}

/** An outcome of `append_to_stream`: the append's result, or the error it stands for. */
function toAppendResult(row: AppendRow, streamId: string, expected: ExpectedRevision): AppendResult {
  switch (row.outcome) {
    case 'conflict': {
      const actual = BigInt(row.revision!);
      throw new WrongExpectedRevisionError(streamId, expected, actual < 0n ? 'no_stream' : actual);
    }
    case 'id_conflict':
      throw new EventIdConflictError(row.conflict_event_id!, row.conflict_reason!);
    default:
      return { nextExpectedRevision: BigInt(row.revision!), transactionId: BigInt(row.transaction_id!), written: row.outcome === 'appended' };
  }
}

/** The last position an append's rows name (0 when none): where the log's head has got to, for the partitions. */
const lastPosition = (rows: AppendRow[]) => BigInt(rows.at(-1)?.positions?.at(-1) ?? 0);

function isStoredIdViolation(error: unknown): boolean {
  return (error as { constraint?: string }).constraint === 'events_event_id_key';
}

/** The unique index caught an id stored by another append; its detail names the id. */
function storedIdConflict(error: unknown): EventIdConflictError {
  const id = /\(event_id\)=\(([^)]+)\)/.exec((error as { detail?: string }).detail ?? '')?.[1] ?? 'unknown';
  return new EventIdConflictError(id, 'by another append: retry the original append whole, without new events');
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: BigInt(row.stream_revision),
    globalPosition: BigInt(row.global_position),
    transactionId: BigInt(row.transaction_id_text),
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data ?? {},
    metadata: row.metadata ?? {},
    recordedAt: row.recorded_at,
    ...(row.commitment ? { commitment: row.commitment } : {}),
  };
}

/**
 * An event read commitments-only as a view of its batch's bytes (see `EventBodies.commitmentViews`): each field is
 * read from them when asked, so that a reader that takes the bytes whole (the sealer) costs no object an event.
 */
class CommitmentView implements StoredEvent {
  constructor(
    private readonly places: Buffer,
    private readonly packed: PackedCommitments,
    private readonly index: number,
  ) {}

  get id(): string {
    return uuidFromBytes(this.packed.ids, this.index * 16);
  }
  get transactionId(): bigint {
    return this.places.readBigUInt64BE(this.index * 16);
  }
  get globalPosition(): bigint {
    return this.places.readBigInt64BE(this.index * 16 + 8);
  }
  get commitment(): Buffer {
    return this.packed.commitments.subarray(this.index * 32, this.index * 32 + 32);
  }
  // What is not read stands empty (see `EventBodies.commitmentsOnly`).
  get streamId(): string {
    return '';
  }
  get revision(): bigint {
    return 0n;
  }
  get type(): string {
    return '';
  }
  get schemaVersion(): number {
    return 0;
  }
  get data(): JsonObject {
    return {};
  }
  get metadata(): JsonObject {
    return {};
  }
  get recordedAt(): Date {
    return new Date(NOT_READ);
  }
}

/** An event read commitments-only as an ordinary StoredEvent, its fields its own. */
const plainOf = (view: CommitmentView): StoredEvent => ({
  id: view.id,
  streamId: view.streamId,
  revision: view.revision,
  globalPosition: view.globalPosition,
  transactionId: view.transactionId,
  type: view.type,
  schemaVersion: view.schemaVersion,
  data: view.data,
  metadata: view.metadata,
  recordedAt: view.recordedAt,
  commitment: view.commitment,
});

/** Throws unless the places (xid8 and position, 16 bytes each) come strictly after `after` and in ascending order. */
function inLogOrder(places: Buffer, after: Checkpoint): void {
  const first = { transactionId: places.readBigUInt64BE(0), globalPosition: places.readBigInt64BE(8) };
  if (first.transactionId < after.transactionId || (first.transactionId === after.transactionId && first.globalPosition <= after.globalPosition)) {
    throw new Error(`the log's events came packed out of order (${first.transactionId}/${first.globalPosition} after ${after.transactionId}/${after.globalPosition})`);
  }
  // Each place compared with the one before as four unsigned 32-bit words, most significant first: no bigint an event.
  for (let at = 16; at < places.length; at += 16) {
    for (let word = 0; word < 16; word += 4) {
      const previous = places.readUInt32BE(at - 16 + word);
      const current = places.readUInt32BE(at + word);
      if (current > previous) break;
      if (current < previous || word === 12) {
        throw new Error(`the log's events came packed out of order (${places.readBigUInt64BE(at)}/${places.readBigInt64BE(at + 8)} after ${places.readBigUInt64BE(at - 16)}/${places.readBigInt64BE(at - 8)})`);
      }
    }
  }
}
