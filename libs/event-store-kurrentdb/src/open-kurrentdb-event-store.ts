import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store.js';

/** The event store on the KurrentDB server of a connection string; `close()` ends its connections. */
export function openKurrentDbEventStore(url: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
  return new KurrentDbEventStore(KurrentDBClient.connectionString(url), options);
}
