import type { ExpectedRevision } from './expected-revision.js';

/** A JSON object, the only shape event data and metadata may take. */
export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** An event as a writer proposes it. `id` makes retries idempotent. */
export interface EventToAppend {
  id: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata?: JsonObject;
}

/** An event as the store keeps it: immutable, with its place in its stream and in the global log. */
export interface StoredEvent {
  id: string;
  streamId: string;
  /** 0-based position of the event within its stream. */
  revision: bigint;
  /** Position in the global log; with `transactionId` it forms the event's checkpoint. */
  globalPosition: bigint;
  /** Id of the writing transaction (xid8); the log is ordered by (transactionId, globalPosition). */
  transactionId: bigint;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: JsonObject;
  recordedAt: Date;
  /**
   * 約束 — the commitment the store made to the event when appending it (SHA-256 of its salted opening, see
   * docs/journal.md), on a store that makes them; absent otherwise.
   */
  commitment?: Buffer;
}

/**
 * A place in the global log. The log is ordered by (transactionId, globalPosition), not by position alone:
 * positions are taken when a transaction writes and may commit out of order, transaction ids are not
 * visible to readers until every older transaction has finished.
 */
export interface Checkpoint {
  transactionId: bigint;
  globalPosition: bigint;
}

/** The start of the log: before every event. */
export const LOG_START: Checkpoint = { transactionId: 0n, globalPosition: 0n };

export interface AppendResult {
  /** The stream's revision after the append (the revision of its last event). */
  nextExpectedRevision: bigint;
  /**
   * The log transaction the append's events entered (the original's, for a retry): every event it wrote carries
   * this `transactionId` — on PostgreSQL the writing transaction's xid8, on KurrentDB its commit position, which
   * both stores know as they answer. Every stream of a multi-stream append answers the same one. A reader at
   * checkpoint `c` has read the whole append once `c.transactionId` is beyond it, or equal to it with no event of
   * that transaction after `c` (see `hasReadTransaction`).
   */
  transactionId: bigint;
  /** False when every event was already stored (an idempotent retry): nothing was written. */
  written: boolean;
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  streamId: string;
  events: EventToAppend[];
  expected?: ExpectedRevision;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** First revision to read (inclusive); defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

/** How much of each event a read of the global log brings. */
export interface EventBodies {
  /**
   * For a reader that needs only what each event is committed to (the journal's sealer): an event that carries
   * a commitment comes with its id, its place in the log (`transactionId`, `globalPosition`) and its commitment
   * only, the rest left empty (stream '', revision 0, type '', schema version 0, data and metadata {}, time
   * 1970-01-01), sparing their read and parse; an event without one comes whole. A store that makes no
   * commitments delivers every event whole.
   */
  commitmentsOnly?: boolean;
  /**
   * With `commitmentsOnly`, for a reader that takes each batch's bytes (see `packedCommitmentsOf`) and of its
   * events little more than the last one's place: a store that reads commitments packed may hand such an event
   * as a view of those bytes, its fields read when asked, not own properties (a spread or a deep comparison sees
   * none), with the batch's bytes alongside. A store may ignore it.
   */
  commitmentViews?: boolean;
}

export interface ReadAllOptions extends EventBodies {
  /** Read events strictly after this checkpoint. */
  after?: Checkpoint;
  maxCount?: number;
}

export interface SubscribeOptions extends EventBodies {
  /** Deliver events strictly after this checkpoint; the log's start by default. */
  after?: Checkpoint;
  /** Events fetched per read during catch-up and live reading. */
  batchSize?: number;
  /** Ends the subscription; the iterator then returns. */
  signal?: AbortSignal;
}

/** Stream metadata as KurrentDB keeps it: a JSON object with its own revision. */
export interface StreamMetadataResult {
  streamId: string;
  metadata: JsonObject | null;
  metadataRevision: bigint | 'no_stream';
}

/**
 * 事象ストア — the event store port. KurrentDB (EventStoreDB) semantics so that a KurrentDB adapter can stand
 * in for the PostgreSQL one: per-stream optimistic concurrency, idempotent event ids, a global log that a
 * subscriber never reads out of order.
 */
export interface EventStore {
  appendToStream(streamId: string, events: EventToAppend[], expected?: ExpectedRevision): Promise<AppendResult>;
  /** Appends to several streams atomically (KurrentDB's multi-stream append): all are written, or none. */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** Catch-up, then live: every event after `after` exactly once, in log order, until the signal aborts. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<StoredEvent>;
  /** The same, a batch at a time (up to `batchSize` events that are there to read): what projectors consume. */
  subscribeToAllInBatches(options?: SubscribeOptions): AsyncIterable<StoredEvent[]>;
  getStreamMetadata(streamId: string): Promise<StreamMetadataResult>;
  setStreamMetadata(streamId: string, metadata: JsonObject, expected?: ExpectedRevision): Promise<AppendResult>;
  /** The stored events with these ids, in log order; ids not stored are left out. */
  readEvents(eventIds: readonly string[]): Promise<StoredEvent[]>;
  /** How far the log reaches, for status and lag: the highest global position stored (0 when empty). */
  lastPosition(): Promise<bigint>;
  /**
   * The newest log transaction stored (0 when the log is empty): the `transactionId` of the last event in log
   * order, committed though perhaps not yet readable (see `Checkpoint`). A reader that has read it (see
   * `hasReadTransaction`) has read every event stored when it was asked.
   */
  lastTransaction(): Promise<bigint>;
  /**
   * How many events follow `after` in log order (the whole log without it), counted exactly up to `upTo` and
   * reported as `upTo` beyond: a status poll far behind must not count a million rows each time.
   */
  countEvents(options?: { after?: Checkpoint; upTo?: number }): Promise<number>;
  /** Lets go of what the store holds open (listeners, clients); the database pool stays its owner's. */
  close(): Promise<void>;
  /** On a store that commits to each event at append: those commitments checked against the events as stored now. */
  readonly commitments?: EventCommitments;
}

/** A commitment as made at append, beside the same recomputed now from the event as stored. */
export interface RecomputedCommitment {
  /** Whether the event is stored at all. */
  eventFound: boolean;
  /** Made at append; null for an event without one (stored before the commitments began, or with the triggers off). */
  committed: Buffer | null;
  recomputed: Buffer | null;
}

/** 約束 — what a store that commits to each event at append answers about those commitments. */
export interface EventCommitments {
  /** Every one of these events' commitments, made and recomputed (an entry for each id asked). */
  recomputed(eventIds: readonly string[]): Promise<Map<string, RecomputedCommitment>>;
  /** The opening of an event (the text its commitment hashes), given beside its proof; null without a commitment. */
  opening(eventId: string): Promise<string | null>;
  /** Events after a global position that have no commitment (inserted with the triggers off), in position order. */
  uncommitted(afterPosition: bigint, limit: number): Promise<{ globalPosition: bigint; eventId: string }[]>;
}
