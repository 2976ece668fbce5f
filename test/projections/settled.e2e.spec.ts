import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { DATABASE, databaseUrl, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { ok, type GraphQLClient } from '../support/graphql-client.js';
import { T } from '../support/ingestion-fixture.js';
import { settled, settledOver } from '../support/read-models.js';
import { startTestApi } from '../support/test-api.js';

/** Only a server shared with other databases has a horizon another database can hold back: PGlite has no other. */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('waiting for the read models on a PostgreSQL server whose horizon another database holds back', () => {
  let app: INestApplication;
  let operator: GraphQLClient;
  let runner: ProjectionRunner;
  let store: EventStore;
  let blocker: pg.Client;

  beforeAll(async () => {
    const started = await startTestApi();
    ({ app } = started);
    operator = started.api.as(await started.mint.operator());
    runner = app.get(ProjectionRunner);
    store = app.get(EVENT_STORE);
    await settled(runner);
    blocker = new pg.Client({ connectionString: databaseUrl(process.env.DATABASE_URL!, 'postgres') });
    await blocker.connect();
  });
  afterAll(async () => {
    await blocker?.end();
    await app?.close();
  });

  const organization = async (id: string) =>
    (await app.get<Database>(DATABASE).pool.query('SELECT 1 FROM registry.organizations WHERE id = $1', [id])).rowCount;

  it('waits for the newest transaction that a lag of 0 leaves unapplied, naming what is pending, and returns once it is applied', async () => {
    // A transaction with an id in another database: the server's oldest running one, so every snapshot's xmin
    // stays below it and the log's readers see nothing committed after it began.
    await blocker.query('BEGIN');
    await blocker.query('SELECT pg_current_xact_id()');
    const registered = ok(await operator.mutate('registerOrganization', { organizationId: 'held-back', name: '保留市', kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: T(1) }));
    const transactionId = BigInt(registered.registerOrganization!.transactionId!);
    expect(await store.lastTransaction()).toBe(transactionId);

    // The lag rule: every projection reports none, while the read model lacks the organization.
    expect((await runner.status()).map((s) => [s.name, s.lagEvents])).toEqual(runner.projections.map((p) => [p.name, 0]));
    expect(await organization('held-back')).toBe(0);
    // The exact rule waits, in process and over HTTP, by the log's newest transaction or the append's, and its
    // timeout names the read models pending.
    const pending = new RegExp(`log transaction ${transactionId} not applied within 300 ms by: .*\\bregistry\\b`);
    await expect(settled(runner, 300)).rejects.toThrow(pending);
    await expect(settled(runner, 300, transactionId)).rejects.toThrow(pending);
    await expect(settledOver(operator, store, 300)).rejects.toThrow(pending);
    await expect(settledOver(operator, transactionId, 300)).rejects.toThrow(pending);
    expect(await organization('held-back')).toBe(0);

    await blocker.query('COMMIT');
    await settledOver(operator, transactionId);
    expect(await organization('held-back')).toBe(1);
    await settled(runner);
  });

  it('returns at once for a transaction applied already, whatever runs elsewhere', async () => {
    const before = await store.lastTransaction();
    await blocker.query('BEGIN');
    try {
      await blocker.query('SELECT pg_current_xact_id()');
      await settled(runner, 1_000, before);
      await settledOver(operator, before, 1_000);
    } finally {
      await blocker.query('ROLLBACK');
    }
  });
});
