export { KurrentDbEventStore, type KurrentDbEventStoreOptions, type ValidStreamAppend } from './kurrentdb-event-store.js';
export { EventStoreAccessDeniedError, MultiStreamAppendUnsupportedError, StreamDeletedError } from './kurrentdb-event-store.errors.js';
export { openKurrentDbEventStore } from './open-kurrentdb-event-store.js';
