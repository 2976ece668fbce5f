import { jest } from '@jest/globals';
import type pg from 'pg';
import { openPool, runAdminStatement, type Database } from '#database';
import { openTestDatabase } from '../support/test-database.js';

/** Only a server ends a connection that another session names: PGlite runs one session. */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('a pool whose idle connection the server ends (pg_terminate_backend, as DROP DATABASE … WITH (FORCE) does)', () => {
  let db: Database;
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

  beforeAll(async () => {
    db = await openTestDatabase(2);
  });
  afterAll(async () => {
    warn.mockRestore();
    await db?.close();
  });

  /** Ends, from another session, the connection a query of the pool ran on (idle again after it), once the pool has let go of it. */
  async function endIdleConnection(pool: pg.Pool): Promise<number> {
    const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // Not events.once: that rejects on the 'error' the pool emits first, which is what is under test.
    const removed = new Promise((resolve) => pool.once('remove', resolve));
    await runAdminStatement(db.url, `SELECT pg_terminate_backend(${rows[0]!.pid})`);
    await removed;
    return rows[0]!.pid;
  }

  it.each([
    ['a pool opened with openPool (benches, the journal sealer, the read replica)', () => openPool({ connectionString: db.url, max: 1 }, 'test pool')],
    ["the database's own pool (openDatabase)", () => db.pool],
  ])('%s: the loss is logged, the pool discards the connection, and the next query runs on a new one', async (_, poolOf) => {
    const pool = poolOf();
    warn.mockClear();
    const ended = await endIdleConnection(pool);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/an idle database connection was lost \(terminating connection due to administrator command\)/));
    const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(rows[0]!.pid).not.toBe(ended);
    if (pool !== db.pool) await pool.end();
  });
});
