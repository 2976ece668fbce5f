export * from './domain/event-store.port.js';
export * from './domain/expected-revision.js';
export * from './domain/event-store.errors.js';
export * from './domain/append-input.validation.js';
export * from './domain/uuid-bytes.js';
export * from './domain/packed-commitments.js';

/** Injection token of the EventStore port. */
export const EVENT_STORE = Symbol('EventStore');
export * from './domain/event-store.helpers.js';
