export type { Backend, Database } from './database.js';
export { openDatabase, databaseOptionsFromEnv, type DatabaseOptions } from './open-database.js';
export { migrate } from './migrate.js';

/** Injection token of the open Database. */
export const DATABASE = Symbol('Database');
export { databaseUrl, runAdminStatement } from './server-admin.js';
