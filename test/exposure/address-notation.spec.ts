import { ExposureQueries } from '#exposure';
import { ProjectionRunner } from '#projections';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const at = (date: string) => `${date}T09:00:00+09:00`;
const person = (n: number) => ({ kind: 'INTERNAL_ID', value: `P-${n}`, scope: 'city' });

/**
 * One address in two notations, as two holders write it (a register's 一丁目2番1号, a form's 1-2-1): the same key at
 * every level that keeps the full address (RAW to VARIANT), so the two records match, and different addresses don't.
 */
describe(`addresses written two ways match on ${backendName}`, () => {
  let f: IngestionFixture;
  let queries: ExposureQueries;
  const PAIRS: [string, string][] = [
    ['東京都千代田区九段南一丁目2番1号', '東京都千代田区九段南１－２－１'],
    ['長野県北佐久郡軽井沢町大字長倉2381番地1', '長野県北佐久郡軽井沢町長倉２３８１－１'],
    ['神奈川県横浜市中区本町六丁目50番地の10', '横浜市中区本町6-50-10'],
    ['東京都新宿区西新宿二丁目8番1号', '東京都新宿区西新宿2-8-11'], // a different building: must not match
  ];

  beforeAll(async () => {
    f = await IngestionFixture.start();
    queries = new ExposureQueries(f.database.pool);
    await f.send('RegisterOrganization', { organizationId: 'city', name: '市', kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: at('2024-04-01') });
    await f.send('RegisterOrganization', { organizationId: 'shop', name: '店', kind: 'PRIVATE_BUSINESS', domains: ['PRIVATE'], occurredAt: at('2024-04-01') });
    const dataset = (datasetId: string, holderId: string, domain: string) =>
      f.send('RegisterDataset', { datasetId, holderId, name: datasetId, purpose: 'p', domain, legalBasis: null, keyedBy: ['INTERNAL_ID'], basic4Fields: ['BIRTH_DATE', 'ADDRESS'], occurredAt: at('2024-04-01') });
    await dataset('register', 'city', 'TAX');
    await dataset('members', 'shop', 'PRIVATE');
    for (const [n, [registered, written]] of PAIRS.entries()) {
      await f.send('EnrollSubject', { enrolledBy: 'city', identifiers: [person(n)], occurredAt: at('2024-04-01') });
      const birthDate = `1980-01-0${n + 1}`;
      await f.send('RegisterRecord', { recordId: `reg-${n}`, datasetId: 'register', subject: person(n), basic4: { birthDate, address: registered }, occurredAt: at('2024-04-02') });
      await f.send('RegisterRecord', { recordId: `mem-${n}`, datasetId: 'members', subject: person(n), identifiers: [], basic4: { birthDate, address: written }, occurredAt: at('2024-04-02') });
    }
    await settled(f.context.get(ProjectionRunner));
  });
  afterAll(() => f?.close());

  it.each(['RAW', 'NFKC', 'KANA', 'VARIANT'] as const)('at %s the three same addresses match one-to-one and the different one does not', async (level) => {
    const [pair] = await queries.mostMatchablePairs(level, 10);
    expect(pair).toMatchObject({ matchableRecords: 3 });
    expect(pair!.fields).toEqual(expect.arrayContaining(['ADDRESS', 'BIRTH_DATE']));
  });
});
