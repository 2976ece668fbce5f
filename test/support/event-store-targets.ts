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

/** A KurrentDB to run against: `KURRENTDB_URL` when it is set (a fresh server: suites count its whole log), else a protocol test server of its own. */
export async function startKurrentDb(serverOptions: KurrentDbTestServerOptions = {}): Promise<{ url: string; server?: KurrentDbTestServer; close(): Promise<void> }> {
  const realUrl = process.env.KURRENTDB_URL;
  if (realUrl) return { url: realUrl, close: async () => {} };
  const server = await KurrentDbTestServer.start(serverOptions);
  return { url: server.url, server, close: () => server.close() };
}

export async function openKurrentDb(options: KurrentDbEventStoreOptions = {}, serverOptions: KurrentDbTestServerOptions = {}): Promise<OpenedKurrentDb> {
  const kurrent = await startKurrentDb(serverOptions);
  const store = openKurrentDbEventStore(kurrent.url, options);
  return {
    store,
    server: kurrent.server,
    url: kurrent.url,
    async close() {
      await store.close();
      await kurrent.close();
    },
  };
}

export const kurrentDbTarget: EventStoreTarget = { name: kurrentDbName, open: () => openKurrentDb() };
