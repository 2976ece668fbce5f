import { PrimaryWrites, type Database } from '#database';
import { backendName, openTestDatabase } from '../support/test-database.js';

describe(`the writes a pool's connections commit, on ${backendName}`, () => {
  let db: Database;
  let writes: PrimaryWrites;

  /** Until a plain SELECT counts as no write: the catalog's writers have been read (again). */
  const writersKnown = async () => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const before = writes.committed;
      await db.pool.query('SELECT 1');
      if (writes.committed === before) return;
      if (Date.now() > deadline) throw new Error('the catalog’s writers were never read');
    }
  };
  /** How many writes `work` made the pool commit. */
  const counted = async (work: () => Promise<unknown>) => {
    const before = writes.committed;
    await work();
    return writes.committed - before;
  };

  beforeAll(async () => {
    db = await openTestDatabase(1);
    await db.pool.query('CREATE TABLE writes_probe (n int)');
    await db.pool.query(`CREATE SEQUENCE writes_probe_numbers`);
    await db.pool.query(`CREATE FUNCTION writes_probe_add(m int) RETURNS int LANGUAGE sql VOLATILE AS 'INSERT INTO writes_probe VALUES (m) RETURNING m'`);
    await db.pool.query(`CREATE FUNCTION writes_probe_count() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM writes_probe'`);
    writes = new PrimaryWrites(db.pool, db.pool);
    await writersKnown();
  });
  afterAll(() => db.close());

  it('counts no reads: SELECT and SHOW, a transaction that only reads, a stable function, a rolled back write', async () => {
    expect(await counted(() => db.pool.query('SELECT count(*) FROM writes_probe WHERE n > $1', [0]))).toBe(0);
    expect(await counted(() => db.pool.query('SHOW server_version'))).toBe(0);
    expect(await counted(() => db.pool.query('SELECT writes_probe_count()'))).toBe(0);
    const client = await db.pool.connect();
    try {
      expect(await counted(() => client.query('BEGIN; SET LOCAL synchronous_commit = off'))).toBe(0);
      expect(await counted(() => client.query('SELECT n FROM writes_probe'))).toBe(0);
      expect(await counted(() => client.query('COMMIT'))).toBe(0);
      await client.query('BEGIN');
      expect(await counted(() => client.query('INSERT INTO writes_probe VALUES (1)'))).toBe(0);
      expect(await counted(() => client.query('ROLLBACK'))).toBe(0);
    } finally {
      client.release();
    }
  });

  it("reads the transaction status node-postgres keeps from each ReadyForQuery, set by the time a statement's promise settles", async () => {
    // What the fence stands on: should pg stop answering it, or answer it late, this fails before any count is wrong.
    // A failed statement settles at its ErrorResponse, which may be read before its ReadyForQuery: the status may
    // still say T rather than E, and the fence needs only that it is in a block either way.
    const client = await db.pool.connect();
    const after = async (sql: string) => {
      await client.query(sql).catch(() => undefined);
      return client.getTransactionStatus();
    };
    try {
      expect(await after('SELECT 1')).toBe('I');
      expect(await after('BEGIN')).toBe('T');
      expect(['T', 'E']).toContain(await after('SELECT 1 / 0'));
      expect(await after('ROLLBACK')).toBe('I');
    } finally {
      // Never handed back inside a block, whatever failed above: the pool has one connection.
      if (client.getTransactionStatus() !== 'I') await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  });

  it('counts a write when it commits: at once outside a transaction, at COMMIT inside one', async () => {
    expect(await counted(() => db.pool.query('INSERT INTO writes_probe VALUES ($1)', [2]))).toBe(1);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      expect(await counted(() => client.query('UPDATE writes_probe SET n = n + 1'))).toBe(0);
      expect(await counted(() => client.query('SELECT n FROM writes_probe'))).toBe(0);
      expect(await counted(() => client.query('COMMIT'))).toBe(1);
    } finally {
      client.release();
    }
  });

  it('counts what a SELECT writes: through a volatile function, a view over one, a data-modifying WITH, a sequence', async () => {
    expect(await counted(() => db.pool.query('SELECT writes_probe_add($1)', [3]))).toBe(1);
    expect(await counted(() => db.pool.query('SELECT * FROM public.writes_probe_add(4)'))).toBe(1);
    expect(await counted(() => db.pool.query('WITH added AS (INSERT INTO writes_probe VALUES (5) RETURNING n) SELECT n FROM added'))).toBe(1);
    expect(await counted(() => db.pool.query(`SELECT nextval('writes_probe_numbers')`))).toBe(1);
    expect(await counted(() => db.pool.query(`CREATE VIEW writes_probe_adding AS SELECT writes_probe_add(6) AS n`))).toBe(1);
    await writersKnown();
    expect(await counted(() => db.pool.query('SELECT n FROM writes_probe_adding'))).toBe(1);
  });

  it('knows a writing function made after it read the catalog, once the catalog is read again', async () => {
    expect(await counted(() => db.pool.query(`CREATE FUNCTION writes_probe_later(m int) RETURNS int LANGUAGE sql VOLATILE AS 'INSERT INTO writes_probe VALUES (m) RETURNING m'`))).toBe(1);
    await writersKnown();
    expect(await counted(() => db.pool.query('SELECT writes_probe_later(7)'))).toBe(1);
    expect(await counted(() => db.pool.query('SELECT count(*) FROM writes_probe'))).toBe(0);
  });
});
