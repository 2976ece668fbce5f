import type { INestApplication } from '@nestjs/common';
import { ProjectionRunner } from '#projections';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { startTestApi } from '../support/test-api.js';
import { T } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const TARO = { MY_NUMBER: { kind: 'MY_NUMBER', value: '123456789018' }, INTERNAL_ID: { kind: 'INTERNAL_ID', value: 'Y-0001', scope: 'city' } };
const HANAKO = { kind: 'INTERNAL_ID', value: 'Y-0002', scope: 'city' };
const FINDINGS = `query ($asOf: DateTime, $filter: FindingFilter, $first: Int, $after: String) {
  findings(asOf: $asOf, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id rule severity reason title { ja en } explanation { ja en } statute { ja en } party organization { id name } subjectId subjectCount staffCode occurredAt detectedAt events { eventId globalPosition } detail } }
  }
}`;
const LATER = T(20);

describe(`findings over GraphQL on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let tokens: Record<'auditor' | 'operator' | 'city' | 'jps' | 'taro' | 'hanako', string>;
  let taro: string;
  let hanako: string;
  /** The event each violating mutation stored, by a name for the finding it should raise. */
  const caused = new Map<string, string>();

  const findings = async (token: string, variables: Record<string, unknown> = {}) => ok(await api.as(token).request(FINDINGS, { asOf: LATER, ...variables })).findings;
  const rules = (connection: { edges: { node: { rule: string } }[] }) => connection.edges.map((e) => e.node.rule);

  beforeAll(async () => {
    const started = await startTestApi();
    ({ app, api } = started);
    const { mint } = started;
    tokens = { auditor: await mint.auditor(), operator: await mint.operator(), city: await mint.organization('city'), jps: await mint.organization('jps'), taro: '', hanako: '' };
    const operator = api.as(tokens.operator);
    for (const [organizationId, name, kind, domains] of [
      ['city', '横浜市', 'MUNICIPALITY', ['TAX']],
      ['jps', '日本年金機構', 'PENSION', ['SOCIAL_SECURITY']],
      ['points', 'ポイント株式会社', 'PRIVATE_BUSINESS', ['PRIVATE']],
    ] as const) {
      ok(await operator.mutate('registerOrganization', { organizationId, name, kind, domains, occurredAt: T(1) }));
    }
    ok(await operator.mutate('registerPermittedProvision', { permittedProvisionId: 'row-37', requesterId: 'jps', providerId: 'city', procedure: '保険料免除', items: ['INCOME'], legalBasis: '別表第二 第37項', occurredAt: T(1) }));
    const city = api.as(tokens.city);
    const eventOf = (answer: Awaited<ReturnType<GraphQLClient['mutate']>>) => Object.values(ok(answer))[0]!.events[0]!;
    ok(await city.mutate('registerDataset', { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['MY_NUMBER'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1) }));
    const points = api.as(await mint.organization('points'));
    caused.set('private', eventOf(await points.mutate('registerDataset', { datasetId: 'points-members', holderId: 'points', name: '会員台帳', purpose: 'ポイント付与', domain: 'PRIVATE', keyedBy: ['MY_NUMBER'], basic4Fields: [], occurredAt: T(2) })).eventId);
    taro = eventOf(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [TARO.MY_NUMBER, TARO.INTERNAL_ID], occurredAt: T(2) })).streamId.slice('subject-'.length);
    hanako = eventOf(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [HANAKO], occurredAt: T(2) })).streamId.slice('subject-'.length);
    tokens.taro = await mint.subject(taro);
    tokens.hanako = await mint.subject(hanako, 'hanako');
    ok(await city.mutate('registerRecord', { recordId: 'rec-1', datasetId: 'city-tax', subject: TARO.INTERNAL_ID, basic4: { nameKanji: '山田太郎' }, occurredAt: T(3) }));
    ok(await city.mutate('registerRecord', { recordId: 'rec-2', datasetId: 'city-tax', subject: TARO.MY_NUMBER, basic4: { nameKanji: '山田 太郎' }, occurredAt: T(3) }));
    caused.set('tie', eventOf(await city.mutate('linkRecords', { linkId: 'tie-1', organizationId: 'city', staffCode: 'C-1', records: ['rec-1', 'rec-2'], key: { by: 'BASIC4' }, purpose: '名寄せ', expectedCutOffAt: T(10), occurredAt: T(4) })).eventId);
    const jps = api.as(tokens.jps);
    ok(await jps.mutate('provideInformation', { provisionId: 'p-ok', requesterId: 'jps', providerId: 'city', subject: TARO.MY_NUMBER, items: ['INCOME'], procedure: '保険料免除', legalBasis: '別表第二', requestedAt: T(6), providedAt: T(6, 10), outcome: 'PROVIDED' }));
    caused.set('provision', eventOf(await jps.mutate('provideInformation', { provisionId: 'p-bad', requesterId: 'jps', providerId: 'city', subject: TARO.MY_NUMBER, items: ['INCOME'], procedure: '犯罪捜査', legalBasis: '番号法第19条', requestedAt: T(7), providedAt: T(7, 10), outcome: 'PROVIDED' })).eventId);
    caused.set('noPurpose', eventOf(await city.mutate('accessInformation', { accessId: 'a-1', organizationId: 'city', staffCode: 'C-2', subject: TARO.INTERNAL_ID, datasetId: 'city-tax', items: ['TAX_AMOUNT'], channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(8) })).eventId);
    caused.set('otherPurpose', eventOf(await city.mutate('accessInformation', { accessId: 'a-2', organizationId: 'city', staffCode: 'C-2', subject: HANAKO, datasetId: 'city-tax', items: ['TAX_AMOUNT'], purpose: '選挙運動', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(9) })).eventId);
    await settled(app.get(ProjectionRunner));
  });
  afterAll(() => app?.close());

  it('answers an auditor every finding, newest detection first, with its rule, severity, reason, parties and events', async () => {
    const all = await findings(tokens.auditor);
    expect(all.totalCount).toBe(6);
    // The provision outside the table is booked twice: to the provider (city) and to the requester (jps).
    expect(rules(all)).toEqual(['TIE_PAST_CUT_OFF', 'ACCESS_PURPOSE_NOT_REGISTERED', 'ACCESS_WITHOUT_PURPOSE', 'PROVISION_NOT_PERMITTED', 'PROVISION_NOT_PERMITTED', 'PRIVATE_DATASET_KEYED_BY_MY_NUMBER']);
    const byRule = Object.fromEntries(all.edges.map((e: any) => [e.node.rule, e.node]));
    expect(byRule.PROVISION_NOT_PERMITTED).toMatchObject({ severity: 'HIGH', organization: { id: 'jps', name: '日本年金機構' }, subjectId: taro, subjectCount: 1, events: [{ eventId: caused.get('provision') }] });
    expect(byRule.PROVISION_NOT_PERMITTED.reason).toMatch(/appended table 2/);
    expect(byRule.PROVISION_NOT_PERMITTED.party).toBe('REQUESTER');
    expect(byRule.ACCESS_WITHOUT_PURPOSE.party).toBeNull();
    expect(byRule.ACCESS_WITHOUT_PURPOSE).toMatchObject({ severity: 'MEDIUM', organization: { id: 'city' }, staffCode: 'C-2', subjectId: taro, events: [{ eventId: caused.get('noPurpose') }] });
    expect(byRule.ACCESS_PURPOSE_NOT_REGISTERED).toMatchObject({ subjectId: hanako, detail: { purpose: '選挙運動', registeredPurpose: '住民税の賦課' } });
    expect(byRule.PRIVATE_DATASET_KEYED_BY_MY_NUMBER).toMatchObject({ severity: 'CRITICAL', organization: { id: 'points' }, subjectId: null, subjectCount: 0, events: [{ eventId: caused.get('private') }] });
    expect(byRule.TIE_PAST_CUT_OFF).toMatchObject({ organization: { id: 'city' }, staffCode: 'C-1', subjectId: taro, events: [{ eventId: caused.get('tie') }] });
    expect(new Date(byRule.TIE_PAST_CUT_OFF.detectedAt).getTime()).toBe(Date.parse(T(10)));
    expect(Number(byRule.TIE_PAST_CUT_OFF.events[0].globalPosition)).toBeGreaterThan(0);
  });

  it("books a provision outside the table to the provider too: the city's own findings show its unlawful provision (番号法第19条)", async () => {
    const own = (await findings(tokens.city, { filter: { rule: 'PROVISION_NOT_PERMITTED' } })).edges.map((e: any) => e.node);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ organization: { id: 'city', name: '横浜市' }, party: 'PROVIDER', subjectId: taro, events: [{ eventId: caused.get('provision') }], detail: { provisionId: 'p-bad', requesterId: 'jps', providerId: 'city' } });
    const requester = (await findings(tokens.jps)).edges.map((e: any) => e.node);
    expect(requester.map((n: any) => [n.party, n.events[0].eventId])).toEqual([['REQUESTER', caused.get('provision')]]);
    expect(own[0].id).not.toBe(requester[0].id);
  });

  it('gives each finding its title, reason and statute in Japanese and English', async () => {
    const byRule = Object.fromEntries((await findings(tokens.auditor)).edges.map((e: any) => [e.node.rule, e.node]));
    expect(byRule.PROVISION_NOT_PERMITTED).toMatchObject({
      title: { ja: '別表第二に基づかない特定個人情報の提供', en: 'Provision outside every permitted row' },
      statute: { ja: '番号法第19条・第20条、別表第二', en: 'My Number Act arts. 19 and 20, appended table 2' },
    });
    expect(byRule.PROVISION_NOT_PERMITTED.explanation.ja).toContain('第19条');
    expect(byRule.ACCESS_PURPOSE_NOT_REGISTERED.statute.ja).toBe('個人情報保護法第18条、番号法第9条');
    expect(byRule.ACCESS_PURPOSE_NOT_REGISTERED.title.ja).toBe('利用目的外の利用');
    for (const node of Object.values(byRule) as any[]) {
      expect(node.title.ja).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
      expect(node.title.en).toMatch(/^[\x20-\x7e]+$/);
      expect(node.explanation.en).toBe(node.reason);
      expect(node.statute.ja).toMatch(/法/);
    }
  });

  it('records the subjects an auditor saw findings about in their histories (who audits the auditors)', async () => {
    await findings(tokens.auditor, { filter: { rule: 'ACCESS_PURPOSE_NOT_REGISTERED' } });
    await settled(app.get(ProjectionRunner));
    const history = ok(await api.as(tokens.hanako).request(`{ me(filter: { kinds: [AUDIT] }) { edges { node { purpose staffCode } } } }`)).me;
    expect(history.edges.map((e: any) => e.node)).toContainEqual({ purpose: '指摘事項（違反の疑い）の確認', staffCode: 'auditor-sato' });
  });

  it('judges a tie past its cut-off as of the given instant: not at the cut-off, just after it', async () => {
    expect(rules(await findings(tokens.auditor, { asOf: T(10) }))).not.toContain('TIE_PAST_CUT_OFF');
    expect(rules(await findings(tokens.auditor, { asOf: new Date(Date.parse(T(10)) + 1).toISOString() }))).toContain('TIE_PAST_CUT_OFF');
    expect(rules(await findings(tokens.auditor, { asOf: T(7, 12) }))).toEqual(['PROVISION_NOT_PERMITTED', 'PROVISION_NOT_PERMITTED', 'PRIVATE_DATASET_KEYED_BY_MY_NUMBER']);
  });

  it('filters by period, organization, rule, severity and subject', async () => {
    expect(rules(await findings(tokens.auditor, { filter: { from: T(7), to: T(9) } }))).toEqual(['ACCESS_WITHOUT_PURPOSE', 'PROVISION_NOT_PERMITTED', 'PROVISION_NOT_PERMITTED']);
    expect(rules(await findings(tokens.auditor, { filter: { organizationId: 'city' } }))).toEqual(['TIE_PAST_CUT_OFF', 'ACCESS_PURPOSE_NOT_REGISTERED', 'ACCESS_WITHOUT_PURPOSE', 'PROVISION_NOT_PERMITTED']);
    expect(rules(await findings(tokens.auditor, { filter: { rule: 'ACCESS_WITHOUT_PURPOSE' } }))).toEqual(['ACCESS_WITHOUT_PURPOSE']);
    expect(rules(await findings(tokens.auditor, { filter: { severity: 'CRITICAL' } }))).toEqual(['PRIVATE_DATASET_KEYED_BY_MY_NUMBER']);
    expect(rules(await findings(tokens.auditor, { filter: { subjectId: hanako } }))).toEqual(['ACCESS_PURPOSE_NOT_REGISTERED']);
  });

  it('pages with cursors through every finding once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const connection: any = await findings(tokens.auditor, { first: 2, after });
      expect(connection.totalCount).toBe(6);
      seen.push(...connection.edges.map((e: any) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual((await findings(tokens.auditor)).edges.map((e: any) => e.node.id));
  });

  it('shows an organization only its own findings, and a subject only those about them', async () => {
    expect(rules(await findings(tokens.jps))).toEqual(['PROVISION_NOT_PERMITTED']);
    expect(rules(await findings(tokens.taro))).toEqual(['TIE_PAST_CUT_OFF', 'ACCESS_WITHOUT_PURPOSE', 'PROVISION_NOT_PERMITTED', 'PROVISION_NOT_PERMITTED']);
    expect(rules(await findings(tokens.hanako))).toEqual(['ACCESS_PURPOSE_NOT_REGISTERED']);
    const refused = async (token: string | undefined, variables: Record<string, unknown> = {}) => (await api.as(token).request(FINDINGS, variables)).errors?.[0]?.extensions?.code;
    expect(await refused(tokens.jps, { filter: { organizationId: 'city' } })).toBe('FORBIDDEN');
    expect(await refused(tokens.taro, { filter: { subjectId: hanako } })).toBe('FORBIDDEN');
    expect(await refused(tokens.operator)).toBe('FORBIDDEN');
    expect(await refused(undefined)).toBe('UNAUTHENTICATED');
  });

  it('keeps a finding about a non-disclosed provision from the citizen until its flag is released', async () => {
    // A provision outside the permitted table, kept from the person (不開示): a finding for auditors and jps.
    const secret = { provisionId: 'p-secret', requesterId: 'jps', providerId: 'city', subject: HANAKO, items: ['INCOME'], procedure: '犯罪捜査', legalBasis: '番号法第19条', requestedAt: T(8), providedAt: T(8, 10), outcome: 'PROVIDED', nonDisclosure: true };
    ok(await api.as(tokens.jps).mutate('provideInformation', secret));
    await settled(app.get(ProjectionRunner));
    const about = async (token: string) => (await findings(token, { filter: { subjectId: hanako } })).edges.map((e: any) => e.node.detail.provisionId ?? e.node.rule);
    expect(await about(tokens.auditor)).toContain('p-secret');
    expect(await about(tokens.hanako)).toEqual(['ACCESS_PURPOSE_NOT_REGISTERED']);
    expect((await findings(tokens.hanako)).totalCount).toBe(1);
    ok(await api.as(tokens.jps).mutate('releaseNonDisclosure', { provisionId: 'p-secret', releasedBy: 'jps', occurredAt: T(9) }));
    await settled(app.get(ProjectionRunner));
    expect(await about(tokens.hanako)).toContain('p-secret');
  });

  it('names the field and the reason of bad input', async () => {
    const error = async (variables: Record<string, unknown>) => (await api.as(tokens.auditor).request(FINDINGS, variables)).errors?.[0]?.extensions;
    expect(await error({ filter: { subjectId: 'taro' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.subjectId' });
    expect(await error({ after: 'not-a-cursor' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(await error({ first: 501 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
