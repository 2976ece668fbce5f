import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { TokenService } from '#api';
import { createApp } from '#app';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ReadReplica, databaseUrl, inTransaction, migrate, openDatabase, runAdminStatement, type Database, type ReplicaLag } from '#database';
import { DATABASE_SCHEMA } from '#app';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { T } from '../support/ingestion-fixture.js';
import { TEST_FINGERPRINT_KEY } from '../support/test-runtime.js';
import { registerCityPensionPoints } from '../support/test-api.js';

const primaryServer = process.env.DATABASE_URL;
const replicaServer = process.env.DATABASE_READ_URL;
/** Long enough for a healthy replica on a loaded machine; a paused one makes every read that needs it wait this long. */
const WAIT_MS = 1000;

const ME = `query { me { totalCount edges { node { id kind staffCode } } } }`;

/** Polls `check` until it answers true (or fails the test after `timeoutMs`). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

if (!primaryServer || !replicaServer) {
  describe('read replicas', () => {
    it.skip('need DATABASE_URL and DATABASE_READ_URL, a streaming replica of its server (.ci/replica makes one on 127.0.0.1:5433)', () => undefined);
  });
} else {
  describe('read replicas: reads from a streaming replica, writes to the primary, over HTTP', () => {
    const name = `replica_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
    let database: Database;
    let app: INestApplication;
    let base: string;
    let city: GraphQLClient;
    let citizen: GraphQLClient;
    /** A superuser connection to the replica's server, to pause and resume its replay. */
    let replicaAdmin: pg.Client;
    /** A connection to this suite's database on the replica itself, to see what it holds. */
    let onReplica: pg.Client;

    const health = async (): Promise<{ replica?: ReplicaLag }> => (await fetch(`${base}/health`)).json() as never;
    const served = () => ({ ...database.replica!.served });

    beforeAll(async () => {
      await runAdminStatement(primaryServer, `CREATE DATABASE ${name}`);
      replicaAdmin = new pg.Client({ connectionString: databaseUrl(replicaServer, 'postgres') });
      await replicaAdmin.connect();
      // A streaming replica copies the whole cluster: the new database appears there once replayed.
      await until('the database on the replica', async () => (await replicaAdmin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
      database = await openDatabase({ url: databaseUrl(primaryServer, name), readUrl: databaseUrl(replicaServer, name), replicaWaitMs: WAIT_MS, poolSize: 4 }, DATABASE_SCHEMA);
      await migrate(database);
      onReplica = new pg.Client({ connectionString: databaseUrl(replicaServer, name) });
      await onReplica.connect();
      app = await createApp({ database, fingerprintKey: TEST_FINGERPRINT_KEY }, { logger: false });
      await app.listen(0, '127.0.0.1');
      base = await app.getUrl();
      const tokens = app.get(TokenService);
      const api = new GraphQLClient(`${base}/graphql`);
      await registerCityPensionPoints(api.as(await tokens.mint({ role: 'OPERATOR', id: 'ops' })), T(1));
      city = api.as(await tokens.mint({ role: 'ORGANIZATION', id: 'city', organizationId: 'city' }));
      ok(await city.mutate('registerDataset', { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['MY_NUMBER'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1) }));
      const enrolled = ok(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [{ kind: 'INTERNAL_ID', value: 'R-1', scope: 'city' }], occurredAt: T(2) }));
      const subjectId = enrolled.enrollSubject!.events[0]!.streamId.slice('subject-'.length);
      citizen = api.as(await tokens.mint({ role: 'SUBJECT', id: 'taro', subjectId }));
    });

    afterAll(async () => {
      // Never leave the shared replica paused, whatever failed.
      await replicaAdmin?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
      await app?.close();
      await onReplica?.end();
      await replicaAdmin?.end();
      await runAdminStatement(primaryServer, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });

    /** An access by the city's staff member `staffCode` to the citizen's tax record: one line in their history. */
    const access = (staffCode: string) =>
      city.mutate('accessInformation', {
        accessId: `a-${staffCode}`,
        organizationId: 'city',
        staffCode,
        subject: { kind: 'INTERNAL_ID', value: 'R-1', scope: 'city' },
        datasetId: 'city-tax',
        items: ['TAX_AMOUNT'],
        purpose: '住民税の賦課',
        channel: 'TERMINAL',
        outcome: 'GRANTED',
        occurredAt: T(3),
      });
    const staffSeen = async () => ok(await citizen.request(ME)).me.edges.map((e: { node: { staffCode: string } }) => e.node.staffCode);
    const staffOnReplica = async () => (await onReplica.query<{ staff_code: string }>('SELECT staff_code FROM access_history.entries ORDER BY staff_code')).rows.map((r) => r.staff_code);
    /**
     * Until the projector has applied the access: its line is on the primary. (Not the projections' lag: the log's
     * readers see an event once every older transaction of the cluster has ended, so on a shared server a
     * projection may be at lag 0 before the event is visible to it.)
     */
    const applied = (staffCode: string) =>
      until(`the projector to apply ${staffCode}`, async () => (await database.pool.query('SELECT 1 FROM access_history.entries WHERE staff_code = $1', [staffCode])).rowCount === 1);

    it('answers queries from the replica: the read pool is in recovery, and the query ran in a replica backend', async () => {
      const { rows } = await database.reads.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
      expect(rows[0]!.standby).toBe(true);
      const { rows: primary } = await database.pool.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
      expect(primary[0]!.standby).toBe(false);

      ok(await access('S-1'));
      await applied('S-1');
      const before = served();
      expect(await staffSeen()).toEqual(['S-1']);
      // Asked again, the parties' names come from the look-up's cache: the history's query is the last a read connection ran.
      expect(await staffSeen()).toEqual(['S-1']);
      const after = served();
      expect(after.replica).toBeGreaterThan(before.replica);
      expect(after.primary).toBe(before.primary);
      // The replica's own view: the read connections are there, and the history's query is what they ran.
      const { rows: backends } = await replicaAdmin.query<{ query: string }>(`SELECT query FROM pg_stat_activity WHERE datname = $1 AND application_name = 'himotoki-reads'`, [name]);
      expect(backends.some((b) => b.query.includes('access_history.entries'))).toBe(true);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`himotoki_replica_reads_total\\{served_by="replica"\\} ${after.replica}\\n`));
    });

    it('reads its own writes: a citizen sees an access as soon as the projector has applied it, and a mutation is written to the primary', async () => {
      for (const staffCode of ['S-2', 'S-3']) {
        ok(await access(staffCode));
        await applied(staffCode);
        const before = served();
        expect(await staffSeen()).toContain(staffCode);
        expect(served().replica).toBeGreaterThan(before.replica);
        expect(served().primary).toBe(before.primary);
      }
      const { rows } = await database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM access_history.entries WHERE staff_code IN ('S-2', 'S-3')`);
      expect(Number(rows[0]!.n)).toBe(2);
    });

    it('reads the primary when the read URL is no replica or does not answer, at once, and says so', async () => {
      const primaryUrl = databaseUrl(primaryServer, name);
      for (const [readUrl, reason] of [
        [primaryUrl, /not a streaming replica/],
        ['postgres://postgres@127.0.0.1:1/nothing', /ECONNREFUSED|connect/],
      ] as const) {
        const replica = new ReadReplica(database.pool, primaryUrl, readUrl, 60_000, 2);
        try {
          const started = performance.now();
          const { rows } = await replica.reads.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
          expect(rows[0]!.standby).toBe(false);
          // Far within the 60 s bound: a failure is not waited out.
          expect(performance.now() - started).toBeLessThan(10_000);
          expect(replica.served).toEqual({ replica: 0, primary: 1 });
          expect((await replica.lag()).error).toMatch(reason);
        } finally {
          await replica.close();
        }
      }
    });

    it('falls behind and catches up: while replay is paused a read waits, then reads the primary, and /health reports the lag', async () => {
      await replicaAdmin.query('SELECT pg_wal_replay_pause()');
      await until('replay to pause', async () => (await replicaAdmin.query(`SELECT pg_get_wal_replay_pause_state() AS state`)).rows[0].state === 'paused');
      ok(await access('S-4'));
      await applied('S-4');
      expect(await staffOnReplica()).not.toContain('S-4');

      const before = served();
      const started = performance.now();
      expect(await staffSeen()).toContain('S-4');
      // It waited its full bound for the replica, then took the primary.
      expect(performance.now() - started).toBeGreaterThanOrEqual(WAIT_MS);
      expect(served().replica).toBe(before.replica);
      expect(served().primary).toBeGreaterThan(before.primary);

      const behind = (await health()).replica!;
      expect(behind).toMatchObject({ reachable: true, replayPaused: true });
      expect(behind.lagBytes).toBeGreaterThan(0);
      expect(behind.lagSeconds).toBeGreaterThan(0);
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/himotoki_replica_lag_bytes [1-9]\d*\n/);

      await replicaAdmin.query('SELECT pg_wal_replay_resume()');
      await until('the replica to replay the access', async () => (await staffOnReplica()).includes('S-4'));
      await until('the health to show the replica caught up', async () => {
        const now = (await health()).replica!;
        return now.replayPaused === false && now.lagBytes! < behind.lagBytes!;
      });
      const after = served();
      expect(await staffSeen()).toContain('S-4');
      expect(served().replica).toBeGreaterThan(after.replica);
      expect(served().primary).toBe(after.primary);
    });

    it('waits only for its own writes: after reads of the primary a burst of reads goes to the replica without asking the primary, and a write made by a SELECT is waited for', async () => {
      const replica = database.replica!;
      // A table and a function that writes it, called by SELECT as the event store's appends are.
      await database.pool.query(`CREATE TABLE fence_marks (n integer)`);
      await database.pool.query(`CREATE FUNCTION fence_mark(m integer) RETURNS integer LANGUAGE sql VOLATILE AS 'INSERT INTO fence_marks VALUES (m) RETURNING m'`);
      const marksRead = async () => (await database.reads.query<{ n: number }>('SELECT n FROM fence_marks ORDER BY n')).rows.map((r) => r.n);
      await until('the replica to have the table', async () => (await onReplica.query(`SELECT to_regclass('fence_marks') IS NOT NULL AS there`)).rows[0].there);
      // Settled: this server's projector has nothing left to write, its checkpoints stored at the log's head (one
      // passed over events it does not handle stores its checkpoint within a second).
      await until('the projections to store their checkpoints at the log’s head', async () => {
        const head = await app.get<EventStore>(EVENT_STORE).lastPosition();
        const { rows } = await database.pool.query<{ behind: string }>(`SELECT count(*) AS behind FROM projections.checkpoints WHERE global_position < $1`, [head.toString()]);
        return rows[0]!.behind === '0';
      });
      await until('a read of the primary to count as no write (the writers read again since the function was made)', async () => {
        const writes = replica.writesCommitted;
        await database.pool.query('SELECT 1');
        return replica.writesCommitted === writes;
      });
      await until('a read to find the replica caught up', async () => {
        const before = served();
        await marksRead();
        return served().replica > before.replica;
      });

      await replicaAdmin.query('SELECT pg_wal_replay_pause()');
      await until('replay to pause', async () => (await replicaAdmin.query(`SELECT pg_get_wal_replay_pause_state() AS state`)).rows[0].state === 'paused');
      // Another server's write: the primary's WAL moves on, which the replica does not replay while paused.
      const elsewhere = new pg.Client({ connectionString: databaseUrl(primaryServer, name) });
      await elsewhere.connect();
      await elsewhere.query('SELECT fence_mark(1)');
      await elsewhere.end();

      const writes = replica.writesCommitted;
      const asked = replica.primaryAsked;
      const before = served();
      // Only reads of the primary: a query, a transaction, /health (which asks the primary its version and the projections' status).
      await database.pool.query('SELECT count(*) FROM fence_marks');
      await inTransaction(database.pool, (client) => client.query('SELECT count(*) FROM fence_marks'));
      expect((await fetch(`${base}/health`)).status).toBe(200);
      const started = performance.now();
      const burst = await Promise.all(Array.from({ length: 5 }, marksRead));
      // Answered by the replica at once, not after the wait's bound: nothing this server wrote was waited for.
      expect(performance.now() - started).toBeLessThan(WAIT_MS);
      expect(burst).toEqual(Array.from({ length: 5 }, () => []));
      expect(served()).toEqual({ replica: before.replica + 5, primary: before.primary });
      expect(replica.primaryAsked).toBe(asked);
      expect(replica.writesCommitted).toBe(writes);

      // This server's write through a function called by SELECT: the next read waits for it, then reads the primary.
      await database.pool.query('SELECT fence_mark(2)');
      expect(replica.writesCommitted).toBeGreaterThan(writes);
      const waited = performance.now();
      expect(await marksRead()).toEqual([1, 2]);
      expect(performance.now() - waited).toBeGreaterThanOrEqual(WAIT_MS);
      expect(served().primary).toBe(before.primary + 1);
      expect(replica.primaryAsked).toBeGreaterThan(asked);

      await replicaAdmin.query('SELECT pg_wal_replay_resume()');
      await until('a read to find the replica caught up', async () => {
        const resumed = served();
        return (await marksRead()).includes(2) && served().replica > resumed.replica;
      });
    });
  });
}
