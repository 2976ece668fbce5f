import { invariant } from '../domain.errors.js';
import { domainEvent } from '../events/event-catalog.js';
import type { EventData } from '../events/domain-event.js';
import type { AuditorQueried } from '../events/subject.events.js';
import { write, type Loaded, type StreamWrite } from './decision.js';

export function recordAuditorQuery(record: Loaded<{ recorded: boolean }>, data: EventData<typeof AuditorQueried>): StreamWrite {
  if (record.state.recorded) throw invariant('commandId', 'this query is already recorded');
  return write(record, domainEvent('AuditorQueried', data));
}
