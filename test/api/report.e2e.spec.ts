import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { buildSchema, getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { ProjectionRunner } from '#projections';
import { ComplianceReports } from '#reporting';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { startTestApi } from '../support/test-api.js';
import { T } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

/** Every field of a type, as a selection set: the whole report, as a client asking for all of it would. */
function selectionOf(type: GraphQLObjectType): string {
  return `{ ${Object.values(type.getFields())
    .map((field) => {
      const named = getNamedType(field.type);
      return isObjectType(named) ? `${field.name} ${selectionOf(named)}` : field.name;
    })
    .join(' ')} }`;
}
const schema = buildSchema(readdirSync('schema').map((file) => readFileSync(join('schema', file), 'utf8')).join('\n'));
const REPORT = `query ($from: DateTime!, $to: DateTime!, $organizationId: ID) {
  complianceReport(from: $from, to: $to, organizationId: $organizationId) ${selectionOf(schema.getType('ComplianceReport') as GraphQLObjectType)}
}`;
const PERIOD = { from: '2024-04-01T00:00:00+09:00', to: '2024-05-01T00:00:00+09:00' };

describe(`complianceReport over GraphQL on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let tokens: Record<'auditor' | 'operator' | 'city' | 'jps' | 'subject', string>;

  beforeAll(async () => {
    const started = await startTestApi();
    ({ app, api } = started);
    const { mint } = started;
    tokens = {
      auditor: await mint.auditor(),
      operator: await mint.operator(),
      city: await mint.organization('city'),
      jps: await mint.organization('jps'),
      subject: await mint.subject('00000000-0000-4000-8000-000000000001'),
    };
    const operator = api.as(tokens.operator);
    ok(await operator.mutate('registerOrganization', { organizationId: 'city', name: '横浜市', kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: T(1) }));
    ok(await operator.mutate('registerOrganization', { organizationId: 'jps', name: '日本年金機構', kind: 'PENSION', domains: ['SOCIAL_SECURITY'], occurredAt: T(1) }));
    const city = api.as(tokens.city);
    const subject = { kind: 'INTERNAL_ID', value: 'Y-0001', scope: 'city' };
    ok(await city.mutate('registerDataset', { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['MY_NUMBER'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1) }));
    ok(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [subject], occurredAt: T(2) }));
    for (const [n, outcome] of [[1, 'GRANTED'], [2, 'GRANTED'], [3, 'DENIED']] as const) {
      ok(await city.mutate('accessInformation', { accessId: `a-${n}`, organizationId: 'city', staffCode: `C-${n}`, subject, datasetId: 'city-tax', items: ['TAX_AMOUNT'], purpose: '住民税の賦課', channel: 'TERMINAL', outcome, occurredAt: T(8) }));
    }
    await settled(app.get(ProjectionRunner));
  });
  afterAll(() => app?.close());

  it('answers an auditor with the same data the CLI writes as JSON', async () => {
    const { complianceReport } = ok(await api.as(tokens.auditor).request(REPORT, PERIOD));
    const direct = JSON.parse(JSON.stringify(await app.get(ComplianceReports).report(PERIOD)));
    expect({ ...complianceReport, generatedAt: null }).toEqual({ ...direct, generatedAt: null });
    expect(complianceReport.activity.totals).toMatchObject({ accesses: 3, accessesDenied: 1, provisions: 0 });
    expect(complianceReport.activity.rows[0]).toMatchObject({ organization: { id: 'city', name: '横浜市' }, kind: 'ACCESS', month: '2024-04', count: 3, refused: 1 });
    expect(complianceReport.privacyImpactAssessments.datasets).toEqual([
      expect.objectContaining({ dataset: { id: 'city-tax', name: '課税台帳', holder: { id: 'city', name: '横浜市' } }, peopleCovered: 0, staffWithAccess: 2, level: 'NOT_REQUIRED' }),
    ]);
    expect(complianceReport.exposure).toMatchObject({ available: true, note: null });
    expect(complianceReport.exposure.distribution.map((d: any) => d.label)).toEqual(['f = 1', 'f = 2', 'f = 3-4', 'f = 5-9', 'f = 10-19', 'f = 20+']);
  });

  it('answers an organization about itself, and refuses it anyone else or everyone', async () => {
    const own = ok(await api.as(tokens.city).request(REPORT, { ...PERIOD, organizationId: 'city' }));
    expect(own.complianceReport.organization).toEqual({ id: 'city', name: '横浜市' });
    for (const organizationId of ['jps', null]) {
      const refused = await api.as(tokens.city).request(REPORT, { ...PERIOD, organizationId });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.data).toBeNull();
    }
  });

  it('refuses subjects, operators and anonymous callers', async () => {
    expect((await api.as(tokens.subject).request(REPORT, PERIOD)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.as(tokens.operator).request(REPORT, PERIOD)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.as(undefined).request(REPORT, PERIOD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('names the field and the reason of bad input', async () => {
    const auditor = api.as(tokens.auditor);
    const reversed = await auditor.request(REPORT, { from: PERIOD.to, to: PERIOD.from });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to', reason: expect.stringContaining('must be after from') });
    const unknown = await auditor.request(REPORT, { ...PERIOD, organizationId: 'nobody' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const badDate = await auditor.request(REPORT, { ...PERIOD, from: '2024-13-01' });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
