import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore, type StoredEvent } from '#event-store';
import { ProjectionRunner, rebuildProjection, type Projection, type SqlTransaction } from '#projections';
import { accessHistoryProjection } from '#access-history';
import { IngestionFixture, T, internalId, myNumber, registerWorld } from '../support/ingestion-fixture.js';
import { readModelHash, settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

describe(`projections on ${backendName}`, () => {
  let f: IngestionFixture;
  let runner: ProjectionRunner;
  let subjectId: string;
  const provisionId = 'prov-hidden';

  beforeAll(async () => {
    f = await IngestionFixture.start();
    runner = f.context.get(ProjectionRunner);
    await registerWorld(f);
    const enrolled = await f.send('EnrollSubject', { enrolledBy: 'city-yokohama', identifiers: [myNumber, internalId], occurredAt: T(2) });
    subjectId = enrolled.events[0]!.streamId.slice('subject-'.length);
    await f.send('IssueIdentifier', { issuedBy: 'jps', subject: myNumber, identifier: { kind: 'PENSION_NUMBER', value: '1234567890' }, occurredAt: T(2) });
    await f.send('RegisterRecord', { recordId: 'r-tax', datasetId: 'yokohama-resident-tax', subject: internalId, basic4: { nameKanji: '山田太郎' }, occurredAt: T(3) });
    await f.send('RegisterRecord', { recordId: 'r-pen', datasetId: 'jps-pension', subject: myNumber, basic4: { nameKanji: '山田太郎' }, occurredAt: T(3) });
  });
  afterAll(() => f.close());

  it('stops when stopped as it starts, while each projection still reads its checkpoint', async () => {
    const store = f.context.get<EventStore>(EVENT_STORE);
    for (let round = 0; round < 20; round++) {
      const own = new ProjectionRunner(f.database.pool, store, [{ ...accessHistoryProjection, name: `stopped-at-start-${round}` }]);
      own.start();
      let stopped = false;
      const stopping = own.stop().then(() => (stopped = true));
      const deadline = Date.now() + 5_000;
      while (!stopped && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect([round, stopped]).toEqual([round, true]);
      await stopping;
    }
  });

  const history = async () =>
    (
      await f.database.pool.query(
        `SELECT kind, organization_id, counterparty_id, staff_code, items, purpose, outcome, non_disclosure
           FROM access_history.entries WHERE subject_id = $1 ORDER BY occurred_at DESC, global_position DESC`,
        [subjectId],
      )
    ).rows;

  it('builds the subject\'s access history live, newest first, and uncovers a released provision', async () => {
    await f.send('LinkRecords', { linkId: 'l-1', organizationId: 'jps', staffCode: 'S-9', records: ['r-pen', 'r-tax'], key: { by: 'IDENTIFIER', identifierKind: 'AGENCY_CODE' }, purpose: '免除審査', occurredAt: T(4) });
    await f.send('ProvideInformation', {
      provisionId, requesterId: 'jps', providerId: 'city-yokohama', subject: myNumber, items: ['INCOME'], procedure: '保険料免除', legalBasis: '別表第二',
      requestedAt: T(5), providedAt: T(5, 10), outcome: 'PROVIDED', nonDisclosure: true,
    });
    await f.send('UnlinkRecords', { linkId: 'l-1', organizationId: 'jps', staffCode: 'S-9', reason: '審査完了', occurredAt: T(6) });
    await f.send('AccessInformation', {
      accessId: 'a-1', organizationId: 'city-yokohama', staffCode: 'Y-1', subject: internalId, datasetId: 'yokohama-resident-tax', items: ['TAX_AMOUNT'],
      purpose: '課税', channel: 'TERMINAL', outcome: 'DENIED', occurredAt: T(7),
    });
    await settled(runner);
    expect(await history()).toEqual([
      { kind: 'ACCESS', organization_id: 'city-yokohama', counterparty_id: null, staff_code: 'Y-1', items: ['TAX_AMOUNT'], purpose: '課税', outcome: 'DENIED', non_disclosure: false },
      { kind: 'UNLINK', organization_id: 'jps', counterparty_id: null, staff_code: 'S-9', items: [], purpose: '審査完了', outcome: null, non_disclosure: false },
      { kind: 'PROVISION', organization_id: 'jps', counterparty_id: 'city-yokohama', staff_code: null, items: ['INCOME'], purpose: '保険料免除', outcome: 'PROVIDED', non_disclosure: true },
      { kind: 'LINK', organization_id: 'jps', counterparty_id: null, staff_code: 'S-9', items: [], purpose: '免除審査', outcome: null, non_disclosure: false },
    ]);
    await f.send('ReleaseNonDisclosure', { provisionId, releasedBy: 'city-yokohama', occurredAt: T(8) });
    await settled(runner);
    expect((await history()).find((row) => row.kind === 'PROVISION')).toMatchObject({ non_disclosure: false });
  });

  it('parks a failing projection on the event it fails on, and the others go on', async () => {
    const store = f.context.get<EventStore>(EVENT_STORE);
    const seen: StoredEvent[] = [];
    const failing: Projection = {
      name: `failing-${randomUUID()}`, schema: 'access_history', tables: [],
      async apply(events: StoredEvent[]) {
        const bad = events.find((e) => e.type === 'RecordsUnlinked');
        if (bad) throw new Error('cannot project a cut');
      },
    };
    const counting: Projection = {
      name: `counting-${randomUUID()}`, schema: 'access_history', tables: [],
      async apply(events: StoredEvent[], _tx: SqlTransaction) {
        seen.push(...events);
      },
    };
    const own = new ProjectionRunner(f.database.pool, store, [failing, counting], 7);
    await own.catchUp();
    const [failed, healthy] = await own.status();
    const cut = (await store.readAll()).find((e) => e.type === 'RecordsUnlinked')!;
    expect(failed).toMatchObject({ state: 'parked', errorPosition: cut.globalPosition.toString() });
    expect(failed!.error).toContain('cannot project a cut');
    // Everything before the failing event was applied: the projection stands just before it.
    const all = await store.readAll();
    expect(BigInt(failed!.position)).toBe(all[all.findIndex((e) => e.id === cut.id) - 1]!.globalPosition);
    expect(healthy).toMatchObject({ state: 'stopped', lagEvents: 0 });
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('stores the checkpoint past batches it passed over once the log goes quiet, so another process sees no lag', async () => {
    const store = f.context.get<EventStore>(EVENT_STORE);
    const applied: string[] = [];
    const picky: Projection = {
      name: `picky-${randomUUID()}`, schema: 'access_history', tables: [], handles: new Set(['RecordRegistered']),
      async apply(events: StoredEvent[]) {
        applied.push(...events.map((e) => e.id));
      },
    };
    const own = new ProjectionRunner(f.database.pool, store, [picky], 1000, 0);
    const stored = async () =>
      (await f.database.pool.query<{ global_position: string }>('SELECT global_position FROM projections.checkpoints WHERE projection = $1', [picky.name])).rows[0]?.global_position;
    own.start();
    try {
      await settled(own);
      const head = (await store.readAll({ maxCount: 10_000 })).at(-1)!.globalPosition.toString();
      // The first batch holds a registration and is applied; the tail after the last one is only passed over.
      await f.send('IssueIdentifier', { issuedBy: 'jps', subject: myNumber, identifier: { kind: 'PENSION_NUMBER', value: '7777777777' }, occurredAt: T(9) });
      const issued = (await store.readAll({ maxCount: 10_000 })).at(-1)!;
      const tail = issued.globalPosition.toString();
      expect(tail).not.toBe(head);
      await settled(own);
      const deadline = Date.now() + 5_000;
      while ((await stored()) !== tail && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await stored()).toBe(tail);
      expect(applied).not.toContain(issued.id);
    } finally {
      await own.stop();
    }
  });

  it('rebuilds blue-green from position zero to exactly what live processing built', async () => {
    await settled(runner);
    const live = await readModelHash(f.database.pool);
    const rebuilt = await rebuildProjection(f.database.pool, f.context.get(EVENT_STORE), runner, accessHistoryProjection, { batchSize: 3 });
    expect(rebuilt.processed).toBeGreaterThan(10);
    expect(await readModelHash(f.database.pool)).toBe(live);
    // The live projector follows on after the swap.
    await f.send('AccessInformation', {
      accessId: 'a-after', organizationId: 'city-yokohama', staffCode: 'Y-2', subject: internalId, datasetId: 'yokohama-resident-tax', items: ['TAX_AMOUNT'],
      purpose: '課税', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(9),
    });
    await settled(runner);
    expect((await history())[0]).toMatchObject({ kind: 'ACCESS', staff_code: 'Y-2' });
  });
});
