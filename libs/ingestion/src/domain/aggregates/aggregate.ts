import type { DomainEvent } from '#vocabulary';

/** An aggregate's state is a left fold of its stream's events (decider pattern): no I/O, no clock. */
export interface Aggregate<S> {
  streamOf(id: string): string;
  initial: S;
  evolve(state: S, event: DomainEvent): S;
}

export function fold<S>(aggregate: Aggregate<S>, events: DomainEvent[]): S {
  return events.reduce(aggregate.evolve, aggregate.initial);
}
