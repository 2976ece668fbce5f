import { ProjectionRunner } from '#projections';
import { allFindings } from '../support/findings.js';
import { IngestionFixture, T, internalId, myNumber, registerWorld } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

/** MY_NUMBER_OUTSIDE_PERMITTED_USE: a private business naming or keeping a My Number outside 個人番号関係事務. */
describe(`My Number used outside its permitted use on ${backendName}`, () => {
  let f: IngestionFixture;
  let subject: string;
  const member = { kind: 'MEMBER_NUMBER', value: 'M-0001', scope: 'points-co' };
  const send = (type: Parameters<IngestionFixture['send']>[0], payload: Record<string, unknown>) => f.send(type, payload);
  const found = async () => {
    await settled(f.context.get(ProjectionRunner));
    return allFindings(f, { asOf: T(30), rule: 'MY_NUMBER_OUTSIDE_PERMITTED_USE' });
  };
  const access = (accessId: string, organizationId: string, datasetId: string, person: object) =>
    send('AccessInformation', { accessId, organizationId, staffCode: `${organizationId}-1`, subject: person, datasetId, items: ['MEMBER_PROFILE'], purpose: null, channel: 'COUNTER', outcome: 'GRANTED', occurredAt: T(5) });

  beforeAll(async () => {
    f = await IngestionFixture.start();
    await registerWorld(f);
    await send('RegisterOrganization', { organizationId: 'employer', name: '株式会社みなと精工', kind: 'EMPLOYER', domains: ['TAX', 'SOCIAL_SECURITY'], occurredAt: T(1) });
    await send('RegisterDataset', {
      datasetId: 'employer-withholding', holderId: 'employer', name: '源泉徴収簿', purpose: '源泉徴収票の作成', domain: 'TAX', legalBasis: '所得税法',
      keyedBy: ['MY_NUMBER'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1),
    });
    await send('RegisterDataset', {
      datasetId: 'points-declared', holderId: 'points-co', name: '旧会員台帳', purpose: '会員管理', domain: 'PRIVATE', keyedBy: ['MY_NUMBER'], basic4Fields: [], occurredAt: T(1),
    });
    const enrolled = await send('EnrollSubject', { enrolledBy: 'city-yokohama', identifiers: [myNumber, internalId], occurredAt: T(2) });
    subject = enrolled.events[0]!.streamId.slice('subject-'.length);
    await send('IssueIdentifier', { subject: myNumber, identifier: member, issuedBy: 'points-co', occurredAt: T(3) });
  });
  afterAll(() => f?.close());

  it("a point-card business looking a member up by the My Number is a finding; by the member number, or an employer's or a city's tax use, is not", async () => {
    await access('by-my-number', 'points-co', 'points-members', myNumber);
    await access('by-member-number', 'points-co', 'points-members', member);
    await access('employer-withholding', 'employer', 'employer-withholding', myNumber);
    await access('city-tax', 'city-yokohama', 'yokohama-resident-tax', myNumber);
    const findings = (await found()).filter((x) => x.detail.use === 'ACCESS');
    expect(findings.map((x) => [x.detail.accessId, x.organizationId, x.subjectId, x.severity])).toEqual([['by-my-number', 'points-co', subject, 'HIGH']]);
  });

  it('a private record keeping a My Number is a finding; one in a dataset that declared it is left to PRIVATE_DATASET_KEYED_BY_MY_NUMBER', async () => {
    await send('RegisterRecord', { recordId: 'rec-points-mn', datasetId: 'points-members', subject: myNumber, basic4: {}, occurredAt: T(6) });
    await send('RegisterRecord', { recordId: 'rec-points-member', datasetId: 'points-members', subject: member, basic4: {}, occurredAt: T(6) });
    await send('RegisterRecord', { recordId: 'rec-declared', datasetId: 'points-declared', subject: myNumber, basic4: {}, occurredAt: T(6) });
    await send('RegisterRecord', { recordId: 'rec-withholding', datasetId: 'employer-withholding', subject: myNumber, basic4: {}, occurredAt: T(6) });
    const records = (await found()).filter((x) => x.detail.use === 'RECORD');
    expect(records.map((x) => [x.detail.recordId, x.organizationId, x.subjectId])).toEqual([['rec-points-mn', 'points-co', subject]]);
    const declared = await allFindings(f, { asOf: T(30), rule: 'PRIVATE_DATASET_KEYED_BY_MY_NUMBER' });
    expect(declared.map((x) => x.detail.datasetId)).toEqual(['points-declared']);
  });

  it('a provision naming the person by the My Number is a finding for the private business among its parties only', async () => {
    await send('ProvideInformation', {
      provisionId: 'p-to-shop', requesterId: 'points-co', providerId: 'city-yokohama', subject: myNumber, items: ['INCOME'], procedure: '会員の与信審査',
      legalBasis: 'なし', requestedAt: T(7), providedAt: T(7, 10), outcome: 'PROVIDED',
    });
    await send('ProvideInformation', {
      provisionId: 'p-by-member', requesterId: 'points-co', providerId: 'city-yokohama', subject: internalId, items: ['INCOME'], procedure: '会員の与信審査',
      legalBasis: 'なし', requestedAt: T(7), providedAt: T(7, 11), outcome: 'PROVIDED',
    });
    const provisions = (await found()).filter((x) => x.detail.use === 'PROVISION');
    expect(provisions.map((x) => [x.detail.provisionId, x.organizationId, x.detail.party])).toEqual([['p-to-shop', 'points-co', 'REQUESTER']]);
    // Outside every permitted row as well: both parties carry that finding.
    const unlawful = await allFindings(f, { asOf: T(30), rule: 'PROVISION_NOT_PERMITTED' });
    expect(unlawful.filter((x) => x.detail.provisionId === 'p-to-shop').map((x) => x.organizationId).sort()).toEqual(['city-yokohama', 'points-co']);
  });
});
