import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ProjectionRunner } from '#projections';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { startTestApi } from '../support/test-api.js';
import { T } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const MY_NUMBER = { kind: 'MY_NUMBER', value: '123456789018' };
const EXPOSURE = `query ($s: ID!, $asOf: DateTime) { exposure(subjectId: $s, asOf: $asOf) {
  subjectId asOf measuredAt uniquelyMatchableDatasets lowestUniqueLevel
  records { recordId dataset { id name holder { id } } classSizes { level classSize } uniquelyMatchableIn { dataset { id } lowestLevel fields } }
  bestMatch { from { id } to { id } probability agreeingFields }
  linkage { records { recordId } ties { linkId live overdue keyBy identifierKind organization { id name } } components { datasetCount domains } hygiene { liveTies overdueTies myNumberTiesAcrossOrganizations } }
  explanations { topic ja en } } }`;

describe(`exposure over GraphQL on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let tokens: Record<'auditor' | 'operator' | 'city' | 'jps' | 'subject' | 'otherSubject', string>;
  let subjectId: string;

  beforeAll(async () => {
    const started = await startTestApi();
    ({ app, api } = started);
    const { mint } = started;
    tokens = {
      auditor: await mint.auditor(),
      operator: await mint.operator(),
      city: await mint.organization('city'),
      jps: await mint.organization('jps'),
      subject: '',
      otherSubject: await mint.subject(randomUUID(), 'someone'),
    };
    const operator = api.as(tokens.operator);
    ok(await operator.mutate('registerOrganization', { organizationId: 'city', name: '横浜市', kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: T(1) }));
    ok(await operator.mutate('registerOrganization', { organizationId: 'jps', name: '日本年金機構', kind: 'PENSION', domains: ['SOCIAL_SECURITY'], occurredAt: T(1) }));
    const city = api.as(tokens.city);
    const jps = api.as(tokens.jps);
    const fields = ['NAME_KANJI', 'BIRTH_DATE', 'SEX'];
    ok(await city.mutate('registerDataset', { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['MY_NUMBER'], basic4Fields: fields, occurredAt: T(1) }));
    ok(await jps.mutate('registerDataset', { datasetId: 'jps-pension', holderId: 'jps', name: '年金記録', purpose: '年金給付', domain: 'SOCIAL_SECURITY', keyedBy: ['MY_NUMBER'], basic4Fields: fields, occurredAt: T(1) }));
    const enrolled = ok(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [MY_NUMBER], occurredAt: T(2) }));
    subjectId = enrolled.enrollSubject!.events[0]!.streamId.slice('subject-'.length);
    tokens.subject = await mint.subject(subjectId);
    ok(await city.mutate('registerRecord', { recordId: 'tax-1', datasetId: 'city-tax', subject: MY_NUMBER, basic4: { nameKanji: '山﨑太郎', birthDate: '1980-02-03', sex: 'MALE' }, occurredAt: T(3) }));
    ok(await jps.mutate('registerRecord', { recordId: 'pension-1', datasetId: 'jps-pension', subject: MY_NUMBER, basic4: { nameKanji: '山崎太郎', birthDate: '昭和55年2月3日', sex: 'MALE' }, occurredAt: T(3) }));
    ok(await city.mutate('linkRecords', {
      linkId: 'tie-1', organizationId: 'city', staffCode: 'C-1', records: ['tax-1', 'pension-1'], key: { by: 'IDENTIFIER', identifierKind: 'MY_NUMBER' },
      purpose: '所得の確認', expectedCutOffAt: T(10), occurredAt: T(4),
    }));
    await settled(app.get(ProjectionRunner));
  });
  afterAll(() => app?.close());

  it('an auditor reads a subject’s exposure with its reasons, and the query is recorded in the subject’s history', async () => {
    const asked = Date.now();
    const answer = ok(await api.as(tokens.auditor).request(EXPOSURE, { s: subjectId, asOf: T(20) })).exposure;
    // The records and linkage as of T(20); the classes as they are now, and the answer says so.
    expect(answer.asOf).toBe(new Date(T(20)).toISOString());
    expect(Date.parse(answer.measuredAt)).toBeGreaterThanOrEqual(asked - 1000);
    expect(answer.records.map((r: any) => [r.recordId, r.dataset.holder.id, r.classSizes[0]])).toEqual([
      ['pension-1', 'jps', { level: 'RAW', classSize: 1 }],
      ['tax-1', 'city', { level: 'RAW', classSize: 1 }],
    ]);
    // 山﨑 and 山崎 are one name once kanji variants fold; the 和暦 birth date is the same day.
    expect(answer.records[1].uniquelyMatchableIn).toEqual([{ dataset: { id: 'jps-pension' }, lowestLevel: 'VARIANT', fields }]);
    expect(answer.uniquelyMatchableDatasets).toBe(2);
    expect(answer.bestMatch.agreeingFields).toEqual(fields);
    expect(answer.linkage.ties).toEqual([{ linkId: 'tie-1', live: true, overdue: true, keyBy: 'IDENTIFIER', identifierKind: 'MY_NUMBER', organization: { id: 'city', name: '横浜市' } }]);
    expect(answer.linkage.hygiene).toEqual({ liveTies: 1, overdueTies: 1, myNumberTiesAcrossOrganizations: 1 });
    expect(answer.linkage.components[0]).toEqual({ datasetCount: 2, domains: ['SOCIAL_SECURITY', 'TAX'] });
    expect(answer.explanations.map((e: any) => e.topic)).toEqual(expect.arrayContaining(['LINKAGE', 'OVERDUE_TIE', 'MY_NUMBER_TIE', 'CLASS_SIZE', 'MATCHABILITY', 'MATCH_PROBABILITY']));
    expect(answer.explanations.every((e: any) => e.ja.length > 10 && e.en.length > 10)).toBe(true);
    // The sentences name the datasets and the organization as registered, not by their ids.
    const said = (topic: string) => answer.explanations.filter((e: any) => e.topic === topic).map((e: any) => `${e.en} / ${e.ja}`).join('\n');
    expect(said('LINKAGE')).toContain('Your records in the 2 datasets "課税台帳" and "年金記録" (domains: social security, tax) can already be joined');
    for (const tie of [said('OVERDUE_TIE'), said('MY_NUMBER_TIE')]) expect(tie).toMatch(/横浜市.*横浜市/s);
    expect(said('OVERDUE_TIE')).not.toMatch(/\bcity\b/);

    await settled(app.get(ProjectionRunner));
    const history = ok(await api.as(tokens.subject).request(`{ me(filter: { kinds: [AUDIT] }) { edges { node { kind purpose } } } }`));
    expect(history.me.edges.map((e: any) => e.node)).toContainEqual({ kind: 'AUDIT', purpose: '名寄せのリスクの確認' });
  });
  const fields = ['NAME_KANJI', 'BIRTH_DATE', 'SEX'];

  it('a citizen sees their own exposure and linkage, and no one else’s', async () => {
    const mine = ok(await api.as(tokens.subject).request(`query ($s: ID!) { exposure(subjectId: $s) { subjectId } linkage(subjectId: $s) { subjectId } }`, { s: subjectId }));
    expect(mine).toEqual({ exposure: { subjectId }, linkage: { subjectId } });
    const theirs = await api.as(tokens.otherSubject).request(`query ($s: ID!) { exposure(subjectId: $s) { subjectId } }`, { s: subjectId });
    expect(theirs.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('dataset risk and matchability for auditors and the holding organization; the distribution for auditors only', async () => {
    const risk = `query ($d: ID!) { datasetRisk(datasetId: $d, level: RAW) { dataset { id } records k sampleUniqueness expectedReidentifications prosecutor { recordsAtRisk } histogram { classSize classes } } }`;
    expect(ok(await api.as(tokens.city).request(risk, { d: 'city-tax' })).datasetRisk).toEqual({
      dataset: { id: 'city-tax' }, records: 1, k: 1, sampleUniqueness: 1, expectedReidentifications: 1, prosecutor: { recordsAtRisk: 1 }, histogram: [{ classSize: 1, classes: 1 }],
    });
    expect((await api.as(tokens.jps).request(risk, { d: 'city-tax' })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await api.as(tokens.auditor).request(risk, { d: 'no-such' })).errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'datasetId' } });

    const pair = `query ($l: ExposureLevel) { matchability(datasetA: "city-tax", datasetB: "jps-pension", level: $l) { matchableRecords shareOfA fields } }`;
    expect(ok(await api.as(tokens.jps).request(pair, { l: 'RAW' })).matchability).toEqual({ matchableRecords: 0, shareOfA: 0, fields });
    expect(ok(await api.as(tokens.auditor).request(pair, { l: 'VARIANT' })).matchability).toEqual({ matchableRecords: 1, shareOfA: 1, fields });
    expect((await api.as(tokens.auditor).request(pair, { l: 'SIDEWAYS' })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');

    const distribution = `{ exposureDistribution(level: VARIANT) { recordsByClassSize { bucket count } subjectsBySmallestClass { bucket count } datasetsByK { bucket count } } }`;
    const charts = ok(await api.as(tokens.auditor).request(distribution)).exposureDistribution;
    expect(charts.recordsByClassSize[0]).toEqual({ bucket: '1', count: 2 });
    expect(charts.subjectsBySmallestClass[0]).toEqual({ bucket: '1', count: 1 });
    expect(charts.datasetsByK[0]).toEqual({ bucket: '1', count: 2 });
    for (const role of ['city', 'subject', 'operator'] as const) expect((await api.as(tokens[role]).request(distribution)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await api.request(distribution)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
