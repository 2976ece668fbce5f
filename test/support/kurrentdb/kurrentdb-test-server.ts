import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import * as grpc from '@grpc/grpc-js';
import { protobuf, v1, v2, type Message } from './kurrentdb-protocol.js';

/**
 * KurrentDB protocol test server (never shipped): an in-memory gRPC server on the service definitions that
 * `@kurrent/kurrentdb-client` ships, answering the calls the event-store adapter makes with KurrentDB's
 * documented semantics (not Himotoki's):
 * - one transaction log; each record's prepare position is its byte offset in the log, and every event of one
 *   append (one implicit transaction) carries the commit position of that transaction (the log position of
 *   its first record), so `$all` is ordered by (commit, prepare);
 * - stream revisions from 0, expected-version checks and KurrentDB's idempotency rules: a retry at an exact
 *   expected version is recognized by the ids stored at the following revisions; under `any` and
 *   `stream_exists` only while the first id is still in the recently-committed-ids cache (`idempotencyWindow`
 *   ids), after which the same events are written again — KurrentDB compares ids, never content;
 * - `$$stream` metadata streams with `$tb` and `$maxCount` honoured by stream reads, soft deletes (`Delete`)
 *   and tombstones (`Tombstone`, then StreamDeleted on reads and appends), AccessDenied for streams an
 *   operator has made read-only (`denyWrites`);
 * - `$all` reads forwards (inclusive of the start position) and backwards (exclusive), filtered by event type
 *   or stream name, and `$all` subscriptions (exclusive of their start) with confirmation, filter checkpoints,
 *   caught-up and live events;
 * - multi-stream append (`kurrentdb.protocol.v2.streams.StreamsService/AppendSession`, KurrentDB 25.1): one
 *   transaction for all streams, refused whole on a revision conflict. `version` below 25.1 leaves it out of
 *   the advertised server features, as an older server would.
 * Every call is counted, so that a benchmark can report protocol round trips.
 */
export interface KurrentDbTestServerOptions {
  /** Server version advertised by ServerFeatures; below 25.1 there is no multi-stream append. */
  version?: string;
  /** How many recently committed event ids the `any`/`stream_exists` idempotency check remembers. */
  idempotencyWindow?: number;
  /** Streams the caller may not write to (an ACL without `$w` for it): appends answer AccessDenied. */
  denyWrites?: (streamId: string) => boolean;
}

export interface LoggedEvent {
  streamId: string;
  revision: bigint;
  eventId: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
  commit: bigint;
  prepare: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as KurrentDB reports `created`. */
  created: bigint;
  /** Removed by a scavenge: no read of the log returns it any more (its position is not reused). */
  scavenged?: true;
}

interface StreamState {
  events: LoggedEvent[];
  tombstoned: boolean;
}

type Expected = { kind: 'any' } | { kind: 'no_stream' } | { kind: 'stream_exists' } | { kind: 'revision'; revision: bigint };

interface Proposed {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

type Check =
  | { outcome: 'write' }
  | { outcome: 'idempotent'; lastRevision: bigint }
  | { outcome: 'wrong'; current: bigint }
  | { outcome: 'deleted' }
  | { outcome: 'denied' };

const EMPTY = () => new v1.shared.Empty();
/** Bytes a prepare record takes besides its stream name, type, data and metadata (header, ids, flags). */
const RECORD_OVERHEAD = 82n;
/** A fresh log starts after the epoch and chunk-header records, which are no events. */
const FIRST_EVENT_POSITION = 256n;
const SERVER_FEATURES: [service: string, method: string, since: string][] = [
  ['event_store.client.streams.Streams', 'Read', '20.6'],
  ['event_store.client.streams.Streams', 'Append', '20.6'],
  ['event_store.client.streams.Streams', 'Delete', '20.6'],
  ['event_store.client.streams.Streams', 'Tombstone', '20.6'],
  ['kurrentdb.protocol.v2.streams.StreamsService', 'AppendSession', '25.1'],
];

export class KurrentDbTestServer {
  private readonly server = new grpc.Server();
  private readonly log: LoggedEvent[] = [];
  private readonly streams = new Map<string, StreamState>();
  private readonly recentIds = new Map<string, { streamId: string; revision: bigint }>();
  private readonly appended = new EventEmitter();
  private readonly calls = new Map<string, number>();
  private readonly subscriptions = new Set<() => void>();
  private writerPosition = FIRST_EVENT_POSITION;
  private port = 0;

  private constructor(private readonly options: Required<KurrentDbTestServerOptions>) {
    this.appended.setMaxListeners(0);
  }

  static async start(options: KurrentDbTestServerOptions = {}): Promise<KurrentDbTestServer> {
    const server = new KurrentDbTestServer({
      version: options.version ?? '25.1.0',
      idempotencyWindow: options.idempotencyWindow ?? 1_000,
      denyWrites: options.denyWrites ?? (() => false),
    });
    await server.listen();
    return server;
  }

  /** The connection string a client uses to reach this server. */
  get url(): string {
    return `kurrentdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Calls received since the last reset, by method name (`Append`, `Read`, `AppendSession`, …). */
  roundTrips(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  resetRoundTrips(): void {
    this.calls.clear();
  }

  /** Events in the log, system events (types starting with `$`) included or not. */
  eventCount(includeSystem = false): number {
    return this.log.filter((e) => !e.scavenged && (includeSystem || !e.type.startsWith('$'))).length;
  }

  /**
   * A scavenge, as KurrentDB's scavenger runs one: removes from the log what deletion, `$tb` or `$maxCount` made
   * removable (every event of a tombstoned stream, and those its stream reads no longer show). Until then such
   * events stay in `$all`. Answers how many it removed.
   */
  scavenge(): number {
    let removed = 0;
    for (const [streamId, stream] of this.streams) {
      if (streamId.startsWith('$')) continue;
      const kept = new Set(stream.tombstoned ? [] : this.visibleEvents(streamId));
      for (const event of stream.events) {
        if (kept.has(event) || event.scavenged) continue;
        event.scavenged = true;
        removed++;
      }
    }
    return removed;
  }

  /** Ends every live subscription with UNAVAILABLE, as a node that restarts or loses leadership does. */
  dropSubscriptions(): void {
    for (const drop of [...this.subscriptions]) drop();
  }

  async close(): Promise<void> {
    this.appended.emit('closed');
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    this.server.forceShutdown();
  }

  private async listen(): Promise<void> {
    this.server.addService(v1.streamsGrpc.StreamsService, {
      read: this.counted('Read', (call: grpc.ServerWritableStream<Message, Message>) => this.read(call)),
      append: this.counted('Append', (call: grpc.ServerReadableStream<Message, Message>, done: grpc.sendUnaryData<Message>) =>
        this.appendV1(call, done),
      ),
      delete: this.counted('Delete', (call: grpc.ServerUnaryCall<Message, Message>, done: grpc.sendUnaryData<Message>) =>
        this.deleteStream(call.request, done, false),
      ),
      tombstone: this.counted('Tombstone', (call: grpc.ServerUnaryCall<Message, Message>, done: grpc.sendUnaryData<Message>) =>
        this.deleteStream(call.request, done, true),
      ),
    });
    this.server.addService(v2.streamsGrpc.StreamsServiceService, {
      appendSession: this.counted('AppendSession', (call: grpc.ServerReadableStream<Message, Message>, done: grpc.sendUnaryData<Message>) =>
        this.appendSession(call, done),
      ),
    });
    this.server.addService(v1.featuresGrpc.ServerFeaturesService, {
      getSupportedMethods: this.counted('GetSupportedMethods', (_: unknown, done: grpc.sendUnaryData<Message>) => done(null, this.features())),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
  }

  private counted<T extends unknown[]>(method: string, handler: (...args: T) => void) {
    return (...args: T) => {
      this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
      handler(...args);
    };
  }

  private features(): Message {
    const supported = new v1.features.SupportedMethods();
    supported.setEventStoreServerVersion(this.options.version);
    for (const [service, method, since] of SERVER_FEATURES) {
      if (compareVersions(this.options.version, since) < 0) continue;
      const entry = new v1.features.SupportedMethod();
      entry.setServiceName(service);
      entry.setMethodName(method);
      supported.addMethods(entry);
    }
    return supported;
  }

  // ---- the log ----

  private stream(streamId: string): StreamState | undefined {
    return this.streams.get(streamId);
  }

  private currentRevision(streamId: string): bigint {
    return BigInt((this.stream(streamId)?.events.length ?? 0) - 1);
  }

  /** KurrentDB's commit check: may these events be written, are they a retry, or is the version wrong? */
  private check(streamId: string, expected: Expected, proposed: Proposed[]): Check {
    const stream = this.stream(streamId);
    if (stream?.tombstoned) return { outcome: 'deleted' };
    if (this.options.denyWrites(streamId)) return { outcome: 'denied' };
    const current = this.currentRevision(streamId);
    const idsMatchFrom = (first: bigint): 'all' | 'some' | 'none' => {
      let matched = 0;
      proposed.forEach((event, i) => {
        if (stream?.events[Number(first) + i]?.eventId === event.id) matched++;
      });
      return matched === proposed.length ? 'all' : matched > 0 ? 'some' : 'none';
    };
    switch (expected.kind) {
      case 'any':
      case 'stream_exists': {
        if (expected.kind === 'stream_exists' && current < 0n) return { outcome: 'wrong', current };
        const recent = this.recentIds.get(proposed[0]!.id);
        if (!recent || recent.streamId !== streamId) return { outcome: 'write' };
        const match = idsMatchFrom(recent.revision);
        if (match === 'all') return { outcome: 'idempotent', lastRevision: recent.revision + BigInt(proposed.length) - 1n };
        // Part of a retry stored: KurrentDB calls it corrupted idempotency and answers a wrong expected version.
        return { outcome: 'wrong', current };
      }
      case 'no_stream':
      case 'revision': {
        const revision = expected.kind === 'no_stream' ? -1n : expected.revision;
        if (revision === current) return { outcome: 'write' };
        if (revision < current && idsMatchFrom(revision + 1n) === 'all') {
          return { outcome: 'idempotent', lastRevision: revision + BigInt(proposed.length) };
        }
        return { outcome: 'wrong', current };
      }
    }
  }

  /** Writes one transaction: the events of every stream, contiguously, sharing one commit position. */
  private write(writes: { streamId: string; events: Proposed[] }[]): LoggedEvent[] {
    const commit = this.writerPosition;
    const created = BigInt(Date.now()) * 10_000n;
    const written: LoggedEvent[] = [];
    for (const { streamId, events } of writes) {
      let stream = this.stream(streamId);
      if (!stream) this.streams.set(streamId, (stream = { events: [], tombstoned: false }));
      for (const event of events) {
        const logged: LoggedEvent = {
          streamId,
          revision: BigInt(stream.events.length),
          eventId: event.id,
          type: event.type,
          contentType: event.contentType,
          data: event.data,
          metadata: event.metadata,
          commit,
          prepare: this.writerPosition,
          created,
        };
        this.writerPosition +=
          RECORD_OVERHEAD + BigInt(Buffer.byteLength(streamId) + Buffer.byteLength(event.type) + event.data.length + event.metadata.length);
        stream.events.push(logged);
        this.log.push(logged);
        this.remember(event.id, streamId, logged.revision);
        written.push(logged);
      }
    }
    this.appended.emit('appended');
    return written;
  }

  private remember(eventId: string, streamId: string, revision: bigint): void {
    this.recentIds.delete(eventId);
    this.recentIds.set(eventId, { streamId, revision });
    if (this.recentIds.size > this.options.idempotencyWindow) this.recentIds.delete(this.recentIds.keys().next().value!);
  }

  /** Stream metadata as KurrentDB reads it: the data of the last event of `$$stream`. */
  private metadataOf(streamId: string): Record<string, unknown> {
    const last = this.stream(`$$${streamId}`)?.events.at(-1);
    if (!last) return {};
    try {
      return JSON.parse(Buffer.from(last.data).toString('utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  }

  /** The events a stream read can see: `$tb` and `$maxCount` hide older ones (the scavenger removes them later). */
  private visibleEvents(streamId: string): LoggedEvent[] {
    const events = this.stream(streamId)?.events ?? [];
    if (streamId.startsWith('$$')) return events;
    const metadata = this.metadataOf(streamId);
    let from = 0;
    if (typeof metadata.$tb === 'number') from = Math.max(from, metadata.$tb);
    if (typeof metadata.$maxCount === 'number') from = Math.max(from, events.length - metadata.$maxCount);
    return events.slice(from);
  }

  // ---- Streams.Append (v1) ----

  private appendV1(call: grpc.ServerReadableStream<Message, Message>, done: grpc.sendUnaryData<Message>): void {
    let streamId = '';
    let expected: Expected = { kind: 'any' };
    const proposed: Proposed[] = [];
    call.on('data', (request: Message) => {
      if (request.hasOptions()) {
        const options = request.getOptions();
        streamId = Buffer.from(options.getStreamIdentifier().getStreamName_asU8()).toString('utf8');
        if (options.hasRevision()) expected = { kind: 'revision', revision: BigInt(options.getRevision()) };
        else if (options.hasNoStream()) expected = { kind: 'no_stream' };
        else if (options.hasStreamExists()) expected = { kind: 'stream_exists' };
        else expected = { kind: 'any' };
        return;
      }
      const message = request.getProposedMessage();
      const metadata = message.getMetadataMap();
      proposed.push({
        id: uuidOf(message.getId()),
        type: metadata.get('type') ?? '',
        contentType: metadata.get('content-type') ?? 'application/octet-stream',
        data: message.getData_asU8(),
        metadata: message.getCustomMetadata_asU8(),
      });
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      const check = this.check(streamId, expected, proposed);
      const response = new v1.streams.AppendResp();
      switch (check.outcome) {
        case 'deleted':
          return done(commandError(grpc.status.FAILED_PRECONDITION, 'stream-deleted', streamId));
        case 'denied':
          return done(commandError(grpc.status.PERMISSION_DENIED, 'access-denied', streamId));
        case 'wrong': {
          const wrong = new v1.streams.AppendResp.WrongExpectedVersion();
          if (check.current < 0n) wrong.setCurrentNoStream(EMPTY());
          else wrong.setCurrentRevision(check.current.toString());
          if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
          else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(EMPTY());
          else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(EMPTY());
          else wrong.setExpectedAny(EMPTY());
          response.setWrongExpectedVersion(wrong);
          return done(null, response);
        }
        case 'idempotent': {
          // A recognized retry writes nothing and has no log position to report.
          const success = new v1.streams.AppendResp.Success();
          success.setCurrentRevision(check.lastRevision.toString());
          success.setNoPosition(EMPTY());
          response.setSuccess(success);
          return done(null, response);
        }
        case 'write': {
          const written = this.write([{ streamId, events: proposed }]);
          const last = written.at(-1)!;
          const success = new v1.streams.AppendResp.Success();
          success.setCurrentRevision(last.revision.toString());
          const position = new v1.streams.AppendResp.Position();
          position.setCommitPosition(last.commit.toString());
          position.setPreparePosition(last.prepare.toString());
          success.setPosition(position);
          response.setSuccess(success);
          return done(null, response);
        }
      }
    });
  }

  // ---- StreamsService.AppendSession (v2, KurrentDB 25.1) ----

  private appendSession(call: grpc.ServerReadableStream<Message, Message>, done: grpc.sendUnaryData<Message>): void {
    const requests: { streamId: string; expected: Expected; events: Proposed[] }[] = [];
    call.on('data', (request: Message) => {
      const revision = BigInt(request.getExpectedRevision() || '-2');
      const expected: Expected =
        revision === -2n ? { kind: 'any' } : revision === -1n ? { kind: 'no_stream' } : revision === -4n ? { kind: 'stream_exists' } : { kind: 'revision', revision };
      requests.push({
        streamId: request.getStream(),
        expected,
        events: request.getRecordsList().map((record: Message) => {
          // Record properties become the event's JSON metadata, as KurrentDB 25.1 stores them.
          const properties: Record<string, unknown> = {};
          record.getPropertiesMap().forEach((value: Message, key: string) => {
            properties[key] = value.toJavaScript();
          });
          const format = record.getSchema()?.getFormat();
          return {
            id: record.getRecordId(),
            type: record.getSchema()?.getName() ?? '',
            contentType: format === v2.streams.SchemaFormat.SCHEMA_FORMAT_JSON ? 'application/json' : 'application/octet-stream',
            data: record.getData_asU8(),
            metadata: Buffer.from(JSON.stringify(properties), 'utf8'),
          };
        }),
      });
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      const seen = new Set<string>();
      for (const request of requests) {
        if (seen.has(request.streamId)) {
          const details = new v2.errors.StreamAlreadyInAppendSessionErrorDetails();
          details.setStream(request.streamId);
          return done(detailedError(grpc.status.ABORTED, `stream ${request.streamId} is already in the append session`, 'StreamAlreadyInAppendSessionErrorDetails', details));
        }
        seen.add(request.streamId);
      }
      const checks = requests.map((r) => this.check(r.streamId, r.expected, r.events));
      const failing = checks.findIndex((c) => c.outcome !== 'write' && c.outcome !== 'idempotent');
      const allRetried = checks.every((c) => c.outcome === 'idempotent');
      // One transaction: a stream that would be a retry inside an append that writes others is a conflict.
      const conflict = failing >= 0 ? failing : allRetried ? -1 : checks.findIndex((c) => c.outcome === 'idempotent');
      if (conflict >= 0) {
        const check = checks[conflict]!;
        const { streamId, expected } = requests[conflict]!;
        if (check.outcome === 'deleted') {
          const details = new v2.errors.StreamTombstonedErrorDetails();
          details.setStream(streamId);
          return done(detailedError(grpc.status.FAILED_PRECONDITION, `stream ${streamId} is tombstoned`, 'StreamTombstonedErrorDetails', details));
        }
        if (check.outcome === 'denied') return done(commandError(grpc.status.PERMISSION_DENIED, 'access-denied', streamId));
        const details = new v2.errors.StreamRevisionConflictErrorDetails();
        details.setStream(streamId);
        details.setExpectedRevision(expectedCode(expected));
        details.setActualRevision(this.currentRevision(streamId).toString());
        return done(detailedError(grpc.status.FAILED_PRECONDITION, `stream ${streamId}: revision conflict`, 'StreamRevisionConflictErrorDetails', details));
      }
      const response = new v2.streams.AppendSessionResponse();
      if (allRetried) {
        requests.forEach((r, i) => response.addOutput(appendResponse(r.streamId, (checks[i] as { lastRevision: bigint }).lastRevision, -1n)));
        response.setPosition('-1');
        return done(null, response);
      }
      const written = this.write(requests.map((r) => ({ streamId: r.streamId, events: r.events })));
      for (const request of requests) {
        const last = written.filter((e) => e.streamId === request.streamId).at(-1)!;
        response.addOutput(appendResponse(request.streamId, last.revision, last.prepare));
      }
      response.setPosition(written[0]!.commit.toString());
      return done(null, response);
    });
  }

  // ---- Streams.Delete / Tombstone ----

  private deleteStream(request: Message, done: grpc.sendUnaryData<Message>, tombstone: boolean): void {
    const options = request.getOptions();
    const streamId = Buffer.from(options.getStreamIdentifier().getStreamName_asU8()).toString('utf8');
    const stream = this.stream(streamId);
    if (stream?.tombstoned) return done(commandError(grpc.status.FAILED_PRECONDITION, 'stream-deleted', streamId));
    const response = tombstone ? new v1.streams.TombstoneResp() : new v1.streams.DeleteResp();
    if (tombstone) {
      if (!stream) this.streams.set(streamId, { events: [], tombstoned: true });
      else stream.tombstoned = true;
      response.setNoPosition(EMPTY());
      return done(null, response);
    }
    // A soft delete is a metadata write: `$tb` past the last event.
    const metadata = { ...this.metadataOf(streamId), $tb: Number(this.currentRevision(streamId) + 1n) };
    const [event] = this.write([{ streamId: `$$${streamId}`, events: [metadataEvent(metadata)] }]);
    const position = new v1.streams.DeleteResp.Position();
    position.setCommitPosition(event!.commit.toString());
    position.setPreparePosition(event!.prepare.toString());
    response.setPosition(position);
    return done(null, response);
  }

  // ---- Streams.Read ----

  private read(call: grpc.ServerWritableStream<Message, Message>): void {
    const options = call.request.getOptions();
    const structured = options.getUuidOption()?.hasStructured() ?? false;
    const filter = eventFilter(options);
    if (options.hasStream()) {
      if (options.hasSubscription()) return void call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'stream subscriptions are not part of the test server' });
      return this.readStream(call, options, structured);
    }
    if (options.hasSubscription()) return this.subscribeToAll(call, options, structured, filter);
    const all = options.getAll();
    const backwards = options.getReadDirection() === v1.streams.ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount() || '0');
    let index: number;
    if (all.hasStart()) index = backwards ? -1 : 0;
    else if (all.hasEnd()) index = backwards ? this.log.length - 1 : this.log.length;
    else {
      const from = positionOf(all.getPosition());
      const first = this.firstAtOrAfter(from);
      index = backwards ? first - 1 : first;
    }
    let sent = 0;
    for (; index >= 0 && index < this.log.length && sent < count; index += backwards ? -1 : 1) {
      const event = this.log[index]!;
      if (event.scavenged || !filter(event)) continue;
      call.write(readEvent(event, structured));
      sent++;
    }
    call.end();
  }

  private readStream(call: grpc.ServerWritableStream<Message, Message>, options: Message, structured: boolean): void {
    const streamOptions = options.getStream();
    const streamId = Buffer.from(streamOptions.getStreamIdentifier().getStreamName_asU8()).toString('utf8');
    const stream = this.stream(streamId);
    if (stream?.tombstoned) return void call.emit('error', commandError(grpc.status.FAILED_PRECONDITION, 'stream-deleted', streamId));
    const visible = this.visibleEvents(streamId);
    if (visible.length === 0) {
      const response = new v1.streams.ReadResp();
      const notFound = new v1.streams.ReadResp.StreamNotFound();
      notFound.setStreamIdentifier(streamOptions.getStreamIdentifier());
      response.setStreamNotFound(notFound);
      call.write(response);
      return void call.end();
    }
    const backwards = options.getReadDirection() === v1.streams.ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount() || '0');
    const last = visible.at(-1)!.revision;
    const from = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision()) : streamOptions.hasStart() ? 0n : backwards ? last : last + 1n;
    const selected = backwards
      ? visible.filter((e) => e.revision <= from).reverse().slice(0, count)
      : visible.filter((e) => e.revision >= from).slice(0, count);
    for (const event of selected) call.write(readEvent(event, structured));
    call.end();
  }

  private subscribeToAll(call: grpc.ServerWritableStream<Message, Message>, options: Message, structured: boolean, filter: (e: LoggedEvent) => boolean): void {
    const all = options.getAll();
    let cursor = all.hasStart() ? 0 : all.hasEnd() ? this.log.length : this.firstAfter(positionOf(all.getPosition()));
    const filterOptions = options.hasFilter() ? options.getFilter() : undefined;
    const checkpointEvery = filterOptions ? (filterOptions.hasMax() ? filterOptions.getMax() : 32) * Math.max(1, filterOptions.getCheckpointintervalmultiplier()) : 0;
    let scanned = 0;
    let caughtUp = false;
    let stopped = false;
    const confirmation = new v1.streams.ReadResp();
    const confirmed = new v1.streams.ReadResp.SubscriptionConfirmation();
    confirmed.setSubscriptionId(randomUUID());
    confirmation.setConfirmation(confirmed);
    call.write(confirmation);
    const pump = () => {
      while (!stopped && cursor < this.log.length) {
        const event = this.log[cursor++]!;
        scanned++;
        let writable = true;
        if (!event.scavenged && filter(event)) writable = call.write(readEvent(event, structured));
        if (checkpointEvery > 0 && scanned % checkpointEvery === 0) writable = call.write(checkpointMessage(event)) && writable;
        if (!writable) return void call.once('drain', pump);
      }
      if (!caughtUp && !stopped) {
        caughtUp = true;
        const message = new v1.streams.ReadResp();
        const info = new v1.streams.ReadResp.CaughtUp();
        info.setTimestamp(protobuf.timestamp.Timestamp.fromDate(new Date()));
        const last = this.log.at(-1);
        if (last) info.setPosition(responsePosition(last));
        message.setCaughtUp(info);
        call.write(message);
      }
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      this.appended.off('appended', pump);
      this.appended.off('closed', close);
      this.subscriptions.delete(drop);
    };
    const drop = () => {
      stop();
      call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'the node is shutting down' });
    };
    this.subscriptions.add(drop);
    const close = () => {
      stop();
      call.end();
    };
    this.appended.on('appended', pump);
    this.appended.once('closed', close);
    call.on('cancelled', stop);
    call.on('close', stop);
    call.on('error', stop);
    pump();
  }

  /** Index of the first event at or after a log position. */
  private firstAtOrAfter(position: { commit: bigint; prepare: bigint }): number {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (comparePositions(this.log[middle]!, position) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private firstAfter(position: { commit: bigint; prepare: bigint }): number {
    const index = this.firstAtOrAfter(position);
    return index < this.log.length && comparePositions(this.log[index]!, position) === 0 ? index + 1 : index;
  }
}

function comparePositions(a: { commit: bigint; prepare: bigint }, b: { commit: bigint; prepare: bigint }): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

function positionOf(position: Message): { commit: bigint; prepare: bigint } {
  return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
}

function eventFilter(options: Message): (event: LoggedEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter();
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes: string[] = expression.getPrefixList();
  return (event) => {
    const subject = onType ? event.type : event.streamId;
    return regex ? regex.test(subject) : prefixes.some((p) => subject.startsWith(p));
  };
}

function uuidOf(uuid: Message): string {
  if (uuid.hasStructured()) {
    const s = uuid.getStructured();
    const hex = (v: string) => (BigInt(v) & ((1n << 64n) - 1n)).toString(16).padStart(16, '0');
    const ms = hex(s.getMostSignificantBits());
    const ls = hex(s.getLeastSignificantBits());
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-${ms.slice(12)}-${ls.slice(0, 4)}-${ls.slice(4)}`;
  }
  return uuid.getString();
}

function uuidMessage(id: string, structured: boolean): Message {
  const uuid = new v1.shared.UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replaceAll('-', '');
  const signed = (h: string) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString();
  const value = new v1.shared.UUID.Structured();
  value.setMostSignificantBits(signed(hex.slice(0, 16)));
  value.setLeastSignificantBits(signed(hex.slice(16)));
  return uuid.setStructured(value);
}

function readEvent(event: LoggedEvent, structured: boolean): Message {
  const recorded = new v1.streams.ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(uuidMessage(event.eventId, structured));
  const identifier = new v1.shared.StreamIdentifier();
  identifier.setStreamName(Buffer.from(event.streamId, 'utf8'));
  recorded.setStreamIdentifier(identifier);
  recorded.setStreamRevision(event.revision.toString());
  recorded.setPreparePosition(event.prepare.toString());
  recorded.setCommitPosition(event.commit.toString());
  recorded.getMetadataMap().set('type', event.type);
  recorded.getMetadataMap().set('content-type', event.contentType);
  recorded.getMetadataMap().set('created', event.created.toString());
  recorded.setCustomMetadata(event.metadata);
  recorded.setData(event.data);
  const read = new v1.streams.ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(event.commit.toString());
  const response = new v1.streams.ReadResp();
  response.setEvent(read);
  return response;
}

function checkpointMessage(event: LoggedEvent): Message {
  const checkpoint = new v1.streams.ReadResp.Checkpoint();
  checkpoint.setCommitPosition(event.commit.toString());
  checkpoint.setPreparePosition(event.prepare.toString());
  const response = new v1.streams.ReadResp();
  response.setCheckpoint(checkpoint);
  return response;
}

function responsePosition(event: LoggedEvent): Message {
  const position = new v1.streams.ReadResp.Position();
  position.setCommitPosition(event.commit.toString());
  position.setPreparePosition(event.prepare.toString());
  return position;
}

function appendResponse(streamId: string, revision: bigint, position: bigint): Message {
  const response = new v2.streams.AppendResponse();
  response.setStream(streamId);
  response.setStreamRevision(revision.toString());
  response.setPosition(position.toString());
  return response;
}

function metadataEvent(metadata: Record<string, unknown>): Proposed {
  return { id: randomUUID(), type: '$metadata', contentType: 'application/json', data: Buffer.from(JSON.stringify(metadata)), metadata: new Uint8Array() };
}

function expectedCode(expected: Expected): string {
  switch (expected.kind) {
    case 'any':
      return '-2';
    case 'no_stream':
      return '-1';
    case 'stream_exists':
      return '-4';
    default:
      return expected.revision.toString();
  }
}

/** A v1 error: KurrentDB names its kind in the `exception` trailer, and the stream in `stream-name`. */
function commandError(code: grpc.status, exception: string, streamId: string): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  metadata.set('exception', exception);
  metadata.set('stream-name', streamId);
  return Object.assign(new Error(`${exception}: ${streamId}`), { code, details: `${exception}: ${streamId}`, metadata });
}

/** A v2 error: a google.rpc.Status whose details name the kind (`grpc-status-details-bin`). */
function detailedError(code: grpc.status, message: string, detailsType: string, details: Message): grpc.ServiceError {
  const status = new v1.status.Status();
  status.setCode(code);
  status.setMessage(message);
  const any = new protobuf.any.Any();
  any.setTypeUrl(`type.googleapis.com/kurrentdb.protocol.v2.streams.errors.${detailsType}`);
  any.setValue(details.serializeBinary());
  status.setDetails(any);
  const metadata = new grpc.Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(status.serializeBinary()));
  return Object.assign(new Error(message), { code, details: message, metadata });
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
