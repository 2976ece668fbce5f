import type { z } from 'zod';
import { InformationAccessed } from './access.events.js';
import { DatasetRegistered } from './dataset.events.js';
import type { EventData, EventDefinition } from './domain-event.js';
import { IdentifierIssued, IdentifierRetired, IdentifierSucceeded } from './identifier.events.js';
import { RecordsLinked, RecordsUnlinked } from './link.events.js';
import { OrganizationRegistered, PermittedProvisionRegistered } from './organization.events.js';
import { InformationProvided, NonDisclosureReleased } from './provision.events.js';
import { RecordAmended, RecordRegistered } from './record.events.js';
import { AuditorQueried, ConsentGranted, ConsentWithdrawn, SubjectEnrolled } from './subject.events.js';

/** Every domain event the platform stores, at its current schema version. Add versions; never edit one that landed. */
export const EVENT_CATALOG = [
  OrganizationRegistered,
  PermittedProvisionRegistered,
  DatasetRegistered,
  SubjectEnrolled,
  ConsentGranted,
  ConsentWithdrawn,
  IdentifierIssued,
  IdentifierRetired,
  IdentifierSucceeded,
  RecordRegistered,
  RecordAmended,
  RecordsLinked,
  RecordsUnlinked,
  InformationProvided,
  NonDisclosureReleased,
  InformationAccessed,
  AuditorQueried,
] as const;

type Catalog = (typeof EVENT_CATALOG)[number];
export type DomainEventType = Catalog['type'];

/** A domain event as deciders produce and projections consume it: type, version and validated data. */
export type DomainEvent = { [D in Catalog as D['type']]: { type: D['type']; version: D['version']; data: EventData<D> } }[DomainEventType];
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

const byKey = new Map<string, EventDefinition>(EVENT_CATALOG.map((d) => [`${d.type}@${d.version}`, d]));

export class UnknownEventError extends Error {
  constructor(readonly type: string, readonly version: number) {
    super(`unknown event ${type} version ${version}`);
  }
}

/** Events already validated, by their stored data: projections rebuilt together read the same stored events. */
const parsed = new WeakMap<object, DomainEvent>();

/**
 * Validates stored event data against its schema version; throws on unknown types and invalid data. The
 * result is shared by every caller holding the same stored data, and must not be mutated.
 */
export function parseDomainEvent(type: string, version: number, data: unknown): DomainEvent {
  const known = typeof data === 'object' && data !== null ? parsed.get(data) : undefined;
  if (known && known.type === type && known.version === version) return known;
  const definition = byKey.get(`${type}@${version}`);
  if (!definition) throw new UnknownEventError(type, version);
  const event = { type, version, data: definition.schema.parse(data) } as DomainEvent;
  if (typeof data === 'object' && data !== null) parsed.set(data, event);
  return event;
}

/** Builds an event of the current version, validating its data (a decider's output is checked, not trusted). */
export function domainEvent<T extends DomainEventType>(type: T, data: z.input<Extract<Catalog, { type: T }>['schema']>): DomainEventOf<T> {
  const definition = EVENT_CATALOG.find((d) => d.type === type)!;
  return { type, version: definition.version, data: definition.schema.parse(data) } as DomainEventOf<T>;
}
