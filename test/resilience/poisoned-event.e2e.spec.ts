import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner, rebuildProjections } from '#projections';
import type { HealthReport } from '#api';
import { LogInsider } from '#event-store-postgres/testing';
import { PROJECTIONS } from '#app';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { T } from '../support/ingestion-fixture.js';
import { readModelHash, settled } from '../support/read-models.js';
import { startTestApi } from '../support/test-api.js';
import { backendName } from '../support/test-database.js';

const INTERNAL_ID = { kind: 'INTERNAL_ID', value: 'Y-0001', scope: 'city' };
const ME = `{ me(first: 100) { edges { node { id kind occurredAt purpose staffCode outcome organization { id } } } } }`;
type Line = { id: string; kind: string; occurredAt: string; purpose: string | null; staffCode: string | null; outcome: string | null };

/** Polls until `check` holds (or fails with what it last saw): a condition, not a fixed sleep. */
async function until<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`an event no projection can apply, corrected by an operator, on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let url: string;
  let store: EventStore;
  let runner: ProjectionRunner;
  let database: Database;
  let tokens: { operator: string; city: string; subject: string };
  let subjectId: string;

  const health = async () => {
    const response = await fetch(`${url}/health`);
    return { status: response.status, body: (await response.json()) as HealthReport };
  };
  const history = async (): Promise<Line[]> => ok(await api.as(tokens.subject).request(ME)).me.edges.map((e: { node: Line }) => e.node);
  const access = (accessId: string, occurredAt: string) =>
    api.as(tokens.city).mutate('accessInformation', {
      accessId, organizationId: 'city', staffCode: 'C-2', subject: INTERNAL_ID, datasetId: 'city-tax', items: ['TAX_AMOUNT'], purpose: '住民税の賦課', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt,
    });
  /** Appends below the edge, through the event store port, as a buggy writer or a superuser could. */
  const poison = async (accessId: string, data: Record<string, unknown>) => {
    const id = randomUUID();
    await store.appendToStreams([{ streamId: `access-${accessId}`, events: [{ id, type: 'InformationAccessed', schemaVersion: 1, data: data as never }] }]);
    const [stored] = await store.readEvents([id]);
    return { id, streamId: `access-${accessId}`, globalPosition: String(stored!.globalPosition) };
  };
  const correct = (token: string, input: Record<string, unknown>) => api.as(token).mutate('correctEvent', { occurredAt: T(20), ...input });

  beforeAll(async () => {
    const started = await startTestApi();
    ({ app, api } = started);
    url = await app.getUrl();
    store = app.get(EVENT_STORE);
    runner = app.get(ProjectionRunner);
    database = app.get(DATABASE);
    tokens = { operator: await started.mint.operator(), city: await started.mint.organization('city'), subject: '' };
    ok(await api.as(tokens.operator).mutate('registerOrganization', { organizationId: 'city', name: '横浜市', kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: T(1) }));
    const city = api.as(tokens.city);
    ok(await city.mutate('registerDataset', { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['INTERNAL_ID'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1) }));
    const enrolled = ok(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [INTERNAL_ID], occurredAt: T(2) }));
    subjectId = enrolled.enrollSubject!.events[0]!.streamId.slice('subject-'.length);
    tokens.subject = await started.mint.subject(subjectId);
    ok(await access('a-1', T(3)));
    await settled(runner);
  });
  afterAll(() => app?.close());

  const accessData = (accessId: string, occurredAt: string) => ({
    accessId, organizationId: 'city', staffCode: 'C-9', subjectId, viaIdentifier: 'ab'.repeat(32), datasetId: 'city-tax', items: ['TAX_AMOUNT'],
    purpose: '照会', channel: 'API', outcome: 'GRANTED', occurredAt,
  });

  it('fails readiness naming the projection, the event and the reason; liveness and the other read models go on', async () => {
    expect((await health()).status).toBe(200);
    const bad = await poison('a-bad', accessData('a-bad', '0000-01-01T00:00:00.000Z'));
    ok(await access('a-2', T(4)));
    const { status, body } = await until('readiness to fail', health, (h) => h.body.projections.some((p) => p.name === 'access-history' && p.state === 'parked'));
    expect(status).toBe(503);
    expect(body.status).toBe('degraded');
    const parked = body.projections.find((p) => p.name === 'access-history')!;
    expect(parked.parkedOn).toMatchObject({ eventId: bad.id, type: 'InformationAccessed', streamId: bad.streamId, globalPosition: bad.globalPosition });
    expect(parked.parkedOn!.reason).toMatch(/out of range|occurredAt/);
    expect(body.problems.join('\n')).toContain(`projection access-history is parked on event ${bad.id} (InformationAccessed, global position ${bad.globalPosition}`);
    const { projections } = ok(await api.as(tokens.operator).request(`{ projections { name state parkedOn { eventId type streamId globalPosition reason } } }`));
    expect(projections.find((p: { name: string }) => p.name === 'access-history')).toMatchObject({ state: 'parked', parkedOn: { eventId: bad.id, streamId: bad.streamId, globalPosition: bad.globalPosition } });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect((await fetch(`${url}/health/ready`)).status).toBe(503);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/himotoki_projection_parked\{projection="access-history"\} 1/);
    expect(metrics).toContain(`himotoki_projection_parked_position{projection="access-history"} ${bad.globalPosition}`);
    expect(metrics).toMatch(/himotoki_projection_parked\{projection="registry"\} 0/);
    // The trail is blind past the event: the later access has not reached the citizen.
    expect((await history()).map((l) => l.id)).not.toContain(ok(await access('a-3', T(5))).accessInformation!.events[0]!.eventId);
  });

  it('refuses a correction from anyone but an operator, and one whose data the event\'s schema refuses', async () => {
    const parked = (await health()).body.projections.find((p) => p.name === 'access-history')!.parkedOn!;
    const asCity = await correct(tokens.city, { eventId: parked.eventId, streamId: parked.streamId, action: 'ANNUL', reason: 'x' });
    expect(asCity.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const invalid = await correct(tokens.operator, { eventId: parked.eventId, streamId: parked.streamId, action: 'SUPERSEDE', correctedData: { occurredAt: 'yesterday' }, reason: 'x' });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(invalid.errors?.[0]?.message).toMatch(/correctedData\.occurredAt: must be an ISO 8601/);
    const unknown = await correct(tokens.operator, { eventId: randomUUID(), streamId: parked.streamId, action: 'ANNUL', reason: 'x' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await health()).status).toBe(503);
  });

  it('resumes the trail once the event is superseded: later events reach the citizen, who sees who corrected what and why', async () => {
    const parked = (await health()).body.projections.find((p) => p.name === 'access-history')!.parkedOn!;
    // A correction whose data the projection cannot apply either: it resumes, and parks on the event again, with that data's error.
    ok(await correct(tokens.operator, { eventId: parked.eventId, streamId: parked.streamId, action: 'SUPERSEDE', correctedData: { occurredAt: '0000-06-01T00:00:00Z' }, reason: '誤った訂正' }));
    const again = await until('the projection to park on the corrected data', health, (h) =>
      h.body.projections.some((p) => p.name === 'access-history' && p.parkedOn?.eventId === parked.eventId && p.parkedOn.reason.includes('0000-06-01')));
    expect(again.status).toBe(503);
    // The next correction replaces it, and the trail resumes.
    const corrected = ok(await correct(tokens.operator, { eventId: parked.eventId, streamId: parked.streamId, action: 'SUPERSEDE', correctedData: { occurredAt: T(3, 12) }, reason: '発生日時の誤記を訂正' }));
    expect(corrected.correctEvent!.applied).toBe(true);
    await until('readiness', health, (h) => h.status === 200);
    await settled(runner);
    const lines = await history();
    const byKind = (kind: string) => lines.filter((l) => l.kind === kind);
    expect(byKind('ACCESS').map((l) => l.occurredAt).sort()).toEqual([T(3), T(3, 12), T(4), T(5)].map((t) => new Date(t).toISOString()).sort());
    expect(lines.find((l) => l.id === parked.eventId)).toMatchObject({ kind: 'ACCESS', occurredAt: new Date(T(3, 12)).toISOString() });
    expect(byKind('CORRECTION').map((l) => [l.purpose, l.staffCode, l.outcome]).sort()).toEqual([
      ['発生日時の誤記を訂正', 'operator:ops', 'SUPERSEDE'],
      ['誤った訂正', 'operator:ops', 'SUPERSEDE'],
    ]);
  });

  it('annuls an event no schema accepts: the projections skip it and go on', async () => {
    const garbage = await poison('a-garbage', { accessId: 'a-garbage', organizationId: 'city', subjectId, occurredAt: 'not a date' });
    const after = ok(await access('a-4', T(6))).accessInformation!.events[0]!.eventId;
    const parked = await until('the projection to park', health, (h) => h.body.projections.some((p) => p.parkedOn?.eventId === garbage.id));
    expect(parked.status).toBe(503);
    ok(await correct(tokens.operator, { eventId: garbage.id, streamId: garbage.streamId, action: 'ANNUL', reason: '不正な記録の取消し' }));
    await until('readiness', health, (h) => h.status === 200);
    await settled(runner);
    const lines = await history();
    expect(lines.map((l) => l.id)).toContain(after);
    expect(lines.map((l) => l.id)).not.toContain(garbage.id);
    expect(lines.filter((l) => l.kind === 'CORRECTION').map((l) => l.outcome).sort()).toEqual(['ANNUL', 'SUPERSEDE', 'SUPERSEDE']);
  });

  it('rebuilds to exactly the live read models, corrections honoured', async () => {
    await settled(runner);
    const live = await readModelHash(database.pool);
    await rebuildProjections(database.pool, store, runner, PROJECTIONS);
    await settled(runner);
    expect(await readModelHash(database.pool)).toBe(live);
  });

  it('a correction of an event already applied marks the read models stale until rebuilt, then they show it', async () => {
    const applied = (await history()).find((l) => l.kind === 'ACCESS' && l.occurredAt === new Date(T(4)).toISOString())!;
    const [stored] = await new LogInsider(database.pool).storedEvents({ eventIds: [applied.id] });
    ok(await correct(tokens.operator, { eventId: applied.id, streamId: stored!.stream_id, action: 'SUPERSEDE', correctedData: { purpose: '住民税の賦課(訂正)' }, reason: '利用目的の訂正' }));
    const stale = await until('a stale read model', health, (h) => h.body.projections.some((p) => p.name === 'access-history' && p.stale !== null));
    expect(stale.status).toBe(503);
    expect(stale.body.problems.join('\n')).toMatch(new RegExp(`projection access-history is stale: applied InformationAccessed ${applied.id} .*rebuild it`));
    // Every read model past the correction first: each one that applied the event is stale by then, not only the first.
    await settled(runner);
    const staleNames = (await health()).body.projections.filter((p) => p.stale !== null).map((p) => p.name);
    await rebuildProjections(database.pool, store, runner, PROJECTIONS.filter((p) => staleNames.includes(p.name)));
    await until('readiness', health, (h) => h.status === 200);
    expect((await history()).find((l) => l.id === applied.id)).toMatchObject({ purpose: '住民税の賦課(訂正)' });
  });
});
