/**
 * Read-your-writes over HTTP: a command answers its log transaction, and `applied` tells when every read model
 * has applied it, so that a client reads its own write without guessing how long to wait.
 */
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ProjectionRunner } from '#projections';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { startTestApi, registerCityPensionPoints } from '../support/test-api.js';
import { T } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';

const APPLIED = `query ($transactionId: BigInt!) { applied(transactionId: $transactionId) { transactionId applied pending } }`;
const DATASET = `query ($id: ID!) { dataset(id: $id) { id name } }`;

describe('read-your-writes: the applied query', () => {
  let app: INestApplication;
  let runner: ProjectionRunner;
  let city: GraphQLClient;
  let auditor: GraphQLClient;

  const applied = async (client: GraphQLClient, transactionId: string) =>
    ok(await client.request<{ applied: { transactionId: string; applied: boolean; pending: string[] } }>(APPLIED, { transactionId })).applied;

  beforeAll(async () => {
    const started = await startTestApi();
    app = started.app;
    runner = app.get(ProjectionRunner);
    await registerCityPensionPoints(started.api.as(await started.mint.operator()), T(1));
    city = started.api.as(await started.mint.organization('city'));
    auditor = started.api.as(await started.mint.auditor());
    await settled(runner);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('names every read model as pending while none has applied the write, and the write is not read; once applied is true, it is', async () => {
    await runner.stop();
    const commandId = randomUUID();
    const input = { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['MY_NUMBER'], basic4Fields: ['NAME_KANJI'], occurredAt: T(2) };
    const { registerDataset: stored } = ok(await city.mutate('registerDataset', input, commandId));
    const transactionId = stored!.transactionId!;
    expect(transactionId).toMatch(/^\d+$/);

    const before = await applied(city, transactionId);
    expect(before).toEqual({ transactionId, applied: false, pending: runner.projections.map((p) => p.name) });
    expect(ok(await auditor.request(DATASET, { id: 'city-tax' })).dataset).toBeNull();

    runner.start();
    const deadline = Date.now() + 30_000;
    while (!(await applied(city, transactionId)).applied) {
      if (Date.now() > deadline) throw new Error('the projections did not apply the write');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // No further wait: the first read after `applied` sees the write.
    expect(ok(await auditor.request(DATASET, { id: 'city-tax' })).dataset).toEqual({ id: 'city-tax', name: '課税台帳' });
    expect(await applied(auditor, transactionId)).toEqual({ transactionId, applied: true, pending: [] });

    // Sent again, the command stores nothing and answers the same transaction, applied already.
    const { registerDataset: again } = ok(await city.mutate('registerDataset', input, commandId));
    expect(again).toMatchObject({ applied: false, transactionId });
    expect((await applied(city, again!.transactionId!)).applied).toBe(true);
  });

  it('answers true at once for a transaction every read model has passed (one that holds no event: 0)', async () => {
    expect(await applied(city, '0')).toEqual({ transactionId: '0', applied: true, pending: [] });
  });

  it.each([
    ['not a number', 'abc'],
    ['negative', '-1'],
    ['beyond xid8', (2n ** 64n).toString()],
    ['a fraction', '1.5'],
    ['empty', ''],
  ])('refuses a transaction id that is %s, naming the argument, as a user error', async (_, transactionId) => {
    const answer = await city.request(APPLIED, { transactionId });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'transactionId' }) })]);
  });
});
