import { databaseOptionsFromEnv, inMemory, migrate, openDatabase, type Database } from '#database';
import { eventStoreKindFromEnv, type EventStoreKind } from './event-store-choice.js';
import { loadFingerprintKey } from '#privacy';
import { DATABASE_SCHEMA } from './database-schema.js';

/** What the server and the CLI run over: a migrated database and the key of its fingerprints. */
export interface Runtime {
  database: Database;
  fingerprintKey: Buffer;
  /** Where the log is: PostgreSQL (the default, the database above) or KurrentDB (`HIMOTOKI_EVENT_STORE`). */
  eventStore?: EventStoreKind;
}

/**
 * Opens `DATABASE_URL` or the embedded PGlite (in its data folder, or in memory when asked for), applies pending
 * migrations, and loads the fingerprint key that belongs with that data (`HIMOTOKI_SECRET`, or the key kept
 * in the data folder, or a fresh one for in-memory data).
 */
export async function openRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const options = databaseOptionsFromEnv(env);
  const eventStore = eventStoreKindFromEnv(env);
  const fingerprintKey = await fingerprintKeyFromEnv(env);
  const database = await openDatabase(options, DATABASE_SCHEMA);
  await migrate(database);
  return { database, fingerprintKey, eventStore };
}

/** The platform key the environment names, without opening the database. */
export function fingerprintKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const options = databaseOptionsFromEnv(env);
  return loadFingerprintKey({
    secret: env.HIMOTOKI_SECRET || undefined,
    dataDir: options.url ? undefined : options.dataDir,
    ephemeral: inMemory(options),
  });
}
