import { inTransaction, type Database } from '#database';
import { backendName, openTestDatabase } from '../support/test-database.js';

describe(`inTransaction on ${backendName}`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(1);
    await db.pool.query('CREATE TABLE tx_probe (n int)');
  });
  afterAll(() => db.close());

  const rows = async () => (await db.pool.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n')).rows.map((r) => r.n);

  it('commits what the work wrote and answers what it returned', async () => {
    expect(await inTransaction(db.pool, async (client) => (await client.query('INSERT INTO tx_probe VALUES (1) RETURNING n')).rows[0].n)).toBe(1);
    expect(await rows()).toEqual([1]);
  });

  it('rolls back when the work throws, and the connection goes back to the pool outside any transaction', async () => {
    await expect(
      inTransaction(db.pool, async (client) => {
        await client.query('INSERT INTO tx_probe VALUES (2)');
        await client.query('SELECT no_such_column FROM tx_probe');
      }),
    ).rejects.toThrow(/no_such_column/);
    expect(await rows()).toEqual([1]);
    // The pool's one connection is usable again: not left in the aborted transaction.
    expect((await db.pool.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });
});
