import type pg from 'pg';

/**
 * Runs `work` in a transaction on a pooled connection of its own: committed when `work` returns, rolled back
 * when it throws. Either way the connection goes back to the pool outside any transaction (released in the
 * middle of one, it would hand the next user an aborted transaction).
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
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
