import type pg from 'pg';
import type { DataSource } from 'typeorm';

export type Backend = 'postgres' | 'pglite';

/**
 * An open database: one TypeORM DataSource (migrations only) and the `pg` pool it owns, which the event store
 * and the read models share, on a real PostgreSQL or on the embedded PGlite served over a local socket. The same
 * SQL and the same driver run on both; one pool per process, so the embedded PGlite sees one client.
 */
export interface Database {
  readonly backend: Backend;
  readonly dataSource: DataSource;
  readonly pool: pg.Pool;
  /** A connection URL for other clients (a LISTEN connection, a child process). */
  readonly url: string;
  /**
   * Whether NOTIFY reaches listeners on other connections. PGlite's socket multiplexer does not forward
   * notifications, so embedded subscribers rely on in-process signals and polling.
   */
  readonly deliversNotifications: boolean;
  close(): Promise<void>;
}
