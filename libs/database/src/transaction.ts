import type pg from 'pg';

/** A transaction whose commit does not wait for its WAL flush: for what can be rebuilt from the log. */
export const ASYNCHRONOUS_COMMIT = 'BEGIN; SET LOCAL synchronous_commit = off';

/**
 * Runs `work` in a transaction on a pooled connection of its own: committed when `work` returns, rolled back
 * when it throws. Either way the connection goes back to the pool outside any transaction (released in the
 * middle of one, it would hand the next user an aborted transaction). `begin` opens it, in one round trip.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
