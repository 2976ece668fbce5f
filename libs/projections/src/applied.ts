import type pg from 'pg';
import { LOG_START, hasReadTransaction, type Checkpoint, type EventStore } from '#event-store';

/**
 * Read-your-writes across processes: the projections among `names` that have not yet applied every event of the
 * log transaction `transactionId` (a command's `AppendResult.transactionId`). The checkpoints are read from
 * `reads`, the pool the read models answer from: each is written in the transaction of its read model's changes,
 * so once none is pending there, the next read there sees the write, whichever process projected it. `readTo`
 * tells where the projecting process has read to from a stored checkpoint, over events its read model does not
 * handle (nothing left to write): only that process knows it.
 */
export async function pendingProjections(
  reads: pg.Pool,
  store: Pick<EventStore, 'readAll'>,
  names: readonly string[],
  transactionId: bigint,
  readTo: (name: string, stored: Checkpoint) => Checkpoint = (_, stored) => stored,
): Promise<string[]> {
  const { rows } = await reads.query<{ projection: string; transaction_id: string; global_position: string }>(
    `SELECT projection, transaction_id::text AS transaction_id, global_position FROM projections.checkpoints WHERE projection = ANY($1::text[])`,
    [names],
  );
  const stored = new Map(rows.map((row) => [row.projection, { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) }]));
  const applied = await Promise.all(names.map((name) => hasReadTransaction(store, readTo(name, stored.get(name) ?? LOG_START), transactionId)));
  return names.filter((_, i) => !applied[i]);
}
