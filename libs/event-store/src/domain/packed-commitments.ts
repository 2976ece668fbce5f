import type { StoredEvent } from './event-store.port.js';

/**
 * 詰め — a batch read commitments-only as the bytes the store read it in (see `EventBodies.commitmentViews`), for a
 * reader that wants the batch's ids and commitments laid end to end rather than an object an event (the
 * journal's sealer): the i-th event's id is 16 bytes at i · 16 of `ids`, its commitment 32 bytes at i · 32 of
 * `commitments` (zero for an event without one, which came whole and is listed in `whole`).
 */
export interface PackedCommitments {
  readonly ids: Buffer;
  readonly commitments: Buffer;
  /** The indexes in the batch of the events without a commitment, ascending. */
  readonly whole: readonly number[];
}

// Kept beside the batch rather than on it, so that the batch stays an ordinary array of events to everyone else.
const packedBatches = new WeakMap<readonly StoredEvent[], PackedCommitments>();

/** For a store: hands `packed` along with the batch `events` it was read as. */
export function withPackedCommitments<T extends readonly StoredEvent[]>(events: T, packed: PackedCommitments): T {
  if (packed.ids.length !== events.length * 16 || packed.commitments.length !== events.length * 32) {
    throw new RangeError(`${events.length} events packed in ${packed.ids.length} bytes of ids and ${packed.commitments.length} of commitments`);
  }
  packedBatches.set(events, packed);
  return events;
}

/** The bytes the batch `events` was read as, when a store handed them along with it (the very array, unsliced). */
export function packedCommitmentsOf(events: readonly StoredEvent[]): PackedCommitments | undefined {
  const packed = packedBatches.get(events);
  // An array sliced, spliced or refilled since no longer matches its bytes.
  return packed && packed.ids.length === events.length * 16 ? packed : undefined;
}
