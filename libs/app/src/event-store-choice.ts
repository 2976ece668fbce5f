import type { Database } from '#database';
import type { EventStoreName } from '#api';

/** Which event store a process uses: `HIMOTOKI_EVENT_STORE` (`postgres`, the default, or `kurrentdb`). */
export type EventStoreKind = { kind: 'postgres' } | { kind: 'kurrentdb'; url: string };

/** Reads `HIMOTOKI_EVENT_STORE` and, for `kurrentdb`, `KURRENTDB_URL` (a `kurrentdb://` or `esdb://` connection string). */
export function eventStoreKindFromEnv(env: NodeJS.ProcessEnv): EventStoreKind {
  const kind = env.HIMOTOKI_EVENT_STORE ?? 'postgres';
  if (kind === 'postgres' || kind === '') return { kind: 'postgres' };
  if (kind !== 'kurrentdb') throw new Error(`HIMOTOKI_EVENT_STORE must be "postgres" or "kurrentdb", got "${kind}"`);
  const url = env.KURRENTDB_URL;
  if (!url) throw new Error('HIMOTOKI_EVENT_STORE=kurrentdb needs KURRENTDB_URL (for example kurrentdb://127.0.0.1:2113?tls=false)');
  if (!/^(kurrentdb|kdb|esdb|eventstore)(\+discover)?:\/\//.test(url)) {
    throw new Error(`KURRENTDB_URL must be a KurrentDB connection string (kurrentdb://…), got "${url.replace(/\/\/[^@/]*@/, '//…@')}"`);
  }
  return { kind: 'kurrentdb', url };
}

/** The store as /health and /metrics name it: the log in the database (PostgreSQL or the embedded PGlite), or KurrentDB. */
export function eventStoreName(eventStore: EventStoreKind, database: Pick<Database, 'backend'>): EventStoreName {
  if (eventStore.kind === 'kurrentdb') return 'kurrentdb';
  return database.backend === 'pglite' ? 'pglite' : 'postgresql';
}
