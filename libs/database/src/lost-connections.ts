import type { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * node-postgres reports the loss of an idle connection — ended by the server (57P01: a restart,
 * `pg_terminate_backend`, `DROP DATABASE … WITH (FORCE)`) or by the network — as an 'error' event: on its pool,
 * which has discarded that client already (the next query connects anew), or on a lone client. Unheard, that
 * event ends the process; heard, it is logged, and the pool goes on.
 */
export function survivesLostConnections<T extends EventEmitter>(poolOrClient: T, name: string): T {
  poolOrClient.on('error', (error: Error) => logLostConnection(name, error));
  return poolOrClient;
}

/** What a pool's or a client's listener for 'error' does: say which connection was lost, and why. */
export function logLostConnection(name: string, error: Error): void {
  console.warn(`${name}: an idle database connection was lost (${error.message})`);
}

/** A pool that outlives the loss of its idle connections (see `survivesLostConnections`). */
export function openPool(config: pg.PoolConfig, name: string): pg.Pool {
  return survivesLostConnections(new pg.Pool(config), name);
}

/** A lone client whose loss, while idle, is logged rather than ending the process (see `survivesLostConnections`). */
export function openClient(config: pg.ClientConfig, name: string): pg.Client {
  return survivesLostConnections(new pg.Client(config), name);
}
