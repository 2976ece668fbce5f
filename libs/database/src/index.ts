export type { Backend, Database } from './database.js';
export { IN_MEMORY, databaseOptionsFromEnv, defaultDataDir, inMemory, openDatabase, replicaUrl, type DatabaseOptions, type Schema } from './open-database.js';
export { DataFolderLockedError, LOCK_FILE, lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
export { migrate } from './migrate.js';
export { PrimaryWrites } from './primary-writes.js';
export { DEFAULT_REPLICA_WAIT_MS, ReadReplica, lsnBytes, type ReadsServed, type ReplicaLag } from './read-replica.js';
export { databaseUrl, runAdminStatement } from './server-admin.js';
export { logLostConnection, openClient, openPool } from './lost-connections.js';

/** Injection token of the open Database. */
export const DATABASE = Symbol('Database');
export { Statements, type Statement } from './statements.js';
export { ASYNCHRONOUS_COMMIT, inTransaction } from './transaction.js';
export { TickBatch } from './tick-batch.js';
