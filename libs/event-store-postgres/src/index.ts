export { PostgresEventStore, type PostgresConnection, type PostgresEventStoreOptions } from './postgres-event-store.js';
export { APPENDED_CHANNEL } from './live-signal.js';
export { switchJournalCommitments } from './journal-commitments.js';
export { logStorageBytes, setPartitionSize } from './log-storage.js';
