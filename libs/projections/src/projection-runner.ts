import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { ASYNCHRONOUS_COMMIT, inTransaction } from '#database';
import type { Checkpoint, EventBodies, EventStore, StoredEvent } from '#event-store';
import { advanceCheckpoint, atOrBefore, checkpointOf, lockCheckpoint, noteCorrections, parkCheckpoint, sameCheckpoint, unparkCheckpoint, type StoredCheckpoint } from './checkpoint-store.js';
import { EventCorrected } from '#vocabulary';
import { pendingProjections } from './applied.js';
import { CorrectionLedger } from './correction-ledger.js';
import type { Projection } from './projection.js';

/** How long a projection may pass over batches it does not handle before writing its checkpoint anyway. */
const PASS_OVER_MS = 1000;
/** Lag is counted exactly up to this many events; beyond, it is estimated from global positions. */
const EXACT_LAG = 100_000;
/** After a partial batch it applied, a projection lingers this long for each event the batch held (up to `lingerMs`). */
const LINGER_PER_EVENT_MS = 4;
/** How often the corrections are read again while projecting (and whenever a batch holds one). */
const CORRECTIONS_READ_MS = 1000;
/** How often a parked projection looks for a correction of the event it is parked on. */
const PARKED_POLL_MS = 1000;

export interface ProjectionStatus {
  name: string;
  state: 'running' | 'parked' | 'stopped';
  /** Global position of the last event applied. */
  position: string;
  eventsProcessed: string;
  /** Events in the log after the checkpoint: exact up to 100,000, estimated from global positions beyond. */
  lagEvents: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  lagSeconds: number;
  error: string | null;
  errorPosition: string | null;
  /** The event a parked projection stopped on: correct it (`correctEvent`) and the projection resumes. */
  parkedOn: { eventId: string; type: string; streamId: string; globalPosition: string; reason: string } | null;
  /** Set when the projection applied an event before that event's correction: its read model wants a rebuild. */
  stale: string | null;
}

type BatchOutcome = 'applied' | 'moved' | 'parked';

/**
 * Keeps projections up to date: each follows the log from its own checkpoint, a batch per transaction, with
 * the checkpoint written in that transaction. A projection that fails on an event is parked there — its
 * error, position and event recorded — and the others go on; it resumes once an operator has corrected that
 * event. Every batch is read as corrected (see CorrectionLedger), live and in a rebuild alike.
 */
export class ProjectionRunner {
  private abort = new AbortController();
  private loops: Promise<void>[] = [];
  /** The operators' corrections, shared by this runner's projections. */
  readonly corrections: CorrectionLedger;

  constructor(
    private readonly pool: pg.Pool,
    /** The log it follows. */
    readonly store: EventStore,
    readonly projections: readonly Projection[],
    private readonly batchSize = 1000,
    /**
     * After a partial batch, the longest wait for events to gather before the next read. A batch applied waits
     * LINGER_PER_EVENT_MS for each event it held: a lone event (an agency's write) is followed within a few
     * milliseconds, while a stream of them (an audit record per auditor query, hundreds a second) is taken in
     * batches of this many milliseconds: each batch costs every projection a read and a transaction, whatever
     * its size, so larger batches cost less a record. A batch only passed over waits this long whatever its
     * size: it costs no transaction, and most read models have nothing to do in such a stream.
     */
    private readonly lingerMs = 100,
  ) {
    this.corrections = new CorrectionLedger(store);
  }

  /** Starts following the log, live, until `stop`. */
  start(): void {
    if (this.loops.length > 0) return;
    this.abort = new AbortController();
    // Every projection's subscription listens on this one signal.
    setMaxListeners(4 * this.projections.length + 10, this.abort.signal);
    this.loops = this.projections.map((projection) => this.follow(projection, this.abort.signal));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
    this.loops = [];
  }

  get running(): boolean {
    return this.loops.length > 0;
  }

  /** Applies every event visible now, then returns: for tools and tests that need a settled read model. */
  async catchUp(): Promise<void> {
    await this.corrections.refresh();
    for (const projection of this.projections) {
      // Where the last batch applied left the checkpoint: read again (a transaction of its own) only after a
      // batch that was not, as a live projection follows on from its own batches.
      let from: Checkpoint | undefined;
      for (;;) {
        if (!from) {
          const stored = await this.checkpointOf(projection.name);
          if (stored.state === 'parked' && !(await this.resumeIfCorrected(projection.name, stored))) break;
          from = stored;
        }
        const events = await this.store.readAll({ after: from, maxCount: this.batchSize, ...bodiesOf(projection) });
        if (events.length === 0) break;
        const outcome = await this.applyBatch(projection, projection.schema, from, events);
        if (outcome === 'parked') break;
        from = outcome === 'applied' ? checkpointOf(events.at(-1)!) : undefined;
      }
    }
  }

  /**
   * Where each live projection has read to (`to`) beyond its stored checkpoint (`from`): batches with no event
   * it handles are passed over without a transaction (a burst of audit records would otherwise cost every read
   * model a commit), and the checkpoint catches up with the next batch it writes, or within a second.
   */
  private readonly passedOver = new Map<string, { from: Checkpoint; to: Checkpoint }>();

  /** Where a projection whose stored checkpoint is `stored` has read to: past it only over what it passed over from there. */
  private readTo(name: string, stored: Checkpoint): Checkpoint {
    const passed = this.passedOver.get(name);
    return passed && sameCheckpoint(passed.from, stored) ? passed.to : stored;
  }

  private async follow(projection: Projection, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const from = await this.checkpointOf(projection.name);
      if (from.state === 'parked') {
        // Parked: wait for an operator's correction of the event, then follow on from the same checkpoint.
        if (!(await this.resumeIfCorrected(projection.name, from))) await sleep(PARKED_POLL_MS, undefined, { signal }).catch(() => undefined);
        continue;
      }
      let stored: Checkpoint = from;
      let storedAt = Date.now();
      let passed = 0;
      let restart = false;
      // Its own signal besides the runner's (which may have been aborted already), so that a restart ends a read
      // waiting for the next append (or poll) at once: an async generator's return() waits for the pending next().
      const reading = new AbortController();
      const batches = this.store.subscribeToAllInBatches({ after: from, batchSize: this.batchSize, signal: AbortSignal.any([signal, reading.signal]), ...bodiesOf(projection) })[Symbol.asyncIterator]();
      try {
        for (;;) {
          const next = batches.next();
          // Passed over and then idle: the checkpoint is written within PASS_OVER_MS all the same, so that
          // whoever reads it (another process's status, a restart) does not see that work as lag.
          if (passed > 0 && (await idleFor(next, PASS_OVER_MS - (Date.now() - storedAt), signal))) {
            const last = this.passedOver.get(projection.name)!.to;
            if (!(await this.storePassedOver(projection.name, stored, last, passed))) {
              restart = true;
              break;
            }
            [stored, storedAt, passed] = [last, Date.now(), 0];
            this.passedOver.delete(projection.name);
          }
          const { value: events, done } = await next;
          if (done) break;
          const last = checkpointOf(events.at(-1)!);
          const handles = projection.handles;
          // A batch holding a correction is applied (even with nothing to write): that is where a correction
          // of an event the projection applied already is found, and the projection marked stale.
          const passOver = handles !== undefined && !events.some((e) => handles.has(e.type) || e.type === EventCorrected.type);
          if (passOver && Date.now() - storedAt < PASS_OVER_MS) {
            passed += events.length;
            this.passedOver.set(projection.name, { from: stored, to: last });
          } else {
            const outcome = await this.applyBatch(projection, projection.schema, stored, events, projection.name, passed);
            // Parked: back to the top, to wait for a correction. Moved under us (a rebuild was swapped in):
            // follow on from the new checkpoint.
            if (outcome !== 'applied') {
              restart = true;
              break;
            }
            [stored, storedAt, passed] = [last, Date.now(), 0];
            this.passedOver.delete(projection.name);
          }
          const linger = passOver ? this.lingerMs : Math.min(this.lingerMs, events.length * LINGER_PER_EVENT_MS);
          if (events.length < this.batchSize && linger > 0) await new Promise((resolve) => setTimeout(resolve, linger));
        }
      } finally {
        reading.abort();
        await batches.return?.();
      }
      this.passedOver.delete(projection.name);
      if (!restart) return;
    }
  }

  /** Moves the checkpoint over batches passed over; false when it was moved meanwhile (a rebuild swapped in, a park). */
  private storePassedOver(name: string, from: Checkpoint, to: Checkpoint, count: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const checkpoint = await lockCheckpoint(client, name);
      if (checkpoint.state === 'parked' || !sameCheckpoint(checkpoint, from)) return false;
      await advanceCheckpoint(client, name, to, count);
      return true;
    });
  }

  /**
   * One transaction: lock the checkpoint, check it is where this batch starts, apply, advance. On a failure
   * the events are tried one by one, so the projection is parked exactly on the event it cannot apply.
   */
  async applyBatch(projection: Projection, schema: string, from: Checkpoint, events: StoredEvent[], checkpointName = projection.name, passedOver = 0): Promise<BatchOutcome> {
    const corrected = projection.readsLogAsWritten !== true;
    // Read before the transaction (the embedded database has one connection), and fixed for the batch. A
    // correction read late (it was made in the last CORRECTIONS_READ_MS) finds the event applied as written,
    // and marks the read model stale: never silently different from a rebuild.
    if (corrected) await this.corrections.refreshFor(events, CORRECTIONS_READ_MS);
    const upTo = this.corrections.revision;
    try {
      // A read model is rebuilt from the log, and its rows and checkpoint commit together: a crash can lose
      // only the last batches whole, which are applied again. So no commit waits for its WAL flush.
      return await inTransaction(
        this.pool,
        async (client): Promise<BatchOutcome> => {
          const checkpoint = await lockCheckpoint(client, checkpointName);
          // Parked or moved: nothing is written but the checkpoint's lock, which the commit lets go.
          if (checkpoint.state === 'parked') return 'parked';
          if (!sameCheckpoint(checkpoint, from)) return 'moved';
          const read = corrected ? this.corrections.apply(events, upTo) : events;
          if (read.length > 0) await projection.apply(read, client, schema);
          await advanceCheckpoint(client, checkpointName, checkpointOf(events.at(-1)!), passedOver + events.length);
          if (corrected && upTo > checkpoint.correctionsRead) await noteCorrections(client, checkpointName, upTo, this.missedCorrection(projection, checkpoint, upTo));
          return 'applied';
        },
        ASYNCHRONOUS_COMMIT,
      );
    } catch (error) {
      return this.recover(projection, schema, from, events, error as Error, checkpointName, passedOver, corrected ? upTo : undefined);
    }
  }

  private async recover(
    projection: Projection,
    schema: string,
    from: Checkpoint,
    events: StoredEvent[],
    error: Error,
    checkpointName: string,
    passedOver: number,
    upTo: bigint | undefined,
  ): Promise<BatchOutcome> {
    if (events.length > 1) {
      let position = from;
      for (const [i, event] of events.entries()) {
        const outcome = await this.applyBatch(projection, schema, position, [event], checkpointName, i === 0 ? passedOver : 0);
        if (outcome !== 'applied') return outcome;
        position = checkpointOf(event);
      }
      return 'applied';
    }
    return inTransaction(this.pool, async (client): Promise<BatchOutcome> => {
      const checkpoint = await lockCheckpoint(client, checkpointName);
      // The corrections it failed with are accounted for: only a later one resumes it.
      if (upTo !== undefined && upTo > checkpoint.correctionsRead) await noteCorrections(client, checkpointName, upTo, this.missedCorrection(projection, checkpoint, upTo));
      await parkCheckpoint(client, checkpointName, `${events[0]!.type} ${events[0]!.id}: ${error.message}`, events[0]!);
      return 'parked';
    });
  }

  /**
   * A correction made after the projection had applied the event it corrects (read after `checkpoint` had
   * passed it): the read model holds the event as it was written, so it is stale until rebuilt.
   */
  private missedCorrection(projection: Projection, checkpoint: StoredCheckpoint, upTo: bigint): string | null {
    const missed = this.corrections
      .between(checkpoint.correctionsRead, upTo)
      .find((c) => (projection.handles === undefined || projection.handles.has(c.eventType)) && atOrBefore(c.at, checkpoint));
    return missed
      ? `applied ${missed.eventType} ${missed.eventId} (global position ${missed.at.globalPosition}) before its correction ${missed.correctionId}: rebuild it (himotoki rebuild --projection ${projection.name})`
      : null;
  }

  /** Unparks a projection whose event has been corrected since; false when there is no correction yet. */
  private async resumeIfCorrected(name: string, parked: StoredCheckpoint): Promise<boolean> {
    const projection = this.projections.find((p) => p.name === name);
    if (!parked.parkedOn || projection?.readsLogAsWritten) return false;
    await this.corrections.refresh();
    // A correction it already failed with (its corrected data cannot be applied either) does not resume it.
    if ((this.corrections.of(parked.parkedOn)?.revision ?? -1n) <= parked.correctionsRead) return false;
    return inTransaction(this.pool, async (client) => {
      const now = await lockCheckpoint(client, name);
      if (now.state !== 'parked' || now.parkedOn !== parked.parkedOn) return now.state === 'running';
      await unparkCheckpoint(client, name);
      return true;
    });
  }

  private checkpointOf(name: string) {
    return inTransaction(this.pool, (client) => lockCheckpoint(client, name));
  }

  /**
   * The projections of this runner that have not yet applied every event of the log transaction `transactionId`
   * (an append's, or the log's newest: `EventStore.lastTransaction`), as `pendingProjections` tells for any
   * process, and counting what this one passed over as applied: its read model had nothing to write for it.
   */
  pending(transactionId: bigint): Promise<string[]> {
    const names = this.projections.map((p) => p.name);
    return pendingProjections(this.pool, this.store, names, transactionId, (name, stored) => this.readTo(name, stored));
  }

  async status(): Promise<ProjectionStatus[]> {
    const names = this.projections.map((p) => p.name);
    const { rows: checkpoints } = await this.pool.query<{
      projection: string;
      state: 'running' | 'parked';
      transaction_id: string;
      global_position: string;
      events_processed: string;
      error: string | null;
      error_position: string | null;
      error_event_id: string | null;
      error_event_type: string | null;
      error_stream_id: string | null;
      stale: string | null;
    }>(
      `SELECT n.projection, coalesce(c.state, 'running') AS state, coalesce(c.transaction_id, '0'::xid8)::text AS transaction_id,
              coalesce(c.global_position, 0) AS global_position, coalesce(c.events_processed, 0) AS events_processed, c.error, c.error_position,
              c.error_event_id, c.error_event_type, c.error_stream_id, c.stale
         FROM unnest($1::text[]) WITH ORDINALITY AS n(projection, i)
         LEFT JOIN projections.checkpoints c ON c.projection = n.projection
        ORDER BY n.i`,
      [names],
    );
    // The lag counts the log after where each projection has read to: where this process passed over to
    // (always past the stored checkpoint), else the checkpoint. Far behind, it is told from positions: counting
    // a catch-up exactly on every poll would cost the database more than the catch-up it reports on.
    const last = await this.store.lastPosition();
    const lags = await Promise.all(
      checkpoints.map(async (c) => {
        const after = this.readTo(c.projection, { transactionId: BigInt(c.transaction_id), globalPosition: BigInt(c.global_position) });
        const counted = await this.store.countEvents({ after, upTo: EXACT_LAG + 1 });
        const events = counted <= EXACT_LAG ? counted : Math.max(counted, Number(last - after.globalPosition));
        const [oldest] = events === 0 ? [] : await this.store.readAll({ after, maxCount: 1 });
        return { events, seconds: oldest ? (Date.now() - oldest.recordedAt.getTime()) / 1000 : 0 };
      }),
    );
    return checkpoints.map((row, i) => ({
      name: row.projection,
      state: row.state === 'parked' ? 'parked' : this.running ? 'running' : 'stopped',
      position: String(row.global_position),
      eventsProcessed: String(row.events_processed),
      lagEvents: lags[i]!.events,
      lagSeconds: Math.max(0, Math.round(lags[i]!.seconds * 1000) / 1000),
      error: row.error,
      errorPosition: row.error_position === null ? null : String(row.error_position),
      parkedOn:
        row.state === 'parked' && row.error_event_id
          ? {
              eventId: row.error_event_id,
              type: row.error_event_type ?? '',
              streamId: row.error_stream_id ?? '',
              globalPosition: String(row.error_position),
              reason: (row.error ?? '').replace(`${row.error_event_type} ${row.error_event_id}: `, ''),
            }
          : null,
      stale: row.stale,
    }));
  }
}

/**
 * How much of each event the projection is read with: commitments only (as views of the batch's bytes) when it
 * says so, and never as corrected, since a correction is applied to the data.
 */
const bodiesOf = (projection: Projection): EventBodies =>
  projection.readsCommitmentsOnly === true && projection.readsLogAsWritten === true ? { commitmentsOnly: true, commitmentViews: true } : {};

/** Whether `next` is still pending after `ms` (false as soon as it settles, or on abort). */
async function idleFor(next: Promise<unknown>, ms: number, signal: AbortSignal): Promise<boolean> {
  const timer = new AbortController();
  const onAbort = () => timer.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([next.then(() => false, () => false), sleep(Math.max(0, ms), true, { signal: timer.signal }).catch(() => false)]);
  } finally {
    timer.abort();
    signal.removeEventListener('abort', onAbort);
  }
}

export { checkpointOf };

