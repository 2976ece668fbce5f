import { InvalidAppendError } from './event-store.errors.js';
import type { Checkpoint, EventStore, StoredEvent, StreamMetadataResult } from './event-store.port.js';

/** The most events one read returns. */
export const MAX_READ = 10_000;

/** A read's `maxCount` (or a subscription's `batchSize`): an integer from 1 to MAX_READ, MAX_READ when not given. */
export function readLimit(maxCount: number | undefined): number {
  const limit = maxCount ?? MAX_READ;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_READ) {
    throw new InvalidAppendError('maxCount', `must be an integer from 1 to ${MAX_READ}`);
  }
  return limit;
}

/** KurrentDB keeps a stream's metadata as events of the system stream `$$<streamId>`; both stores do. */
export function metadataStreamOf(streamId: string): string {
  return `$$${streamId}`;
}

/** A stream's metadata from the last event of its metadata stream (none: no metadata yet). */
export function streamMetadataOf(streamId: string, last: StoredEvent | undefined): StreamMetadataResult {
  return { streamId, metadata: last?.data ?? null, metadataRevision: last?.revision ?? 'no_stream' };
}

/** A subscription's batches one event at a time, stopping as soon as the signal aborts. */
export async function* oneByOne(batches: AsyncIterable<StoredEvent[]>, signal?: AbortSignal): AsyncIterable<StoredEvent> {
  for await (const batch of batches) {
    for (const event of batch) {
      if (signal?.aborted) return;
      yield event;
    }
  }
}

/**
 * Read-your-writes: whether a reader at checkpoint `at` has read every event of the log transaction an append
 * answered (`AppendResult.transactionId`). Its events are contiguous in log order, so one event read past `at` tells.
 */
export async function hasReadTransaction(store: Pick<EventStore, 'readAll'>, at: Checkpoint, transactionId: bigint): Promise<boolean> {
  if (at.transactionId !== transactionId) return at.transactionId > transactionId;
  const [next] = await store.readAll({ after: at, maxCount: 1 });
  return next === undefined || next.transactionId !== transactionId;
}
