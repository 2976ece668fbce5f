import type pg from 'pg';

export type Backend = 'postgres' | 'pglite';

/**
 * An open database: a `pg` pool and the URL it connects to, on a real PostgreSQL or on the embedded PGlite
 * served over a local socket. The same SQL and the same driver run on both.
 */
export interface Database {
  readonly backend: Backend;
  readonly pool: pg.Pool;
  /** A connection URL for other clients (TypeORM, a LISTEN connection, a child process). */
  readonly url: string;
  /**
   * Whether NOTIFY reaches listeners on other connections. PGlite's socket multiplexer does not forward
   * notifications, so embedded subscribers rely on in-process signals and polling.
   */
  readonly deliversNotifications: boolean;
  close(): Promise<void>;
}
