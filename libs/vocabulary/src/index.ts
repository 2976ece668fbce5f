/**
 * The published language (共通語彙): the vocabulary and the versioned events that the write side records and
 * every read side reads. Pure schemas and types; no framework, no I/O.
 */
export * from './vocabulary.js';
export * from './events/domain-event.js';
export * from './events/event-catalog.js';
export * from './events/access.events.js';
export * from './events/dataset.events.js';
export * from './events/identifier.events.js';
export * from './events/link.events.js';
export * from './events/organization.events.js';
export * from './events/provision.events.js';
export * from './events/record.events.js';
export * from './events/subject.events.js';
export * from './events/event-types.js';
