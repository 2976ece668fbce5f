import type pg from 'pg';
import { LOG_START, type EventStore } from '#event-store';
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
 * once for all of them, the next batch while the current one is applied, and each batch is applied to every
 * projection at once (each in its own transaction), so that the database and the projections' code overlap.
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
  const total = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM event_store.events`)).rows[0]!.n);
  const progress = { projection: projections.map((p) => p.name).join(', '), processed: 0, total };

  let pending = [...projections];
  let position = LOG_START;
  while (pending.length > 0) {
    let next = store.readAll({ after: position, maxCount: batchSize });
    for (;;) {
      const events = await next;
      if (events.length === 0) break;
      const from = position;
      position = checkpointOf(events.at(-1)!);
      next = store.readAll({ after: position, maxCount: batchSize });
      const outcomes = await Promise.all(pending.map((p) => runner.applyBatch(p, staging(p), from, events, checkpointName(p))));
      const failed = outcomes.findIndex((outcome) => outcome !== 'applied');
      if (failed >= 0) {
        await next.catch(() => undefined);
        const outcome = outcomes[failed];
        throw new Error(`rebuild of ${pending[failed]!.name} stopped: the projection ${outcome === 'parked' ? 'failed on an event (see its status)' : 'checkpoint moved'}`);
      }
      progress.processed += events.length;
      options.onProgress?.({ ...progress });
    }
    const swapped = await Promise.all(pending.map((p) => swapIfCaughtUp(pool, p, staging(p), checkpointName(p))));
    pending = pending.filter((_, i) => !swapped[i]);
  }
  return projections.map((p) => ({ ...progress, projection: p.name }));
}

/** Swaps the staging schema in, unless events arrived since the last read (then the caller catches up again). */
async function swapIfCaughtUp(pool: pg.Pool, projection: Projection, staging: string, checkpointName: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await lockCheckpoint(client, projection.name);
    const rebuilt = await lockCheckpoint(client, checkpointName);
    const { rows } = await client.query<{ behind: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM event_store.events e
         WHERE (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
           AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())) AS behind`,
      [rebuilt.transactionId.toString(), rebuilt.globalPosition.toString()],
    );
    if (rows[0]!.behind) {
      await client.query('ROLLBACK');
      return false;
    }
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
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
