import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import type { Database } from './database.js';
import { startEmbeddedPglite } from './embedded-pglite.js';
import { logLostConnection } from './lost-connections.js';
import { ReadReplica } from './read-replica.js';

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent, the embedded PGlite is used. */
  url?: string;
  /** Where the embedded PGlite keeps its files; in memory when absent. */
  dataDir?: string;
  /** Pool size on PostgreSQL; the embedded PGlite always uses one connection. */
  poolSize?: number;
  /** A streaming replica of `url` that answers the API's reads (docs/scaling.md); PostgreSQL only. */
  readUrl?: string;
  /** How long a read waits for the replica to replay this process's writes before it reads the primary. */
  replicaWaitMs?: number;
}

export interface Schema {
  /** Every migration, in order. */
  migrations: (new () => MigrationInterface)[];
}

/** `HIMOTOKI_DATA_DIR=:memory:` asks for an embedded database in memory, gone when the process ends. */
export const IN_MEMORY = ':memory:';

/**
 * Where the embedded database lives when nothing is set: `$XDG_DATA_HOME/himotoki`, by default
 * `~/.local/share/himotoki` (the XDG base directory for a user's application data). One folder per user,
 * whatever the working directory, so the server, the demo and every CLI command share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  // The XDG specification ignores a relative XDG_DATA_HOME.
  const base = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'himotoki');
}

/**
 * Options from the environment: `DATABASE_URL`; else the embedded PGlite in `HIMOTOKI_DATA_DIR`, or in the
 * default data folder (defaultDataDir), or in memory when `HIMOTOKI_DATA_DIR=:memory:`; `HIMOTOKI_POOL_SIZE`;
 * `DATABASE_READ_URL` (a streaming replica of DATABASE_URL's server, see replicaUrl) and `HIMOTOKI_REPLICA_WAIT_MS`.
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  const url = env.DATABASE_URL || undefined;
  // The embedded database has no replica: without DATABASE_URL, DATABASE_READ_URL is left unused.
  const readUrl = url && env.DATABASE_READ_URL ? replicaUrl(url, env.DATABASE_READ_URL) : undefined;
  const dataDir = url || env.HIMOTOKI_DATA_DIR === IN_MEMORY ? undefined : resolve(env.HIMOTOKI_DATA_DIR || defaultDataDir(env));
  const wait = env.HIMOTOKI_REPLICA_WAIT_MS;
  if (wait !== undefined && wait !== '' && !(Number(wait) >= 0)) throw new Error(`HIMOTOKI_REPLICA_WAIT_MS must be a number of milliseconds, not ${wait}`);
  return { url, dataDir, poolSize: env.HIMOTOKI_POOL_SIZE ? Number(env.HIMOTOKI_POOL_SIZE) : undefined, readUrl, replicaWaitMs: wait ? Number(wait) : undefined };
}

/**
 * The replica's URL for the primary's database. A streaming replica holds the primary's databases under their
 * own names, so a read URL without a database reads DATABASE_URL's, and one naming another database is refused.
 */
export function replicaUrl(primaryUrl: string, readUrl: string): string {
  const primary = new URL(primaryUrl);
  const read = new URL(readUrl);
  if (read.pathname === '' || read.pathname === '/') read.pathname = primary.pathname;
  else if (read.pathname !== primary.pathname) {
    throw new Error(`DATABASE_READ_URL names the database ${read.pathname.slice(1)}, DATABASE_URL ${primary.pathname.slice(1)}: a streaming replica serves the primary's databases under their own names`);
  }
  return read.toString();
}

/** Whether the options open an embedded database that lives in memory only. */
export const inMemory = (options: DatabaseOptions): boolean => !options.url && !options.dataDir;

export async function openDatabase(options: DatabaseOptions, schema: Schema): Promise<Database> {
  if (options.url) {
    const dataSource = await initialize(options.url, options.poolSize ?? 10, schema);
    const pool = primaryPool(dataSource);
    const replica = options.readUrl ? new ReadReplica(pool, options.url, options.readUrl, options.replicaWaitMs, options.poolSize ?? 10) : undefined;
    return database('postgres', dataSource, options.url, true, replica, async () => {
      await replica?.close();
      await dataSource.destroy();
    });
  }
  // pglite-socket multiplexes clients one protocol message at a time, so two busy clients interleave their
  // Parse and Bind messages (seen here: a Bind landing on another client's statement). The embedded mode
  // therefore runs every query through one pooled connection; PGlite runs one session anyway.
  const embedded = await startEmbeddedPglite(options.dataDir, 2);
  const dataSource = await initialize(embedded.url, 1, schema);
  return database('pglite', dataSource, embedded.url, false, undefined, async () => {
    await dataSource.destroy();
    await embedded.stop();
  });
}

async function initialize(url: string, poolSize: number, schema: Schema): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    poolSize,
    migrations: schema.migrations,
    migrationsTableName: 'himotoki_migrations',
    migrationsTransactionMode: 'each',
    // Every session in UTC: timestamps render the same on every server, whatever its local setting.
    extra: { options: '-c TimeZone=UTC' },
    poolErrorHandler: (error: Error) => logLostConnection('database', error),
  });
  return dataSource.initialize();
}

const primaryPool = (dataSource: DataSource): pg.Pool => (dataSource.driver as unknown as { master: pg.Pool }).master;

function database(backend: Database['backend'], dataSource: DataSource, url: string, deliversNotifications: boolean, replica: ReadReplica | undefined, close: () => Promise<void>): Database {
  const pool = primaryPool(dataSource);
  return { backend, dataSource, pool, reads: replica?.reads ?? pool, ...(replica ? { replica } : {}), url, deliversNotifications, close };
}
