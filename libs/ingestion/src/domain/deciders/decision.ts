import type { DomainEvent } from '#vocabulary';

/** Where a decision writes: a stream, the revision it was decided at, and the new events. */
export interface StreamWrite {
  streamId: string;
  /** The stream's revision when the decision read it; 'no_stream' when it had none. */
  expected: bigint | 'no_stream';
  events: DomainEvent[];
}

/** A stream as a decider sees it: its folded state and its revision. */
export interface Loaded<S> {
  streamId: string;
  state: S;
  revision: bigint | 'no_stream';
}

export const write = <S>(loaded: Loaded<S>, ...events: DomainEvent[]): StreamWrite => ({
  streamId: loaded.streamId,
  expected: loaded.revision,
  events,
});
