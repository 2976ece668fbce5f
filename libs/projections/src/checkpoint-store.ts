import type { Checkpoint, StoredEvent } from '#event-store';
import type { SqlTransaction } from './projection.js';

export interface StoredCheckpoint extends Checkpoint {
  state: 'running' | 'parked';
  eventsProcessed: bigint;
  /** The event the projection is parked on; null when running. */
  parkedOn: string | null;
  /** The revision of the last correction the projection has accounted for (-1: none). */
  correctionsRead: bigint;
}

interface CheckpointRow extends Record<string, unknown> {
  transaction_id: string;
  global_position: string;
  state: 'running' | 'parked';
  events_processed: string;
  error_event_id: string | null;
  corrections_read: string;
}

/**
 * Reads a projection's checkpoint and locks it for the transaction: a projector and a rebuild's swap both
 * take this lock first, so they never interleave.
 */
export async function lockCheckpoint(tx: SqlTransaction, projection: string): Promise<StoredCheckpoint> {
  // One statement: a first checkpoint is created, an existing one is locked (the no-op update takes the row
  // lock that FOR UPDATE would), and either way it is returned.
  const { rows } = await tx.query<CheckpointRow>(
    `INSERT INTO projections.checkpoints AS c (projection) VALUES ($1)
     ON CONFLICT (projection) DO UPDATE SET projection = c.projection
     RETURNING c.transaction_id::text AS transaction_id, c.global_position, c.state, c.events_processed, c.error_event_id, c.corrections_read`,
    [projection],
  );
  const row = rows[0]!;
  return {
    transactionId: BigInt(row.transaction_id),
    globalPosition: BigInt(row.global_position),
    state: row.state,
    eventsProcessed: BigInt(row.events_processed),
    parkedOn: row.state === 'parked' ? row.error_event_id : null,
    correctionsRead: BigInt(row.corrections_read),
  };
}

export async function advanceCheckpoint(tx: SqlTransaction, projection: string, to: Checkpoint, processed: number): Promise<void> {
  await tx.query(
    `UPDATE projections.checkpoints
        SET transaction_id = $2::text::xid8, global_position = $3, events_processed = events_processed + $4, updated_at = now()
      WHERE projection = $1`,
    [projection, to.transactionId.toString(), to.globalPosition.toString(), processed],
  );
}

/** Parks a projection on the event it cannot apply, naming it, so that an operator can correct it. */
export async function parkCheckpoint(tx: SqlTransaction, projection: string, error: string, event: StoredEvent): Promise<void> {
  await tx.query(
    `UPDATE projections.checkpoints
        SET state = 'parked', error = $2, error_position = $3, error_event_id = $4, error_event_type = $5, error_stream_id = $6, updated_at = now()
      WHERE projection = $1`,
    [projection, error.slice(0, 2000), event.globalPosition.toString(), event.id, event.type, event.streamId],
  );
}

/** Lets a parked projection go on from its checkpoint (its event has been corrected). */
export async function unparkCheckpoint(tx: SqlTransaction, projection: string): Promise<void> {
  await tx.query(
    `UPDATE projections.checkpoints
        SET state = 'running', error = NULL, error_position = NULL, error_event_id = NULL, error_event_type = NULL, error_stream_id = NULL, updated_at = now()
      WHERE projection = $1`,
    [projection],
  );
}

/**
 * Records how far the projection has read the corrections, and — when it had applied an event before that
 * event's correction was made — that its read model is stale until rebuilt (the first such finding is kept).
 */
export async function noteCorrections(tx: SqlTransaction, projection: string, read: bigint, stale: string | null): Promise<void> {
  await tx.query(`UPDATE projections.checkpoints SET corrections_read = $2, stale = coalesce(stale, $3) WHERE projection = $1`, [projection, read.toString(), stale]);
}

export const sameCheckpoint = (a: Checkpoint, b: Checkpoint) => a.transactionId === b.transactionId && a.globalPosition === b.globalPosition;

/** Whether `a` is at or before `b` in the log's order. */
export const atOrBefore = (a: Checkpoint, b: Checkpoint) => a.transactionId < b.transactionId || (a.transactionId === b.transactionId && a.globalPosition <= b.globalPosition);

export function checkpointOf(event: StoredEvent): Checkpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}
