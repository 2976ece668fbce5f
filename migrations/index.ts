import { EventStore1764000000000 } from './1764000000000-event-store.js';

/** Every migration, in order. A migration that has landed is never edited: add a new one. */
export const MIGRATIONS = [EventStore1764000000000];
