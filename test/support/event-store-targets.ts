import type { Database } from '#database';
import type { EventStore } from '#event-store';
import { KurrentDbEventStore, openKurrentDbEventStore, type KurrentDbEventStoreOptions } from '#event-store-kurrentdb';
import { PostgresEventStore } from '#event-store-postgres';
import { KurrentDbTestServer, type KurrentDbTestServerOptions } from './kurrentdb/kurrentdb-test-server.js';
import { backendName, openTestDatabase } from './test-database.js';

/** A store behind the port, opened for one suite, and what a test needs to see besides the port. */
export interface OpenedEventStore {
  store: EventStore;
  close(): Promise<void>;
}

export interface EventStoreTarget {
  name: string;
  open(): Promise<OpenedEventStore>;
}

/** PostgreSQL when `DATABASE_URL` is set, PGlite otherwise: a fresh migrated database of its own. */
export const sqlTarget: EventStoreTarget & { openWithDatabase(): Promise<OpenedEventStore & { db: Database; store: PostgresEventStore }> } = {
  name: backendName,
  open() {
    return this.openWithDatabase();
  },
  async openWithDatabase() {
    const db = await openTestDatabase();
    const store = new PostgresEventStore(db, { pollIntervalMs: 50 });
    return {
      db,
      store,
      async close() {
        await store.close();
        await db.close();
      },
    };
  },
};

/** The KurrentDB server in `KURRENTDB_URL` when it is set, else an in-process KurrentDB protocol test server. */
export const kurrentDbName = process.env.KURRENTDB_URL ? 'KurrentDB' : 'the KurrentDB protocol test server';

export interface OpenedKurrentDb extends OpenedEventStore {
  store: KurrentDbEventStore;
  /** The test server, when no real KurrentDB is used. */
  server?: KurrentDbTestServer;
  url: string;
}

export async function openKurrentDb(options: KurrentDbEventStoreOptions = {}, serverOptions: KurrentDbTestServerOptions = {}): Promise<OpenedKurrentDb> {
  const realUrl = process.env.KURRENTDB_URL;
  const server = realUrl ? undefined : await KurrentDbTestServer.start(serverOptions);
  const url = realUrl ?? server!.url;
  const store = openKurrentDbEventStore(url, options);
  return {
    store,
    server,
    url,
    async close() {
      await store.close();
      await server?.close();
    },
  };
}

export const kurrentDbTarget: EventStoreTarget = { name: kurrentDbName, open: () => openKurrentDb() };
