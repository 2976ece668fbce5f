import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { LogInsider } from '#event-store-postgres/testing';
import { ProjectionRunner } from '#projections';
import { PROJECTIONS } from '#app';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { startTestApi } from '../support/test-api.js';
import { T } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const MY_NUMBER = { kind: 'MY_NUMBER', value: '123456789018' };
const INTERNAL_ID = { kind: 'INTERNAL_ID', value: 'Y-0001', scope: 'city' };
const HISTORY = `query ($subjectId: ID!, $filter: AccessHistoryFilter, $first: Int, $after: String) {
  accessHistory(subjectId: $subjectId, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind occurredAt organization { id name } staffCode counterparty { id name } items purpose legalBasis outcome nonDisclosure } }
  }
}`;

describe(`GraphQL API end to end on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let tokens: Record<'auditor' | 'operator' | 'city' | 'jps' | 'points' | 'subject' | 'otherSubject', string>;
  let subjectId: string;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    const started = await startTestApi();
    ({ app, api } = started);
    runner = app.get(ProjectionRunner);
    const { mint } = started;
    tokens = {
      auditor: await mint.auditor(),
      operator: await mint.operator(),
      city: await mint.organization('city'),
      jps: await mint.organization('jps'),
      points: await mint.organization('points'),
      subject: '',
      otherSubject: await mint.subject(randomUUID(), 'someone'),
    };
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
    ok(await city.mutate('registerDataset', { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['MY_NUMBER'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1) }));
    const enrolled = ok(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [MY_NUMBER, INTERNAL_ID], occurredAt: T(2) }));
    subjectId = enrolled.enrollSubject!.events[0]!.streamId.slice('subject-'.length);
    tokens.subject = await mint.subject(subjectId);
    ok(await city.mutate('registerRecord', { recordId: 'rec-1', datasetId: 'city-tax', subject: INTERNAL_ID, basic4: { nameKanji: '山田太郎' }, occurredAt: T(3) }));
    ok(await city.mutate('registerRecord', { recordId: 'rec-2', datasetId: 'city-tax', subject: MY_NUMBER, basic4: { nameKanji: '山田 太郎' }, occurredAt: T(3) }));
    ok(await city.mutate('linkRecords', { linkId: 'tie-1', organizationId: 'city', staffCode: 'C-1', records: ['rec-1', 'rec-2'], key: { by: 'BASIC4' }, purpose: '名寄せ', occurredAt: T(4) }));
    ok(await city.mutate('unlinkRecords', { linkId: 'tie-1', organizationId: 'city', staffCode: 'C-1', reason: '確認完了', occurredAt: T(5) }));
    const jps = api.as(tokens.jps);
    ok(await jps.mutate('provideInformation', { provisionId: 'p-open', requesterId: 'jps', providerId: 'city', subject: MY_NUMBER, items: ['INCOME'], procedure: '保険料免除', legalBasis: '別表第二', requestedAt: T(6), providedAt: T(6, 10), outcome: 'PROVIDED' }));
    ok(await jps.mutate('provideInformation', { provisionId: 'p-hidden', requesterId: 'jps', providerId: 'city', subject: MY_NUMBER, items: ['INCOME'], procedure: '犯罪捜査', legalBasis: '番号法第19条', requestedAt: T(7), providedAt: T(7, 10), outcome: 'PROVIDED', nonDisclosure: true }));
    ok(await city.mutate('accessInformation', { accessId: 'a-1', organizationId: 'city', staffCode: 'C-2', subject: INTERNAL_ID, datasetId: 'city-tax', items: ['TAX_AMOUNT'], purpose: '住民税の賦課', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(8) }));
    await settled(runner);
  });
  afterAll(() => app?.close());

  describe('queries', () => {
    it('answers an auditor who accessed what, when and why, newest first, with names', async () => {
      const { accessHistory } = ok(await api.as(tokens.auditor).request(HISTORY, { subjectId }));
      expect(accessHistory.totalCount).toBe(5);
      expect(accessHistory.edges.map((e: any) => e.node.kind)).toEqual(['ACCESS', 'PROVISION', 'PROVISION', 'UNLINK', 'LINK']);
      expect(accessHistory.edges[0].node).toMatchObject({ kind: 'ACCESS', organization: { id: 'city', name: '横浜市' }, staffCode: 'C-2', items: ['TAX_AMOUNT'], purpose: '住民税の賦課', outcome: 'GRANTED' });
      expect(accessHistory.edges[1].node).toMatchObject({ kind: 'PROVISION', organization: { name: '日本年金機構' }, counterparty: { name: '横浜市' }, nonDisclosure: true, purpose: '犯罪捜査' });
    });

    it('filters by kind, item, organization, purpose and period', async () => {
      const auditor = api.as(tokens.auditor);
      const count = async (filter: object) => ok(await auditor.request(HISTORY, { subjectId, filter })).accessHistory.totalCount;
      expect(await count({ kinds: ['PROVISION'] })).toBe(2);
      expect(await count({ item: 'INCOME' })).toBe(2);
      expect(await count({ organizationId: 'jps' })).toBe(2);
      expect(await count({ purpose: '免除' })).toBe(1);
      expect(await count({ from: T(5), to: T(7) })).toBe(2);
    });

    it('tells who obtained or used an item', async () => {
      const { whoAccessed } = ok(await api.as(tokens.auditor).request(
        `query ($s: ID!) { whoAccessed(subjectId: $s, item: "INCOME") { organization { id } kind purpose occurredAt } }`, { s: subjectId }));
      expect(whoAccessed.map((u: any) => [u.organization.id, u.kind, u.purpose])).toEqual([['jps', 'PROVISION', '犯罪捜査'], ['jps', 'PROVISION', '保険料免除']]);
    });

    it('resolves a subject from an identifier, fingerprinted on the way in', async () => {
      const { subject } = ok(await api.as(tokens.auditor).request(`{ subject(identifier: { kind: MY_NUMBER, value: "1234-5678-9018" }) { id accessHistory(first: 1) { totalCount } } }`));
      expect(subject.id).toBe(subjectId);
      const unknown = ok(await api.as(tokens.auditor).request(`{ subject(identifier: { kind: MY_NUMBER, value: "000000000000" }) { id } }`));
      expect(unknown.subject).toBeNull();
    });

    it('answers organization, dataset, projections and a stream', async () => {
      const data = ok(await api.as(tokens.auditor).request(`{
        organization(id: "jps") { name kind domains }
        dataset(id: "city-tax") { name purpose holder { name } keyedBy basic4Fields }
        projections { name state lagEvents }
        stream(id: "link-tie-1") { edges { node { type revision data } } pageInfo { hasNextPage } }
      }`));
      expect(data.organization).toEqual({ name: '日本年金機構', kind: 'PENSION', domains: ['SOCIAL_SECURITY'] });
      expect(data.dataset).toEqual({ name: '課税台帳', purpose: '住民税の賦課', holder: { name: '横浜市' }, keyedBy: ['MY_NUMBER'], basic4Fields: ['NAME_KANJI'] });
      expect(data.projections.map((p: any) => p.name).sort()).toEqual(PROJECTIONS.map((p) => p.name).sort());
      expect(data.stream.edges.map((e: any) => [e.node.type, e.node.revision])).toEqual([['RecordsLinked', '0'], ['RecordsUnlinked', '1']]);
    });
  });

  describe('the citizen, and who audits the auditors', () => {
    it('shows the citizen their own history without non-disclosed lines, and the auditors\' queries as AUDIT', async () => {
      await settled(runner);
      const { me } = ok(await api.as(tokens.subject).request(`{ me(first: 50) { totalCount edges { node { kind purpose organization { id } staffCode } } } }`));
      const kinds = me.edges.map((e: any) => e.node.kind);
      // Everything but the non-disclosed provision, newest first; the auditors' queries come on top.
      expect(kinds.filter((k: string) => k !== 'AUDIT')).toEqual(['ACCESS', 'PROVISION', 'UNLINK', 'LINK']);
      expect(me.edges.some((e: any) => e.node.purpose === '犯罪捜査')).toBe(false);
      const audits = me.edges.filter((e: any) => e.node.kind === 'AUDIT');
      expect(audits.length).toBeGreaterThanOrEqual(3);
      expect(audits[0].node).toMatchObject({ organization: { id: 'ppc' }, staffCode: 'auditor-sato' });
      expect(audits.map((e: any) => e.node.purpose)).toEqual(expect.arrayContaining(['アクセス履歴の確認', '情報を入手・利用した機関の確認', '番号による本人の特定']));
    });

    it('records a stream page touching more subjects than one record names in several records, and only the page\'s subjects', async () => {
      // Three earlier audit records of 400 subjects each: a page of two touches 800, the event read ahead 400 more.
      const named = [0, 1, 2].map(() => Array.from({ length: 400 }, () => randomUUID()));
      const streamId = `audit-${randomUUID()}`;
      await app.get<EventStore>(EVENT_STORE).appendToStream(streamId, named.map((subjectIds) => ({
        id: randomUUID(), type: 'AuditorQueried', schemaVersion: 1,
        data: { auditorId: 'auditor-suzuki', organizationId: 'ppc', operation: 'findings', subjectIds, occurredAt: new Date().toISOString() },
      })));
      const { stream } = ok(await api.as(tokens.auditor).request(`{ stream(id: "${streamId}", first: 2) { edges { cursor } pageInfo { hasNextPage } } }`));
      expect(stream).toEqual({ edges: [{ cursor: '0' }, { cursor: '1' }], pageInfo: { hasNextPage: true } });
      const recorded = (await new LogInsider(app.get<Database>(DATABASE).pool).storedEvents({ types: ['AuditorQueried'] }))
        .filter((e) => e.data.operation === 'stream').slice(-2).reverse().map((e) => e.data.subjectIds as string[]);
      expect(recorded.map((subjects) => subjects.length).sort()).toEqual([300, 500]);
      expect(new Set(recorded.flat())).toEqual(new Set([...named[0]!, ...named[1]!]));
    });

    it('records an auditor query before it answers', async () => {
      const before = ok(await api.as(tokens.subject).request(`{ me { totalCount } }`)).me.totalCount;
      const asked = Date.now();
      ok(await api.as(tokens.auditor).request(HISTORY, { subjectId, first: 1 }));
      await settled(runner);
      expect(ok(await api.as(tokens.subject).request(`{ me { totalCount } }`)).me.totalCount).toBe(before + 1);
      // Named by a time-ordered id (UUIDv7: its first 48 bits the millisecond), in a stream named after it.
      const rows = (await new LogInsider(app.get<Database>(DATABASE).pool).storedEvents({ types: ['AuditorQueried'] })).filter((e) => (e.data.subjectIds as string[] | undefined)?.includes(subjectId));
      const { event_id: id, stream_id: stream } = rows.at(-1)!;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
      expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(asked);
      expect(stream).toBe(`audit-${id}`);
    });
  });

  describe('authorization', () => {
    const history = (token: string | undefined, id = () => subjectId) => api.as(token).request(HISTORY, { subjectId: id() });
    it.each([
      ['no token', () => undefined, 'UNAUTHENTICATED'],
      ['a forged token', () => tokens.auditor.slice(0, -4) + 'AAAA', 'UNAUTHENTICATED'],
      ['an operator', () => tokens.operator, 'FORBIDDEN'],
      ['another subject', () => tokens.otherSubject, 'FORBIDDEN'],
    ])('refuses a history to %s', async (_, token, code) => {
      const answer = await history(token());
      expect(answer.data).toBeNull();
      expect(answer.errors![0]!.extensions!.code).toBe(code);
    });

    it('shows an organization only the lines it is party to', async () => {
      const { accessHistory } = ok(await history(tokens.points));
      expect(accessHistory.totalCount).toBe(0);
      const jps = ok(await history(tokens.jps)).accessHistory;
      expect(jps.edges.every((e: any) => e.node.organization.id === 'jps' || e.node.counterparty?.id === 'jps')).toBe(true);
      expect(jps.totalCount).toBe(2);
    });

    it.each([
      ['an auditor', 'auditor', 'FORBIDDEN'],
      ['a subject', 'subject', 'FORBIDDEN'],
      ['an organization for another', 'points', 'FORBIDDEN'],
      ['no token', undefined, 'UNAUTHENTICATED'],
    ] as const)('refuses a mutation from %s', async (_, who, code) => {
      const answer = await api.as(who ? tokens[who] : undefined).mutate('accessInformation', {
        accessId: `a-${randomUUID()}`, organizationId: 'city', staffCode: 'X', subject: MY_NUMBER, datasetId: 'city-tax', items: ['TAX_AMOUNT'], channel: 'API', outcome: 'GRANTED', occurredAt: T(9),
      });
      expect(answer.errors![0]!.extensions!.code).toBe(code);
    });

    it.each([
      ['projections to an organization', 'city', '{ projections { name } }'],
      ['a stream to an organization', 'city', '{ stream(id: "link-tie-1") { edges { cursor } } }'],
      ['the record of an organization it never dealt with', 'city', '{ organization(id: "points") { name } }'],
      ['the dataset of an organization it never dealt with', 'points', '{ dataset(id: "city-tax") { name } }'],
      ['subject lookup to an organization', 'city', '{ subject(identifier: { kind: MY_NUMBER, value: "123456789018" }) { id } }'],
      ['me to an auditor', 'auditor', '{ me { totalCount } }'],
    ] as const)('refuses %s', async (_, who, query) => {
      expect((await api.as(tokens[who]).request(query)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });
  });

  describe('errors and limits', () => {
    it('names the field and the reason of bad input, with no stack trace', async () => {
      const answer = await api.as(tokens.city).mutate('enrollSubject', { enrolledBy: 'city', identifiers: [{ kind: 'MY_NUMBER', value: '123456789017' }], occurredAt: T(2) });
      expect(answer.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.identifiers[0].value', reason: expect.stringContaining('check digit') } });
      expect(JSON.stringify(answer)).not.toMatch(/stacktrace|\.ts:\d+|at /);
    });

    it('says NOT_FOUND and CONFLICT where the domain does', async () => {
      const city = api.as(tokens.city);
      expect((await city.mutate('unlinkRecords', { linkId: 'tie-none', organizationId: 'city', staffCode: 'C', reason: 'x', occurredAt: T(9) })).errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.linkId' });
      expect((await city.mutate('unlinkRecords', { linkId: 'tie-1', organizationId: 'city', staffCode: 'C', reason: 'x', occurredAt: T(9) })).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.linkId' });
    });

    it('retries a mutation idempotently', async () => {
      const commandId = randomUUID();
      const input = { accessId: 'a-retry', organizationId: 'city', staffCode: 'C-3', subject: MY_NUMBER, datasetId: 'city-tax', items: ['TAX_AMOUNT'], purpose: '確認', channel: 'API', outcome: 'GRANTED', occurredAt: T(9) };
      const first = ok(await api.as(tokens.city).mutate('accessInformation', input, commandId)).accessInformation!;
      const again = ok(await api.as(tokens.city).mutate('accessInformation', input, commandId)).accessInformation!;
      expect(first.applied).toBe(true);
      expect(again).toEqual({ ...first, applied: false });
    });

    it.each([
      ['a page over 500', { first: 501 }, 'first'],
      ['a page under 1', { first: 0 }, 'first'],
      ['a cursor it never gave', { after: 'not-a-cursor' }, 'after'],
      ['a subject id that is not one', { subjectId: 'abc' }, 'subjectId'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_, variables, field) => {
      const answer = await api.as(tokens.auditor).request(HISTORY, { subjectId, ...variables });
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it.each([
      ['a literal date that is not one', `filter: { from: "yesterday" }`, 'filter.from'],
      ['a literal page size that is not a number', `first: "x"`, 'first'],
      ['an unknown kind in a list', `filter: { kinds: [PROVISION, NOPE] }`, 'filter.kinds[1]'],
      ['an unknown argument', `colour: "red"`, 'colour'],
    ])('refuses %s in the document with BAD_USER_INPUT naming the argument', async (_, argument, field) => {
      const answer = await api.as(tokens.auditor).request(`{ accessHistory(subjectId: "${subjectId}", ${argument}) { totalCount } }`);
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason: answer.errors![0]!.message });
    });

    it('refuses a document that does not parse, or asks for a field that does not exist, naming the query', async () => {
      for (const query of ['{ accessHistory(subjectId: ', `{ accessHistory(subjectId: "${subjectId}") { colour } }`]) {
        expect((await api.as(tokens.auditor).request(query)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
      }
    });

    it('refuses a query nested deeper than 10 levels', async () => {
      const nest = (levels: number): string => (levels === 0 ? 'name' : `ofType { ${nest(levels - 1)} }`);
      // Only introspection nests this deep in this schema; mixed with a data field, the limit applies.
      const shallow = await api.as(tokens.auditor).request(`{ projections { name } __schema { types { fields { type { ${nest(5)} } } } } }`);
      expect(shallow.errors).toBeUndefined();
      const deep = await api.as(tokens.auditor).request(`{ projections { name } __schema { types { fields { type { ${nest(7)} } } } } }`);
      expect(deep.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
      expect(deep.errors![0]!.message).toMatch(/levels deep; the limit is 10/);
    });

    it('answers the full introspection query an IDE sends, and refuses one that multiplies the schema by itself', async () => {
      const { getIntrospectionQuery } = await import('graphql');
      const answer = await api.request(getIntrospectionQuery());
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.__schema.queryType.name).toBe('Query');
      // No token is needed to read the schema, so its limits hold without one too.
      const nested = await api.request(`{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`);
      expect(nested.data ?? null).toBeNull();
      expect(nested.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
      const aliased = await api.request(`{ ${Array.from({ length: 50 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`);
      expect(aliased.errors![0]!.message).toBe('the query asks for the schema 50 times; the limit is 3');
    });

    it('refuses a query too complex, counting page sizes', async () => {
      const complex = `{ ${Array.from({ length: 50 }, (_, i) => `h${i}: accessHistory(subjectId: "${subjectId}", first: 500) { edges { node { id kind items } } }`).join(' ')} }`;
      const answer = await api.as(tokens.auditor).request(complex);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    });
  });

  describe('pagination', () => {
    it('pages through 1,000 lines with no gap or repeat', async () => {
      const city = api.as(tokens.city);
      for (let i = 0; i < 1000; i += 100) {
        const batch = Array.from({ length: 100 }, (_, j) => city.mutate('accessInformation', {
          accessId: `bulk-${i + j}`, organizationId: 'city', staffCode: 'C-9', subject: INTERNAL_ID, datasetId: 'city-tax', items: ['TAX_AMOUNT'],
          purpose: '一括確認', channel: 'BATCH', outcome: 'GRANTED', occurredAt: new Date(Date.UTC(2024, 5, 1) + (i + j) * 60_000).toISOString(),
        }));
        for (const answer of await Promise.all(batch)) ok(answer);
      }
      await settled(runner);
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const page: any = ok(await api.as(tokens.auditor).request(HISTORY, { subjectId, filter: { purpose: '一括確認' }, first: 37, after })).accessHistory;
        total = page.totalCount;
        seen.push(...page.edges.map((e: any) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(total).toBe(1000);
      expect(seen).toHaveLength(1000);
      expect(new Set(seen).size).toBe(1000);
    });
  });
});
