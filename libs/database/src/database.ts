import type pg from 'pg';
import type { ReadReplica } from './read-replica.js';
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
  /**
   * The pool the API's read models answer from: with a streaming replica (DATABASE_READ_URL), the replica
   * behind this process's read-your-writes wait; else `pool` itself. Every write goes through `pool`.
   */
  readonly reads: pg.Pool;
  /** The streaming replica the reads come from, when there is one. */
  readonly replica?: ReadReplica;
  /** A connection URL for other clients (a LISTEN connection, a child process). */
  readonly url: string;
  /**
   * Whether NOTIFY reaches listeners on other connections. PGlite's socket multiplexer does not forward
   * notifications, so embedded subscribers rely on in-process signals and polling.
   */
  readonly deliversNotifications: boolean;
  close(): Promise<void>;
}
