import type pg from 'pg';
import { inTransaction } from '#database';
import { LOG_START, type Checkpoint, type EventStore, type StoredEvent } from '#event-store';
import { lockCheckpoint } from './checkpoint-store.js';
import type { Projection } from './projection.js';
import { checkpointOf, type ProjectionRunner } from './projection-runner.js';

export interface RebuildProgress {
  projection: string;
  processed: number;
  /** Events in the log when the rebuild started (the log may grow meanwhile). */
  total: number;
}

/** Rebuilds one projection (see rebuildProjections). */
export async function rebuildProjection(
  pool: pg.Pool,
  store: EventStore,
  runner: ProjectionRunner,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  return (await rebuildProjections(pool, store, runner, [projection], options))[0]!;
}

export interface RebuildOptions {
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

/**
 * Rebuilds projections from position zero, blue-green: a fresh copy of each one's schema is built beside the
 * live one (which keeps answering queries), caught up with the log, and swapped in, in one transaction that
 * holds the projection's checkpoint lock, so the live projector never writes across the swap. The log is read
 * once for all of them, ahead of the slowest, and the projections apply it concurrently (each batch in its own
 * transaction), so that the database and the projections' code overlap.
 */
export async function rebuildProjections(
  pool: pg.Pool,
  store: EventStore,
  runner: ProjectionRunner,
  projections: readonly Projection[],
  options: RebuildOptions = {},
): Promise<RebuildProgress[]> {
  const batchSize = options.batchSize ?? 5000;
  const staging = (projection: Projection) => `${projection.schema}__rebuild`;
  const checkpointName = (projection: Projection) => `${projection.name}@rebuild`;
  for (const projection of projections) {
    await pool.query(`DROP SCHEMA IF EXISTS ${staging(projection)} CASCADE`);
    await pool.query(`CREATE SCHEMA ${staging(projection)}`);
    for (const table of projection.tables) {
      await pool.query(`CREATE TABLE ${staging(projection)}.${table} (LIKE ${projection.schema}.${table} INCLUDING ALL)`);
    }
    await pool.query(`DELETE FROM projections.checkpoints WHERE projection = $1`, [checkpointName(projection)]);
  }
  const total = await store.countEvents();
  const progress = { projection: projections.map((p) => p.name).join(', '), processed: 0, total };

  let pending = [...projections];
  let position = LOG_START;
  while (pending.length > 0) {
    // Each projection follows the shared batches at its own pace: the slowest sets the time, not each batch's slowest.
    const log = new SharedBatches(store, position, batchSize, pending.length);
    const applied = pending.map(() => 0);
    const ends = await Promise.all(
      pending.map(async (projection, i) => {
        let from = position;
        for (let n = 0; ; n++) {
          const events = await log.batch(n, i);
          if (events.length === 0) return from;
          const outcome = await runner.applyBatch(projection, staging(projection), from, events, checkpointName(projection));
          if (outcome !== 'applied') {
            log.abandon(i);
            throw new Error(`rebuild of ${projection.name} stopped: the projection ${outcome === 'parked' ? 'failed on an event (see its status)' : 'checkpoint moved'}`);
          }
          from = checkpointOf(events.at(-1)!);
          applied[i] += events.length;
          const slowest = Math.min(...applied);
          if (slowest > progress.processed) {
            progress.processed = slowest;
            options.onProgress?.({ ...progress });
          }
        }
      }),
    );
    position = ends[0]!;
    const swapped = await Promise.all(pending.map((p) => swapIfCaughtUp(pool, store, p, staging(p), checkpointName(p))));
    pending = pending.filter((_, i) => !swapped[i]);
  }
  return projections.map((p) => ({ ...progress, projection: p.name }));
}

/**
 * The log read once for several readers, in batches: batch n is read after batch n − 1 ends, up to `ahead`
 * batches beyond the slowest reader, and dropped once every reader is past it (memory stays bounded).
 */
class SharedBatches {
  private readonly batches = new Map<number, Promise<StoredEvent[]>>();
  private readonly cursors: number[];
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly start: Checkpoint,
    private readonly batchSize: number,
    readers: number,
    private readonly ahead = 3,
  ) {
    this.cursors = Array.from({ length: readers }, () => 0);
  }

  async batch(n: number, reader: number): Promise<StoredEvent[]> {
    this.cursors[reader] = n;
    for (const wake of this.waiting.splice(0)) wake();
    for (const [index] of this.batches) if (index < Math.min(...this.cursors)) this.batches.delete(index);
    while (n > Math.min(...this.cursors) + this.ahead) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const batch = this.read(n);
    // The next batch is read while this one is applied.
    if (n + 1 <= Math.min(...this.cursors) + this.ahead) this.read(n + 1).catch(() => undefined);
    return batch;
  }

  /** A reader that stopped no longer holds the others back. */
  abandon(reader: number): void {
    this.cursors[reader] = Number.MAX_SAFE_INTEGER;
    for (const wake of this.waiting.splice(0)) wake();
  }

  private read(n: number): Promise<StoredEvent[]> {
    let batch = this.batches.get(n);
    if (!batch) {
      const after = n === 0 ? Promise.resolve(this.start) : this.read(n - 1).then((previous) => (previous.length ? checkpointOf(previous.at(-1)!) : null));
      batch = after.then((from) => (from ? this.store.readAll({ after: from, maxCount: this.batchSize }) : []));
      this.batches.set(n, batch);
    }
    return batch;
  }
}

/**
 * Swaps the staging schema in, unless events arrived since the last read (then the caller catches up again).
 * Events that arrive after the look and before the swap are the live projector's to apply: it follows on from
 * the rebuilt checkpoint.
 */
async function swapIfCaughtUp(pool: pg.Pool, store: EventStore, projection: Projection, staging: string, checkpointName: string): Promise<boolean> {
  const rebuilt = await inTransaction(pool, (client) => lockCheckpoint(client, checkpointName));
  if ((await store.readAll({ after: rebuilt, maxCount: 1 })).length > 0) return false;
  return inTransaction(pool, async (client) => {
    await lockCheckpoint(client, projection.name);
    await lockCheckpoint(client, checkpointName);
    // Fresh tables have no statistics yet: without them the planner picks the wrong index for a while.
    for (const table of projection.tables) await client.query(`ANALYZE ${staging}.${table}`);
    const retired = `${projection.schema}__retired`;
    await client.query(`DROP SCHEMA IF EXISTS ${retired} CASCADE`);
    await client.query(`ALTER SCHEMA ${projection.schema} RENAME TO ${retired}`);
    await client.query(`ALTER SCHEMA ${staging} RENAME TO ${projection.schema}`);
    await client.query(`DROP SCHEMA ${retired} CASCADE`);
    await client.query(
      `UPDATE projections.checkpoints live
          SET transaction_id = r.transaction_id, global_position = r.global_position, events_processed = r.events_processed,
              state = 'running', error = NULL, error_position = NULL, updated_at = now()
         FROM projections.checkpoints r
        WHERE live.projection = $1 AND r.projection = $2`,
      [projection.name, checkpointName],
    );
    await client.query(`DELETE FROM projections.checkpoints WHERE projection = $1`, [checkpointName]);
    return true;
  });
}
