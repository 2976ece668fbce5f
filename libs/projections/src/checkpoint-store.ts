import type { Checkpoint } from '#event-store';
import type { SqlTransaction } from './projection.js';

export interface StoredCheckpoint extends Checkpoint {
  state: 'running' | 'parked';
  eventsProcessed: bigint;
}

interface CheckpointRow extends Record<string, unknown> {
  transaction_id: string;
  global_position: string;
  state: 'running' | 'parked';
  events_processed: string;
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
     RETURNING c.transaction_id::text AS transaction_id, c.global_position, c.state, c.events_processed`,
    [projection],
  );
  const row = rows[0]!;
  return {
    transactionId: BigInt(row.transaction_id),
    globalPosition: BigInt(row.global_position),
    state: row.state,
    eventsProcessed: BigInt(row.events_processed),
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

export async function parkCheckpoint(tx: SqlTransaction, projection: string, error: string, position: bigint): Promise<void> {
  await tx.query(
    `UPDATE projections.checkpoints SET state = 'parked', error = $2, error_position = $3, updated_at = now() WHERE projection = $1`,
    [projection, error.slice(0, 2000), position.toString()],
  );
}

export const sameCheckpoint = (a: Checkpoint, b: Checkpoint) => a.transactionId === b.transactionId && a.globalPosition === b.globalPosition;
