import { FindingQueries, type FindingRule } from '#findings';
import { ProjectionRunner } from '#projections';
import { allFindings } from '../support/findings.js';
import { IngestionFixture, T, internalId, myNumber, registerWorld } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const at = (iso: string, deltaMs: number) => new Date(Date.parse(iso) + deltaMs).toISOString();
const MINUTE = 60_000;

/** Each rule at its edges, in hand-built scenarios sent through the CommandBus. */
describe(`finding rules at their edges on ${backendName}`, () => {
  let f: IngestionFixture;
  let subject: string;
  const people: { kind: string; value: string; scope: string }[] = [];

  const send = (type: Parameters<IngestionFixture['send']>[0], payload: Record<string, unknown>) => f.send(type, payload);
  const found = async (rule: FindingRule, asOf = T(30)) => {
    await settled(f.context.get(ProjectionRunner));
    return allFindings(f, { asOf, rule });
  };
  const access = (accessId: string, staffCode: string, person: object, occurredAt: string, more: Record<string, unknown> = {}) =>
    send('AccessInformation', { accessId, organizationId: 'city-yokohama', staffCode, subject: person, datasetId: 'yokohama-resident-tax', items: ['TAX_AMOUNT'], purpose: '個人住民税の賦課徴収', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt, ...more });

  beforeAll(async () => {
    f = await IngestionFixture.start();
    await registerWorld(f);
    const enrolled = await send('EnrollSubject', { enrolledBy: 'city-yokohama', identifiers: [myNumber, internalId], occurredAt: T(2) });
    subject = enrolled.events[0]!.streamId.slice('subject-'.length);
    for (let i = 0; i < 52; i++) {
      const person = { kind: 'INTERNAL_ID', value: `P-${i}`, scope: 'city-yokohama' };
      people.push(person);
    }
    const outcome = await f.sendBatch(people.map((person) => ({ type: 'EnrollSubject', payload: { enrolledBy: 'city-yokohama', identifiers: [person], occurredAt: T(2) } })));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  });
  afterAll(() => f?.close());

  it('a provision under a permitted row with an item outside it is not permitted; within the row it is', async () => {
    const provide = (provisionId: string, items: string[], procedure = '国民年金保険料の免除に関する事務') =>
      send('ProvideInformation', { provisionId, requesterId: 'jps', providerId: 'city-yokohama', subject: myNumber, items, procedure, legalBasis: '番号法別表第二', requestedAt: T(5), providedAt: T(5, 10), outcome: 'PROVIDED' });
    await provide('p-within', ['INCOME']);
    await provide('p-extra-item', ['INCOME', 'HOUSEHOLD_COMPOSITION']);
    await provide('p-other-procedure', ['INCOME'], '児童手当の支給に関する事務');
    const findings = await found('PROVISION_NOT_PERMITTED');
    // Each is booked to the requester (it collected, art. 20) and to the provider (it provided, art. 19), for the same event.
    expect(findings.map((x) => `${x.detail.provisionId} ${x.organizationId} ${x.detail.party}`).sort()).toEqual([
      'p-extra-item city-yokohama PROVIDER', 'p-extra-item jps REQUESTER', 'p-other-procedure city-yokohama PROVIDER', 'p-other-procedure jps REQUESTER',
    ]);
    expect(findings.every((x) => x.subjectId === subject && x.severity === 'HIGH')).toBe(true);
    expect(new Set(findings.map((x) => x.id)).size).toBe(4);
    for (const id of ['p-extra-item', 'p-other-procedure']) {
      const [one, other] = findings.filter((x) => x.detail.provisionId === id);
      expect(one!.events).toEqual(other!.events);
    }
    const provider = await allFindings(f, { asOf: T(30), rule: 'PROVISION_NOT_PERMITTED', organizationId: 'city-yokohama' });
    expect(provider.map((x) => x.detail.provisionId).sort()).toEqual(['p-extra-item', 'p-other-procedure']);
  });

  it("an access's purpose: none, another than the dataset's, or the registered one", async () => {
    await access('acc-none', 'Y-1', internalId, T(6), { purpose: null });
    await access('acc-other', 'Y-1', internalId, T(6, 10), { purpose: '個人住民税の賦課徴収（照会）' });
    await access('acc-same', 'Y-1', internalId, T(6, 11));
    expect((await found('ACCESS_WITHOUT_PURPOSE')).map((x) => x.detail.accessId)).toEqual(['acc-none']);
    expect((await found('ACCESS_PURPOSE_NOT_REGISTERED')).map((x) => x.detail.accessId)).toEqual(['acc-other']);
  });

  it('a tie is past its cut-off only after the cut-off, and stays a finding when cut late, not when cut on time', async () => {
    await send('RegisterRecord', { recordId: 'r-1', datasetId: 'yokohama-resident-tax', subject: internalId, basic4: { nameKanji: '山田太郎' }, occurredAt: T(3) });
    await send('RegisterRecord', { recordId: 'r-2', datasetId: 'jps-pension', subject: myNumber, basic4: { nameKanji: '山田太郎' }, occurredAt: T(3) });
    await send('RegisterRecord', { recordId: 'r-3', datasetId: 'yokohama-resident-tax', subject: myNumber, basic4: { nameKanji: '山田太郎' }, occurredAt: T(3) });
    const tie = (linkId: string, records: string[], cutOff: string | null, key: object = { by: 'IDENTIFIER', identifierKind: 'AGENCY_CODE' }) =>
      send('LinkRecords', { linkId, organizationId: 'city-yokohama', staffCode: 'Y-9', records, key, purpose: '情報照会', expectedCutOffAt: cutOff, occurredAt: T(4) });
    await tie('kept', ['r-1', 'r-2'], T(10));
    await tie('cut-on-time', ['r-1', 'r-2'], T(10));
    await tie('cut-late', ['r-1', 'r-2'], T(10));
    await tie('lasting', ['r-1', 'r-2'], null);
    await send('UnlinkRecords', { linkId: 'cut-on-time', organizationId: 'city-yokohama', staffCode: 'Y-9', reason: '照会完了', occurredAt: T(10) });
    await send('UnlinkRecords', { linkId: 'cut-late', organizationId: 'city-yokohama', staffCode: 'Y-9', reason: '照会完了', occurredAt: T(12) });
    const past = async (asOf: string) => (await found('TIE_PAST_CUT_OFF', asOf)).map((x) => x.detail.linkId).sort();
    expect(await past(T(10))).toEqual([]);
    expect(await past(at(T(10), 1))).toEqual(['cut-late', 'kept']);
    expect(await past(T(30))).toEqual(['cut-late', 'kept']);
    const late = (await found('TIE_PAST_CUT_OFF', T(11))).find((x) => x.detail.linkId === 'cut-late')!;
    expect(late.detail.cutAt).toBeNull();
    expect((await found('TIE_PAST_CUT_OFF', T(13))).find((x) => x.detail.linkId === 'cut-late')!.detail.cutAt).not.toBeNull();
  });

  it('a tie through the My Number between two holders is a finding; within one holder, or through an agency code, it is not', async () => {
    const tie = (linkId: string, records: string[], identifierKind: string) =>
      send('LinkRecords', { linkId, organizationId: 'city-yokohama', staffCode: 'Y-9', records, key: { by: 'IDENTIFIER', identifierKind }, purpose: '名寄せ', occurredAt: T(5) });
    await tie('mn-across', ['r-1', 'r-2'], 'MY_NUMBER');
    await tie('mn-within', ['r-1', 'r-3'], 'MY_NUMBER');
    await tie('agency-across', ['r-3', 'r-2'], 'AGENCY_CODE');
    expect((await found('TIE_THROUGH_MY_NUMBER')).map((x) => x.detail.linkId)).toEqual(['mn-across']);
  });

  it('a private dataset keyed by the My Number is a finding; a tax one, or a private one keyed otherwise, is not', async () => {
    const dataset = (datasetId: string, domain: string, keyedBy: string[]) =>
      send('RegisterDataset', { datasetId, holderId: 'points-co', name: datasetId, purpose: '会員管理', domain, keyedBy, basic4Fields: [], occurredAt: T(3) });
    await dataset('pts-mn', 'PRIVATE', ['MEMBER_NUMBER', 'MY_NUMBER']);
    await dataset('pts-member', 'PRIVATE', ['MEMBER_NUMBER']);
    await dataset('pts-withholding', 'TAX', ['MY_NUMBER']);
    const findings = await found('PRIVATE_DATASET_KEYED_BY_MY_NUMBER');
    expect(findings.map((x) => [x.detail.datasetId, x.organizationId, x.severity, x.subjectId])).toEqual([['pts-mn', 'points-co', 'CRITICAL', null]]);
  });

  it('a JPKI succession needs a consent of the subject in force: none, an unknown one, or a withdrawn one will not do', async () => {
    const serial = (n: number) => ({ kind: 'JPKI_AUTH_SERIAL', value: `AUTH${n}` });
    for (let n = 0; n < 8; n++) await send('IssueIdentifier', { subject: myNumber, identifier: serial(n), issuedBy: 'city-yokohama', occurredAt: T(3) });
    await send('GrantConsent', { consentId: 'c-ok', subject: myNumber, organizationId: 'points-co', scope: 'JPKI_AUTH_SERIAL', purpose: '継承', occurredAt: T(4) });
    await send('GrantConsent', { consentId: 'c-gone', subject: myNumber, organizationId: 'points-co', scope: 'JPKI_AUTH_SERIAL', purpose: '継承', occurredAt: T(4) });
    await send('WithdrawConsent', { consentId: 'c-gone', subject: myNumber, occurredAt: T(5) });
    const succeed = (n: number, consentReference: string | null) =>
      send('LinkIdentifierSuccessor', { linkedBy: 'points-co', identifier: serial(n), successor: serial(n + 1), consentReference, occurredAt: T(6) });
    await succeed(0, 'c-ok');
    await succeed(2, null);
    await succeed(4, 'c-never');
    await succeed(6, 'c-gone');
    expect((await found('SUCCESSION_WITHOUT_CONSENT')).map((x) => x.detail.consentReference).sort((a, b) => String(a).localeCompare(String(b)))).toEqual(['c-gone', 'c-never', null]);
  });

  it('an identifier used at or after its retirement is a finding; just before, it is not', async () => {
    const card = { kind: 'JPKI_SIGN_SERIAL', value: 'SIGN-1' };
    await send('IssueIdentifier', { subject: myNumber, identifier: card, issuedBy: 'city-yokohama', occurredAt: T(3) });
    await send('RetireIdentifier', { retiredBy: 'city-yokohama', identifier: card, reason: 'LEAKED', occurredAt: T(15) });
    await access('ret-before', 'Y-2', card, at(T(15), -1));
    await access('ret-at', 'Y-2', card, T(15));
    await access('ret-after', 'Y-2', card, at(T(15), 1));
    const findings = await found('RETIRED_IDENTIFIER_USED');
    expect(findings.map((x) => x.detail.accessId).sort()).toEqual(['ret-after', 'ret-at']);
    expect(findings[0]!.detail).toMatchObject({ retirementReason: 'LEAKED' });
  });

  it('one staff code reaching exactly N subjects within an hour is not a finding; N + 1 is, once, from when the threshold was crossed', async () => {
    const start = T(20);
    // Y-50 reaches 50 people within the hour: not more than 50.
    for (let i = 0; i < 50; i++) await access(`mass-50-${i}`, 'Y-50', people[i]!, at(start, i * MINUTE));
    // Y-51 reaches 51 people, the last exactly an hour after the first (the window is closed), then one more a minute later.
    for (let i = 0; i < 51; i++) await access(`mass-51-${i}`, 'Y-51', people[i]!, at(start, (i * 60 * MINUTE) / 50));
    await access('mass-51-more', 'Y-51', people[51]!, at(start, 61 * MINUTE));
    const findings = await found('STAFF_MASS_ACCESS');
    expect(findings.map((x) => x.staffCode)).toEqual(['Y-51']);
    expect(findings[0]!.events).toHaveLength(52);
    expect(findings[0]!.subjectIds).toHaveLength(52);
    expect(findings[0]!.detectedAt.toISOString()).toBe(at(start, 60 * MINUTE));
    expect(await allFindings(f, { asOf: at(start, 60 * MINUTE - 1), rule: 'STAFF_MASS_ACCESS' })).toEqual([]);
  });

  it('four denials within 24 hours are not a finding; five are, and a sixth a day later joins no episode', async () => {
    const deny = (id: string, staffCode: string, t: string) => access(id, staffCode, internalId, t, { outcome: 'DENIED' });
    for (let i = 0; i < 4; i++) await deny(`d4-${i}`, 'Y-D4', at(T(22), i * 60 * MINUTE));
    for (let i = 0; i < 5; i++) await deny(`d5-${i}`, 'Y-D5', at(T(22), i * 60 * MINUTE));
    await deny('d5-later', 'Y-D5', at(T(23), 23 * 60 * MINUTE));
    const findings = await found('REPEATED_DENIED_ACCESS');
    expect(findings.map((x) => [x.staffCode, x.events.length, x.subjectId])).toEqual([['Y-D5', 5, subject]]);
    expect(findings[0]!.severity).toBe('MEDIUM');
  });

  it('refuses a bad query naming the field', async () => {
    const queries = new FindingQueries(f.database.pool);
    await expect(queries.list({ asOf: 'yesterday', first: 10 })).rejects.toThrow('asOf: must be an ISO 8601 date-time');
    await expect(queries.list({ asOf: T(30), rule: 'NOT_A_RULE' as FindingRule, first: 10 })).rejects.toThrow('rule: must be one of');
    await expect(queries.countsBy({ asOf: T(30) }, 'rule')).resolves.toEqual(expect.arrayContaining([{ key: 'STAFF_MASS_ACCESS', count: 1 }]));
  });
});
