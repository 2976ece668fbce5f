import type { DomainEvent } from '#vocabulary';
import { fold, type Aggregate } from '../domain/aggregates/aggregate.js';
import type { Loaded, StreamWrite } from '../domain/decision.js';
import { DomainError } from '../domain/domain.errors.js';

/** Given: a stream holding these events, as a decider sees it (folded state, revision of its last event). */
export function given<S>(aggregate: Aggregate<S>, id: string, ...events: DomainEvent[]): Loaded<S> {
  return { streamId: aggregate.streamOf(id), state: fold(aggregate, events), revision: events.length === 0 ? 'no_stream' : BigInt(events.length - 1) };
}

/** When the decision runs: then the events it records, or the refusal it gives (code, field, reason). */
export function when(decide: () => StreamWrite | StreamWrite[]): { events: DomainEvent[]; writes: StreamWrite[] } | { refused: Pick<DomainError, 'code' | 'field' | 'reason'> } {
  try {
    const writes = [decide()].flat();
    return { writes, events: writes.flatMap((w) => w.events) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { refused: { code: error.code, field: error.field, reason: error.reason } };
  }
}
