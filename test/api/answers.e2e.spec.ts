/**
 * Answers an auditor can sign and a citizen can read: names beside codes (items, datasets, organizations), the
 * provider of a provision, the tie an unlink cut, who audited and why in words, the registry's lists, and
 * sentences in Japan time — end to end over HTTP.
 */
import type { INestApplication } from '@nestjs/common';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { registerCityPensionPoints, startTestApi } from '../support/test-api.js';
import { T } from '../support/ingestion-fixture.js';
import { readModelHash, settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const MY_NUMBER = { kind: 'MY_NUMBER', value: '123456789018' };
const CITY_ID = { kind: 'INTERNAL_ID', value: 'Y-0001', scope: 'city' };
const JPS_ID = { kind: 'INTERNAL_ID', value: 'J-0001', scope: 'jps' };

const LINE = `id kind occurredAt organization { id name nameEn } counterparty { id name } staffCode datasets namedDatasets { id name holder { name } }
  items namedItems { code nameJa nameEn category { code nameJa appendedTable } } tieId purpose purposeEn`;

describe(`answers with names, facts and Japan time on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let tokens: Record<'auditor' | 'operator' | 'city' | 'jps' | 'points' | 'subject', string>;
  let subjectId: string;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    const started = await startTestApi();
    ({ app, api } = started);
    runner = app.get(ProjectionRunner);
    const { mint } = started;
    const [auditor, operatorToken, cityToken, jpsToken, pointsToken] = await Promise.all([mint.auditor(), mint.operator(), ...['city', 'jps', 'points'].map(mint.organization)]);
    tokens = { auditor: auditor!, operator: operatorToken!, city: cityToken!, jps: jpsToken!, points: pointsToken!, subject: '' };
    const operator = api.as(tokens.operator);
    await registerCityPensionPoints(operator, T(1));
    ok(await operator.mutate('registerPermittedProvision', {
      permittedProvisionId: 'row-menjo', requesterId: 'jps', providerId: 'city', procedure: '国民年金法による保険料の免除に関する事務', items: ['LOCAL_TAX_INCOME'], legalBasis: '番号法別表第二', occurredAt: T(1),
    }));
    const city = api.as(tokens.city);
    const jps = api.as(tokens.jps);
    ok(await city.mutate('registerDataset', { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['MY_NUMBER', 'INTERNAL_ID'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1) }));
    ok(await jps.mutate('registerDataset', { datasetId: 'jps-pension', holderId: 'jps', name: '年金記録', purpose: '年金給付', domain: 'SOCIAL_SECURITY', keyedBy: ['INTERNAL_ID'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1) }));
    ok(await api.as(tokens.points).mutate('registerDataset', { datasetId: 'points-members', holderId: 'points', name: '会員台帳', purpose: 'ポイントサービス', domain: 'PRIVATE', keyedBy: ['MEMBER_NUMBER'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1) }));
    const enrolled = ok(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [MY_NUMBER, CITY_ID], occurredAt: T(2) }));
    subjectId = enrolled.enrollSubject!.events[0]!.streamId.slice('subject-'.length);
    tokens.subject = await mint.subject(subjectId);
    ok(await jps.mutate('issueIdentifier', { issuedBy: 'jps', subject: MY_NUMBER, identifier: JPS_ID, occurredAt: T(2, 10) }));
    ok(await city.mutate('registerRecord', { recordId: 'rec-city', datasetId: 'city-tax', subject: CITY_ID, basic4: { nameKanji: '山田太郎' }, occurredAt: T(3) }));
    ok(await jps.mutate('registerRecord', { recordId: 'rec-jps', datasetId: 'jps-pension', subject: JPS_ID, basic4: { nameKanji: '山田太郎' }, occurredAt: T(3) }));
    ok(await city.mutate('linkRecords', {
      linkId: 'tie-menjo', organizationId: 'city', staffCode: 'C-1', records: ['rec-city', 'rec-jps'], key: { by: 'IDENTIFIER', identifierKind: 'MY_NUMBER' }, purpose: '保険料免除の確認',
      expectedCutOffAt: T(10), occurredAt: T(4, 15),
    }));
    ok(await jps.mutate('provideInformation', {
      provisionId: 'p-menjo', requesterId: 'jps', providerId: 'city', subject: MY_NUMBER, items: ['LOCAL_TAX_INCOME'], procedure: '国民年金法による保険料の免除に関する事務',
      legalBasis: '番号法別表第二', requestedAt: T(6), providedAt: T(6, 10), outcome: 'PROVIDED',
    }));
    ok(await city.mutate('accessInformation', { accessId: 'a-1', organizationId: 'city', staffCode: 'C-2', subject: CITY_ID, datasetId: 'city-tax', items: ['TAX_AMOUNT'], purpose: '住民税の賦課', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(8) }));
    ok(await city.mutate('unlinkRecords', { linkId: 'tie-menjo', organizationId: 'city', staffCode: 'C-1', reason: '確認完了', occurredAt: T(9) }));
    await settled(runner);
  }, 180_000);
  afterAll(() => app?.close());

  const history = async (token: string, filter: object = {}) =>
    ok(await api.as(token).request(`query ($s: ID!, $f: AccessHistoryFilter) { accessHistory(subjectId: $s, filter: $f) { edges { node { ${LINE} } } } }`, { s: subjectId, f: filter })).accessHistory.edges.map(
      (e: any) => e.node,
    );

  it('names items in Japanese and English with their 別表 category, and datasets beside their ids', async () => {
    const lines = await history(tokens.auditor, { kinds: ['PROVISION', 'ACCESS'] });
    const provision = lines.find((l: any) => l.kind === 'PROVISION');
    expect(provision.items).toEqual(['LOCAL_TAX_INCOME']);
    expect(provision.namedItems).toEqual([
      { code: 'LOCAL_TAX_INCOME', nameJa: '地方税関係情報（所得額・税額）', nameEn: 'local tax information (income and tax amounts)', category: { code: 'LOCAL_TAX', nameJa: '地方税関係情報', appendedTable: true } },
    ]);
    expect(provision).toMatchObject({ organization: { name: '日本年金機構' }, counterparty: { name: '横浜市' }, purposeEn: null });
    const access = lines.find((l: any) => l.kind === 'ACCESS');
    expect(access.namedItems[0]).toMatchObject({ code: 'TAX_AMOUNT', nameJa: '税額', nameEn: 'tax amount' });
    expect(access.namedDatasets).toEqual([{ id: 'city-tax', name: '課税台帳', holder: { name: '横浜市' } }]);
  });

  it('names the tie an UNLINK cut and the datasets it had joined, as its LINK line does', async () => {
    const lines = await history(tokens.subject, { kinds: ['LINK', 'UNLINK'] });
    expect(lines.map((l: any) => [l.kind, l.tieId, l.datasets])).toEqual([
      ['UNLINK', 'tie-menjo', ['city-tax', 'jps-pension']],
      ['LINK', 'tie-menjo', ['city-tax', 'jps-pension']],
    ]);
    expect(lines[0].namedDatasets.map((d: any) => d.name)).toEqual(['課税台帳', '年金記録']);
    expect(lines[0].purpose).toBe('確認完了');
  });

  it('names the provider of each provision in whoAccessed, and takes an item by its Japanese name', async () => {
    const who = `query ($s: ID!, $item: String!) { whoAccessed(subjectId: $s, item: $item) { kind organization { name } provider { id name } dataset { name } item { code nameJa nameEn } purpose } }`;
    const byName = ok(await api.as(tokens.subject).request(who, { s: subjectId, item: '地方税関係情報' })).whoAccessed;
    expect(byName).toEqual([{
      kind: 'PROVISION', organization: { name: '日本年金機構' }, provider: { id: 'city', name: '横浜市' }, dataset: null,
      item: { code: 'LOCAL_TAX_INCOME', nameJa: '地方税関係情報（所得額・税額）', nameEn: 'local tax information (income and tax amounts)' }, purpose: '国民年金法による保険料の免除に関する事務',
    }]);
    const access = ok(await api.as(tokens.auditor).request(who, { s: subjectId, item: '税額' })).whoAccessed;
    expect(access).toEqual([{ kind: 'ACCESS', organization: { name: '横浜市' }, provider: null, dataset: { name: '課税台帳' }, item: { code: 'TAX_AMOUNT', nameJa: '税額', nameEn: 'tax amount' }, purpose: '住民税の賦課' }]);
  });

  it('refuses an item the catalogue does not know, in queries as in the filter, naming what is close', async () => {
    const refused = await api.as(tokens.auditor).request(`query ($s: ID!) { whoAccessed(subjectId: $s, item: "LOCAL_TAX_INCOM") { kind } }`, { s: subjectId });
    expect(refused.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'item' } });
    expect(refused.errors![0]!.message).toContain('did you mean LOCAL_TAX_INCOME');
    const filtered = await api.as(tokens.auditor).request(`query ($s: ID!) { accessHistory(subjectId: $s, filter: { item: "謎の情報" }) { totalCount } }`, { s: subjectId });
    expect(filtered.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.item' } });
  });

  it("names the auditor's office (the PPC, never registered) and the purpose of each audit in Japanese and English", async () => {
    await history(tokens.auditor);
    ok(await api.as(tokens.auditor).request(`query ($s: ID!) { whoAccessed(subjectId: $s, item: "INCOME") { kind } }`, { s: subjectId }));
    await settled(runner);
    const audits = await history(tokens.subject, { kinds: ['AUDIT'] });
    expect(audits.length).toBeGreaterThanOrEqual(2);
    for (const a of audits) expect(a.organization).toEqual({ id: 'ppc', name: '個人情報保護委員会', nameEn: 'Personal Information Protection Commission' });
    expect(audits.map((a: any) => [a.purpose, a.purposeEn])).toEqual(expect.arrayContaining([
      ['アクセス履歴の確認', 'review of the access history'],
      ['情報を入手・利用した機関の確認', 'review of who obtained or used an item of information'],
    ]));
    // An office neither registered nor known to the platform is still named as an auditing body, never null.
    await app.get<EventStore>(EVENT_STORE).appendToStream(`audit-${subjectId}`, [{
      id: '00000000-0000-4000-8000-0000000a0d17', type: 'AuditorQueried', schemaVersion: 1,
      data: { auditorId: 'kansa-1', organizationId: 'city-audit', operation: 'newOperation', subjectIds: [subjectId], occurredAt: T(20) },
    }]);
    await settled(runner);
    const [latest] = await history(tokens.subject, { kinds: ['AUDIT'], organizationId: 'city-audit' });
    expect(latest).toMatchObject({
      organization: { id: 'city-audit', name: '監査機関（city-audit）', nameEn: 'auditing body (city-audit)' },
      purpose: '監査人による照会（newOperation）', purposeEn: "an auditor's query (newOperation)",
    });
    // The purpose filter reads the words, in either language.
    expect((await history(tokens.subject, { kinds: ['AUDIT'], purpose: 'access history' })).length).toBeGreaterThanOrEqual(1);
    expect((await history(tokens.subject, { kinds: ['AUDIT'], purpose: 'アクセス履歴' })).length).toBeGreaterThanOrEqual(1);
  });

  it('lists organizations and datasets a page at a time: all for an auditor, itself and its counterparties for an organization', async () => {
    const organizations = `query ($f: OrganizationFilter, $first: Int, $after: String) { organizations(filter: $f, first: $first, after: $after) {
      totalCount edges { cursor node { id name kind } } pageInfo { hasNextPage endCursor } } }`;
    const first = ok(await api.as(tokens.auditor).request(organizations, { first: 2 })).organizations;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: any) => e.node.id)).toEqual(['city', 'jps']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(await api.as(tokens.auditor).request(organizations, { first: 2, after: first.pageInfo.endCursor })).organizations;
    expect(next.edges.map((e: any) => e.node)).toEqual([{ id: 'points', name: 'ポイント株式会社', kind: 'PRIVATE_BUSINESS' }]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(ok(await api.as(tokens.auditor).request(organizations, { f: { kind: 'PENSION' } })).organizations.edges.map((e: any) => e.node.name)).toEqual(['日本年金機構']);
    expect(ok(await api.as(tokens.auditor).request(organizations, { f: { name: '横浜' } })).organizations.edges.map((e: any) => e.node.id)).toEqual(['city']);
    // city dealt with jps (a provision, a permitted row), never with points.
    expect(ok(await api.as(tokens.city).request(organizations)).organizations.edges.map((e: any) => e.node.id)).toEqual(['city', 'jps']);
    expect(ok(await api.as(tokens.points).request(organizations)).organizations.edges.map((e: any) => e.node.id)).toEqual(['points']);

    const datasets = `query ($f: DatasetFilter) { datasets(filter: $f) { totalCount edges { node { id name holder { name } } } } }`;
    expect(ok(await api.as(tokens.auditor).request(datasets)).datasets.edges.map((e: any) => e.node.id)).toEqual(['city-tax', 'jps-pension', 'points-members']);
    expect(ok(await api.as(tokens.auditor).request(datasets, { f: { keyedBy: 'MY_NUMBER' } })).datasets.edges.map((e: any) => e.node)).toEqual([{ id: 'city-tax', name: '課税台帳', holder: { name: '横浜市' } }]);
    expect(ok(await api.as(tokens.jps).request(datasets)).datasets.edges.map((e: any) => e.node.id)).toEqual(['city-tax', 'jps-pension']);
    // A counterparty's record may be read one by one too; another organization's may not.
    expect(ok(await api.as(tokens.city).request(`{ organization(id: "jps") { name } dataset(id: "jps-pension") { name } }`))).toEqual({ organization: { name: '日本年金機構' }, dataset: { name: '年金記録' } });
    expect((await api.as(tokens.city).request(`{ organization(id: "points") { name } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await api.as(tokens.subject).request(datasets)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const badCursor = await api.as(tokens.auditor).request(organizations, { after: 'not-a-cursor!' });
    expect(badCursor.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });

  it('gives the item catalogue to every signed-in role', async () => {
    const { items } = ok(await api.as(tokens.subject).request(`{ items { code nameJa nameEn category { nameJa } } }`));
    expect(items).toContainEqual({ code: 'HOUSEHOLD_COMPOSITION', nameJa: '住民票関係情報（世帯構成）', nameEn: 'resident register information (household composition)', category: { nameJa: '住民票関係情報' } });
    expect((await api.request(`{ items { code } }`)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('keeps instants in ISO 8601 for machines, and says them in Japan time with the zone in sentences for people', async () => {
    const lines = await history(tokens.auditor, { kinds: ['LINK'] });
    expect(lines[0].occurredAt).toBe('2024-04-04T06:00:00.000Z');
    const { linkage } = ok(await api.as(tokens.auditor).request(`query ($s: ID!) { linkage(subjectId: $s, asOf: "${T(5)}") { explanations { topic ja en } } }`, { s: subjectId }));
    const tie = linkage.explanations.find((e: any) => e.topic === 'TIE' || e.topic === 'OVERDUE_TIE');
    expect(tie.ja).toContain('2024年4月4日 15:00 JSTから');
    expect(tie.ja).toContain('解除予定は2024年4月10日 09:00 JSTです');
    expect(tie.en).toContain('since 2024-04-04 15:00 JST');
  });

  it('a rebuild gives the same lines, the cut tie named', async () => {
    await settled(runner);
    const { pool } = app.get<Database>(DATABASE);
    const before = await readModelHash(pool);
    await rebuildProjections(pool, app.get<EventStore>(EVENT_STORE), runner, runner.projections, { batchSize: 3 });
    expect(await readModelHash(pool)).toBe(before);
    const lines = await history(tokens.auditor, { kinds: ['UNLINK'] });
    expect(lines[0].datasets).toEqual(['city-tax', 'jps-pension']);
  });
});
