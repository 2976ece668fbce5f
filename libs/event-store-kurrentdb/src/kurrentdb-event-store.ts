import { isDeepStrictEqual } from 'node:util';
import {
  AccessDeniedError as ClientAccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
  END,
  START,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  UnsupportedError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type EventData,
  type KurrentDBClient,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  EventIdConflictError,
  InvalidAppendError,
  LOG_START,
  MAX_READ,
  metadataStreamOf,
  oneByOne,
  readLimit,
  streamMetadataOf,
  WrongExpectedRevisionError,
  isUuid,
  parseExpectedRevision,
  validateEvents,
  validateJsonObject,
  validateStreamAppends,
  validateStreamId,
  type AppendResult,
  type Checkpoint,
  type CurrentRevision,
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
} from '#event-store';
import { EventStoreAccessDeniedError, MultiStreamAppendUnsupportedError, StreamDeletedError } from './kurrentdb-event-store.errors.js';

/** One stream's part of an append, validated. */
export interface ValidStreamAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
}

export interface KurrentDbEventStoreOptions {
  /**
   * Runs before every append with what it would write; a throw refuses the append and nothing is written.
   * The journal's fail-closed policy goes here (KurrentDB has no trigger to hold it).
   */
  beforeAppend?: (appends: readonly ValidStreamAppend[]) => void | Promise<void>;
  /**
   * How many of a stream's last events an `any` or `stream_exists` append searches for its ids (a retry older
   * than that is written again, as KurrentDB itself would). Exact expectations have no such window.
   */
  idempotencyScanWindow?: number;
}

const METADATA_EVENT_TYPE = '$metadata';
/** Himotoki's fields of a KurrentDB event's metadata: string values, as the 25.1 multi-stream append requires. */
const SCHEMA_VERSION_KEY = 'himotoki.schemaVersion';
const METADATA_KEY = 'himotoki.metadata';
/** Keys of stream metadata that KurrentDB reserves for itself: retention, truncation, ACLs, caching. */
const SYSTEM_METADATA_KEY = '$';

type RecordedEvent = NonNullable<ResolvedEvent['event']>;

/**
 * 事象ストア on KurrentDB (EventStoreDB), over the official Node client `@kurrent/kurrentdb-client`.
 * - Checkpoints are KurrentDB log positions: `transactionId` is the commit position, `globalPosition` the
 *   prepare position; `$all` is ordered by (commit, prepare), as the port orders (transactionId, globalPosition).
 * - Idempotent retries keep the port's promise beyond KurrentDB's own (ids only, and under `any` only while the
 *   first id is in the server's recent-ids cache): an append whose ids are stored is read back and compared,
 *   content included; see docs/event-stores.md.
 * - The adapter never deletes, tombstones, truncates, or sets `$maxCount`, `$maxAge`, `$tb` or `$acl`.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly beforeAppend: NonNullable<KurrentDbEventStoreOptions['beforeAppend']>;
  private readonly scanWindow: number;
  /** Aborted by close(): ends every subscription, which would otherwise keep trying to reconnect. */
  private readonly closing = new AbortController();

  constructor(
    private readonly client: KurrentDBClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.beforeAppend = options.beforeAppend ?? (() => undefined);
    this.scanWindow = readLimit(options.idempotencyScanWindow ?? 100);
  }

  async appendToStream(streamId: string, events: EventToAppend[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    const append = { streamId: validateStreamId(streamId), events: validateEvents(events), expected: parseExpectedRevision(expected) };
    await this.beforeAppend([append]);
    return this.appendOne(append);
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const valid = validateStreamAppends(appends);
    await this.beforeAppend(valid);
    if (valid.length === 1) return [await this.appendOne(valid[0]!)];
    return this.appendMany(valid);
  }

  /**
   * One stream. KurrentDB recognizes a retry by its ids: at the revisions after an exact expectation, and under
   * `any` or `stream_exists` only while the first id is in its recently-committed cache. So those two look for
   * the ids among the stream's last events first (a retry the cache forgot), and the cache covers a retry
   * racing this append.
   */
  private async appendOne(append: ValidStreamAppend): Promise<AppendResult> {
    if (append.expected === 'any' || append.expected === 'stream_exists') {
      const stream = await this.recentEvents(append.streamId);
      const stored = findStored(stream, append.events);
      if (stored) return this.asRetry(append, stored);
    }
    const outcome = await this.tryAppend(append.streamId, append.events, append.expected);
    if (outcome.kind === 'conflict') return this.settleConflict(append, outcome.actual);
    return outcome.result;
  }

  private async tryAppend(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<{ kind: 'appended'; result: AppendResult } | { kind: 'conflict'; actual: CurrentRevision }> {
    try {
      const response = await onceConnected(() => this.client.appendToStream(streamId, events.map(toEventData), { streamState: expected as AppendStreamState }));
      const last = response.nextExpectedRevision;
      if (!response.position) {
        // KurrentDB took it for a retry (same ids at the revisions the expectation names) and wrote nothing.
        return { kind: 'appended', result: await this.verifiedRetry(streamId, events, last) };
      }
      return { kind: 'appended', result: { nextExpectedRevision: last, transactionId: response.position.commit, written: true } };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return { kind: 'conflict', actual: currentOf(error.actualState) };
      throw translate(error, streamId);
    }
  }

  /** A wrong expected revision: a retry whose ids KurrentDB did not recognize, a reused id, or a true conflict. */
  private async settleConflict(append: ValidStreamAppend, actual: CurrentRevision): Promise<AppendResult> {
    const stream = await this.readWholeStream(append.streamId);
    const stored = findStored(stream, append.events);
    if (!stored) throw new WrongExpectedRevisionError(append.streamId, append.expected, actual);
    return this.asRetry(append, stored);
  }

  /** Ids of the append are stored: the same events where the expectation puts them are a retry, anything else a conflict. */
  private asRetry(append: ValidStreamAppend, stored: StoredEvent[]): AppendResult {
    const first = stored[0]!.revision;
    const placed =
      typeof append.expected === 'bigint' ? append.expected + 1n : append.expected === 'no_stream' ? 0n : first;
    if (stored.length !== append.events.length || first !== placed || stored.some((e, i) => e.revision !== first + BigInt(i))) {
      const named = stored[0]!;
      throw new EventIdConflictError(
        named.id,
        `in stream "${append.streamId}" at revision ${named.revision}, by another append: retry the original append whole, without new events`,
      );
    }
    assertSameContent(append.events, stored);
    return { nextExpectedRevision: stored.at(-1)!.revision, transactionId: stored[0]!.transactionId, written: false };
  }

  /** KurrentDB recognized a retry by its ids; the port also wants the content to be the same. */
  private async verifiedRetry(streamId: string, events: EventToAppend[], lastRevision: bigint): Promise<AppendResult> {
    const fromRevision = lastRevision - BigInt(events.length) + 1n;
    const stored = await this.readStream(streamId, { fromRevision, maxCount: events.length });
    assertSameContent(events, stored);
    return { nextExpectedRevision: lastRevision, transactionId: stored[0]!.transactionId, written: false };
  }

  /** Several streams in one KurrentDB transaction (25.1's multi-stream append): all are written, or none. */
  private async appendMany(appends: ValidStreamAppend[]): Promise<AppendResult[]> {
    // As for one stream: under `any` and `stream_exists` a retry from before KurrentDB's cache is found in the stream.
    const retried = await Promise.all(
      appends.map(async (append) => {
        if (append.expected !== 'any' && append.expected !== 'stream_exists') return undefined;
        const stream = await this.recentEvents(append.streamId);
        const stored = findStored(stream, append.events);
        return stored && this.asRetry(append, stored);
      }),
    );
    if (retried.every((r) => r)) return retried as AppendResult[];
    const partly = retried.findIndex((r) => r);
    if (partly >= 0) throw new EventIdConflictError(appends[partly]!.events[0]!.id, 'by another append: retry the original append whole');
    try {
      const response = await onceConnected(() =>
        this.client.multiStreamAppend(
          appends.map((a) => ({ streamName: a.streamId, expectedState: a.expected as AppendStreamState, events: a.events.map(toEventData) })),
        ),
      );
      const revisions = new Map(response.responses.map((r) => [r.streamName, r.revision]));
      // KurrentDB took the whole of it for a retry and wrote nothing.
      if (response.position < 0n) return Promise.all(appends.map((a) => this.verifiedRetry(a.streamId, a.events, revisions.get(a.streamId)!)));
      // KurrentDB answers the transaction's commit position, which every event it wrote carries.
      return appends.map((a) => ({ nextExpectedRevision: revisions.get(a.streamId)!, transactionId: response.position, written: true }));
    } catch (error) {
      if (error instanceof UnsupportedError) throw new MultiStreamAppendUnsupportedError(await this.serverVersion());
      if (!(error instanceof WrongExpectedVersionError)) throw translate(error, error instanceof StreamTombstonedError ? error.stream : '');
      const conflicting = appends.find((a) => a.streamId === error.streamName) ?? appends[0]!;
      return this.settleManyConflict(appends, conflicting, currentOf(error.actualState));
    }
  }

  /** A multi-stream append refused for one stream's revision: the whole of it stored is a retry; part of it, reused ids. */
  private async settleManyConflict(appends: ValidStreamAppend[], conflicting: ValidStreamAppend, actual: CurrentRevision): Promise<AppendResult[]> {
    const outcomes = await Promise.all(
      appends.map(async (append) => {
        const stream = await this.readWholeStream(append.streamId);
        const stored = findStored(stream, append.events);
        return stored ? this.asRetry(append, stored) : undefined;
      }),
    );
    if (outcomes.every((o) => o)) return outcomes as AppendResult[];
    const partly = appends.findIndex((_, i) => outcomes[i]);
    if (partly >= 0) throw new EventIdConflictError(appends[partly]!.events[0]!.id, 'by another append: retry the original append whole');
    throw new WrongExpectedRevisionError(conflicting.streamId, conflicting.expected, actual);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    validateStreamId(streamId, 'streamId', true);
    const backwards = options.direction === 'backwards';
    const maxCount = readLimit(options.maxCount);
    const from = options.fromRevision;
    if (from !== undefined && (typeof from !== 'bigint' || from < 0n)) throw new InvalidAppendError('fromRevision', 'must be a revision (an integer ≥ 0)');
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: backwards ? 'backwards' : 'forwards',
        fromRevision: from ?? (backwards ? END : START),
        maxCount,
      })) {
        if (resolved.event) events.push(toStoredEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translate(error, streamId);
    }
    return events;
  }

  /** The last events of a stream (up to the scan window), oldest first. */
  private async recentEvents(streamId: string): Promise<StoredEvent[]> {
    return (await this.readStream(streamId, { direction: 'backwards', maxCount: this.scanWindow })).reverse();
  }

  private async readWholeStream(streamId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for (;;) {
      const page = await this.readStream(streamId, { fromRevision: BigInt(events.length), maxCount: MAX_READ });
      events.push(...page);
      if (page.length < MAX_READ) return events;
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const limit = readLimit(options.maxCount);
    const after = options.after ?? LOG_START;
    const atStart = isLogStart(after);
    const events: StoredEvent[] = [];
    // A forward read of `$all` starts at its position, inclusive: one more is read, and the event at `after` left out.
    for await (const resolved of this.client.readAll({
      fromPosition: atStart ? START : positionOf(after),
      maxCount: atStart ? limit : limit + 1,
      filter: excludeSystemEvents(),
    })) {
      const event = (resolved as AllStreamResolvedEvent).event;
      if (!event) continue;
      const stored = toStoredEvent(event as RecordedEvent);
      if (!atStart && !isAfter(stored, after)) continue;
      if (events.length < limit) events.push(stored);
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<StoredEvent> {
    return oneByOne(this.subscribeToAllInBatches(options), options.signal);
  }

  /**
   * A catch-up subscription to `$all` without system events; a batch is what the subscription has buffered,
   * up to `batchSize`. A dropped connection (a restarted or re-elected node, a missed keep-alive) subscribes
   * again after the last event delivered, waiting a little longer each time; any other error ends it.
   */
  async *subscribeToAllInBatches(options: SubscribeOptions = {}): AsyncIterable<StoredEvent[]> {
    const batchSize = readLimit(options.batchSize ?? 1000);
    const abort = options.signal ? AbortSignal.any([options.signal, this.closing.signal]) : this.closing.signal;
    let checkpoint = options.after ?? LOG_START;
    for (let drops = 0; !abort?.aborted; ) {
      const subscription = this.client.subscribeToAll({ fromPosition: isLogStart(checkpoint) ? START : positionOf(checkpoint), filter: excludeSystemEvents() });
      let failure: unknown;
      let ended = false;
      let wake: () => void = () => undefined;
      const onReadable = () => wake();
      const onError = (error: unknown) => {
        failure = error;
        wake();
      };
      const onEnd = () => {
        ended = true;
        wake();
      };
      subscription.on('readable', onReadable);
      subscription.on('error', onError);
      subscription.on('end', onEnd);
      abort?.addEventListener('abort', onReadable);
      try {
        while (!abort?.aborted) {
          const batch: StoredEvent[] = [];
          while (batch.length < batchSize) {
            const resolved = subscription.read() as AllStreamResolvedEvent | null;
            if (resolved === null) break;
            if (resolved.event) batch.push(toStoredEvent(resolved.event as RecordedEvent));
          }
          if (batch.length > 0) {
            checkpoint = batch.at(-1)!;
            drops = 0;
            yield batch;
            continue;
          }
          if (failure || ended) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
            if (subscription.readableLength > 0 || failure || ended || abort?.aborted) resolve();
          });
          wake = () => undefined;
        }
      } finally {
        abort?.removeEventListener('abort', onReadable);
        subscription.off('readable', onReadable);
        await subscription.unsubscribe().catch(() => undefined);
      }
      if (abort?.aborted) return;
      if (failure && !isDrop(failure)) throw translate(failure, '$all');
      await sleepUnlessAborted(Math.min(5_000, 50 * 2 ** drops++), abort);
    }
  }

  async getStreamMetadata(streamId: string): Promise<StreamMetadataResult> {
    validateStreamId(streamId);
    const [last] = await this.readStream(metadataStreamOf(streamId), { direction: 'backwards', maxCount: 1 });
    return streamMetadataOf(streamId, last);
  }

  /**
   * Writes the stream's metadata as KurrentDB keeps it (an event of `$$<streamId>`). KurrentDB's own keys
   * (`$maxCount`, `$maxAge`, `$tb`, `$acl`, …) are refused: through them a stream would lose events or rights.
   */
  async setStreamMetadata(streamId: string, metadata: JsonObject, expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    validateStreamId(streamId);
    const valid = validateJsonObject(metadata, 'metadata');
    const reserved = Object.keys(valid).find((key) => key.startsWith(SYSTEM_METADATA_KEY));
    if (reserved) {
      throw new InvalidAppendError(`metadata.${reserved}`, 'is a KurrentDB system setting (retention, truncation, ACL): the event store never sets one');
    }
    const revision = parseExpectedRevision(expected);
    const event: EventToAppend = { id: crypto.randomUUID(), type: METADATA_EVENT_TYPE, schemaVersion: 1, data: valid, metadata: {} };
    const streamOfMetadata = metadataStreamOf(streamId);
    await this.beforeAppend([{ streamId: streamOfMetadata, events: [event], expected: revision }]);
    try {
      const response = await this.client.appendToStream(
        streamOfMetadata,
        jsonEvent({ id: event.id, type: METADATA_EVENT_TYPE, data: valid }),
        { streamState: revision as AppendStreamState },
      );
      return { nextExpectedRevision: response.nextExpectedRevision, transactionId: response.position?.commit ?? -1n, written: true };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw new WrongExpectedRevisionError(streamOfMetadata, revision, currentOf(error.actualState));
      throw translate(error, streamOfMetadata);
    }
  }

  /** KurrentDB keeps no index of event ids: one pass over `$all` (without system events), ending once every id is found. */
  async readEvents(eventIds: readonly string[]): Promise<StoredEvent[]> {
    const ids = [...new Set(eventIds)];
    ids.forEach((id, i) => {
      if (!isUuid(id)) throw new InvalidAppendError(`eventIds[${i}]`, 'must be a UUID');
    });
    const wanted = new Set(ids.map((id) => id.toLowerCase()));
    const found: StoredEvent[] = [];
    if (wanted.size === 0) return found;
    for await (const resolved of this.client.readAll({ fromPosition: START, filter: excludeSystemEvents() })) {
      const event = (resolved as AllStreamResolvedEvent).event;
      if (!event || !wanted.delete(event.id.toLowerCase())) continue;
      found.push(toStoredEvent(event as RecordedEvent));
      if (wanted.size === 0) break;
    }
    return found;
  }

  /** The prepare position of the last event that is not a system event (0 when there is none). */
  async lastPosition(): Promise<bigint> {
    return (await this.lastEventPosition())?.prepare ?? 0n;
  }

  /** The commit position of the last event that is not a system event (0 when there is none). */
  async lastTransaction(): Promise<bigint> {
    return (await this.lastEventPosition())?.commit ?? 0n;
  }

  private async lastEventPosition(): Promise<Position | undefined> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: 'backwards', maxCount: 1, filter: excludeSystemEvents() })) {
      const position = (resolved as AllStreamResolvedEvent).event?.position;
      if (position) return position;
    }
    return undefined;
  }

  /** Events after `after` (system events left out), counted by reading `$all` as far as `upTo`. */
  async countEvents(options: { after?: Checkpoint; upTo?: number } = {}): Promise<number> {
    const after = options.after ?? LOG_START;
    const upTo = options.upTo;
    if (upTo !== undefined && (!Number.isSafeInteger(upTo) || upTo < 0)) throw new InvalidAppendError('upTo', 'must be an integer ≥ 0');
    if (upTo === 0) return 0;
    const atStart = isLogStart(after);
    let count = 0;
    for await (const resolved of this.client.readAll({
      fromPosition: atStart ? START : positionOf(after),
      maxCount: upTo === undefined ? Number.MAX_SAFE_INTEGER : upTo + 1,
      filter: excludeSystemEvents(),
    })) {
      const event = (resolved as AllStreamResolvedEvent).event;
      if (!event?.position || (!atStart && !isAfter(toCheckpointed(event.position), after))) continue;
      if (++count === upTo) break;
    }
    return count;
  }

  /** Closes the client's connections and ends every live subscription. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.client.dispose();
  }

  private async serverVersion(): Promise<string> {
    const capabilities = await (this.client as unknown as { capabilities?: Promise<{ serverVersion?: string }> }).capabilities;
    return capabilities?.serverVersion ?? 'unknown version';
  }
}

/** An event as KurrentDB stores it: the data as JSON, Himotoki's schema version and metadata as string properties. */
function toEventData(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: { [SCHEMA_VERSION_KEY]: String(event.schemaVersion), [METADATA_KEY]: JSON.stringify(event.metadata ?? {}) },
  });
}

function toStoredEvent(event: RecordedEvent): StoredEvent {
  if (!event.position) throw new Error(`KurrentDB returned event ${event.id} of "${event.streamId}" without its log position (KurrentDB 21.10 or later is needed)`);
  const properties = (event.metadata ?? {}) as Record<string, unknown>;
  const schemaVersion = Number(properties[SCHEMA_VERSION_KEY] ?? 1);
  const metadata = typeof properties[METADATA_KEY] === 'string' ? (JSON.parse(properties[METADATA_KEY]) as JsonObject) : {};
  return {
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    globalPosition: event.position.prepare,
    transactionId: event.position.commit,
    type: event.type,
    schemaVersion: Number.isInteger(schemaVersion) ? schemaVersion : 1,
    data: (event.isJson && isObject(event.data) ? event.data : {}) as JsonObject,
    metadata,
    recordedAt: wholeSecond(event.created),
  };
}

/**
 * The client's reads (through its Rust bridge) report `created` to the whole second, its subscriptions to the
 * millisecond; an event must read the same either way, since the journal hashes its recorded time.
 */
const wholeSecond = (created: Date): Date => new Date(Math.floor(created.getTime() / 1000) * 1000);

/** The stored events of an append, in its order, when any of its ids is stored in the stream. */
function findStored(stream: StoredEvent[], events: EventToAppend[]): StoredEvent[] | undefined {
  const byId = new Map(stream.map((e) => [e.id, e]));
  const stored = events.flatMap((e) => byId.get(e.id) ?? []);
  return stored.length > 0 ? stored : undefined;
}

function assertSameContent(events: EventToAppend[], stored: StoredEvent[]): void {
  events.forEach((event, i) => {
    const kept = stored[i];
    if (!kept || kept.id !== event.id) throw new EventIdConflictError(event.id, 'at another place: retry the original append whole');
    const same =
      kept.type === event.type &&
      kept.schemaVersion === event.schemaVersion &&
      isDeepStrictEqual(kept.data, event.data) &&
      isDeepStrictEqual(kept.metadata, event.metadata ?? {});
    if (!same) throw new EventIdConflictError(event.id, `in stream "${kept.streamId}" with different content`);
  });
}

function currentOf(state: bigint | 'no_stream' | undefined): CurrentRevision {
  return typeof state === 'bigint' && state >= 0n ? state : 'no_stream';
}

function positionOf(checkpoint: Checkpoint): Position {
  return { commit: checkpoint.transactionId, prepare: checkpoint.globalPosition };
}

function isLogStart(checkpoint: Checkpoint): boolean {
  return checkpoint.transactionId === LOG_START.transactionId && checkpoint.globalPosition === LOG_START.globalPosition;
}

function toCheckpointed(position: Position): Pick<StoredEvent, 'transactionId' | 'globalPosition'> {
  return { transactionId: position.commit, globalPosition: position.prepare };
}

function isAfter(event: Pick<StoredEvent, 'transactionId' | 'globalPosition'>, checkpoint: Checkpoint): boolean {
  if (event.transactionId !== checkpoint.transactionId) return event.transactionId > checkpoint.transactionId;
  return event.globalPosition > checkpoint.globalPosition;
}

/**
 * Sends an append again when the connection was lost under it (the client reconnects for the next call). That
 * is safe because the events keep their ids: an append that did reach the log comes back as a retry.
 */
async function onceConnected<T>(send: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof UnavailableError) || attempt >= attempts) throw error;
      await sleepUnlessAborted(50 * 2 ** attempt, undefined);
    }
  }
}

/** A lost connection rather than a refusal: the subscription is worth opening again. */
function isDrop(error: unknown): boolean {
  return error instanceof UnavailableError || error instanceof CancelledError || error instanceof DeadlineExceededError || error instanceof NotLeaderError;
}

function sleepUnlessAborted(ms: number, abort: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      abort?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    abort?.addEventListener('abort', done, { once: true });
  });
}

function translate(error: unknown, streamId: string): unknown {
  if (error instanceof ClientStreamDeletedError || error instanceof StreamTombstonedError) return new StreamDeletedError(streamId);
  if (error instanceof ClientAccessDeniedError) return new EventStoreAccessDeniedError(streamId);
  return error;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}


