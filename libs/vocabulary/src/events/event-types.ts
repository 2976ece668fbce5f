import type { DomainEventType } from './event-catalog.js';

/**
 * The event types a read model handles, checked against the catalogue at compile time: a misspelt type does not
 * compile, where a plain set of strings would silently never match.
 */
export function eventTypes(...types: DomainEventType[]): ReadonlySet<string> {
  return new Set<string>(types);
}
