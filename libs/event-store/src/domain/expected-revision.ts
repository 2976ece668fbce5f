/**
 * What the writer believes about a stream before appending, as KurrentDB defines it:
 * - `any`: no check;
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: the stream must have at least one event;
 * - a bigint n: the stream's last event must be at revision n (revisions start at 0).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export const ANY = 'any' as const;
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;

/** A stream's current revision: the revision of its last event, or `no_stream` when it has none. */
export type CurrentRevision = bigint | 'no_stream';

export function describeRevision(revision: ExpectedRevision | CurrentRevision): string {
  return typeof revision === 'bigint' ? revision.toString() : revision;
}

/** True when a stream at `current` satisfies `expected`. */
export function satisfies(expected: ExpectedRevision, current: CurrentRevision): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === 'no_stream';
    case 'stream_exists':
      return current !== 'no_stream';
    default:
      return current === expected;
  }
}
