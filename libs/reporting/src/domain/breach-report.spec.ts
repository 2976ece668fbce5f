import { draftBreachReports, IDENTIFIER_LEAKED, type IncidentSignal } from './breach-report.js';

const city = { id: 'city', name: '横浜市' };
const shop = { id: 'shop', name: 'ポイント株式会社' };
const signal = (source: string, n: number, over: Partial<IncidentSignal> = {}): IncidentSignal => {
  const at = `2024-05-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00.000Z`;
  return { source, organization: city, organizationKind: 'MUNICIPALITY', subjectIds: [`s-${n}`], occurredAt: at, lastOccurredAt: at, items: ['INCOME'], evidence: [String(1000 + n)], ...over };
};
const many = (count: number, source: string, over: Partial<IncidentSignal> = {}) => Array.from({ length: count }, (_, n) => signal(source, n, over));

describe('漏えい等報告: which incidents meet a reporting category', () => {
  it('a leak of My Numbers at an agency is reportable at one person (第1号); at a company only above 100 people (第5号)', () => {
    expect(draftBreachReports([signal(IDENTIFIER_LEAKED, 1)]).map((d) => d.categories)).toEqual([['NUMBER_SYSTEM_LEAK']]);
    expect(draftBreachReports(many(100, IDENTIFIER_LEAKED, { organization: shop, organizationKind: 'PRIVATE_BUSINESS' }))).toEqual([]);
    const [over] = draftBreachReports(many(101, IDENTIFIER_LEAKED, { organization: shop, organizationKind: 'PRIVATE_BUSINESS' }));
    expect(over).toMatchObject({ categories: ['OVER_100_PEOPLE'], peopleAffected: 101, organization: shop });
  });

  it('counts people, not events: 101 events about 100 people are not over 100', () => {
    const signals = [...many(100, 'PROVISION_NOT_PERMITTED'), signal('PROVISION_NOT_PERMITTED', 0)];
    expect(draftBreachReports(signals)[0]).toMatchObject({ categories: ['UNLAWFUL_USE_OR_PROVISION'], peopleAffected: 100 });
    expect(draftBreachReports(many(101, 'ACCESS_PURPOSE_NOT_REGISTERED'))[0]!.categories).toEqual(['UNLAWFUL_USE_OR_PROVISION', 'OVER_100_PEOPLE']);
  });

  it('a staff member reading many people is a possible wrongful purpose (第2号), counted over every subject of the episode', () => {
    const episode = signal('STAFF_MASS_ACCESS', 1, { subjectIds: Array.from({ length: 120 }, (_, i) => `p-${i}`) });
    expect(draftBreachReports([episode])[0]).toMatchObject({ categories: ['WRONGFUL_PURPOSE', 'OVER_100_PEOPLE'], peopleAffected: 120 });
  });

  it("spans the incident over every event of its findings: an episode's period runs from its first access to its last", () => {
    const episode = signal('STAFF_MASS_ACCESS', 1, { occurredAt: '2024-05-02T01:00:00.000Z', lastOccurredAt: '2024-05-02T01:52:00.000Z', subjectIds: ['a', 'b'] });
    const [draft] = draftBreachReports([{ ...episode, occurredAt: '2024-05-02T14:30:00.000Z', lastOccurredAt: '2024-05-02T15:20:00.000Z' }]);
    expect(draft).toMatchObject({ firstOccurredAt: '2024-05-02T14:30:00.000Z', lastOccurredAt: '2024-05-02T15:20:00.000Z' });
    // The summary names JST days: the episode ran from 23:30 on 2 May to 00:20 on 3 May in Japan.
    expect(draft!.summary).toContain('(2024-05-02 – 2024-05-03 JST)');
  });

  it('ignores findings that are not incidents, and keeps organizations and kinds apart', () => {
    expect(draftBreachReports([signal('TIE_PAST_CUT_OFF', 1), signal('REPEATED_DENIED_ACCESS', 2)])).toEqual([]);
    const drafts = draftBreachReports([signal('PROVISION_NOT_PERMITTED', 1), signal('STAFF_MASS_ACCESS', 2), signal('PROVISION_NOT_PERMITTED', 3, { organization: shop })]);
    expect(drafts.map((d) => `${d.organization.id}:${d.categories.join('+')}`).sort()).toEqual(['city:UNLAWFUL_USE_OR_PROVISION', 'city:WRONGFUL_PURPOSE', 'shop:UNLAWFUL_USE_OR_PROVISION']);
  });

  it('fills what the events show and marks the rest for the organization', () => {
    const [draft] = draftBreachReports([signal('PROVISION_NOT_PERMITTED', 1, { items: ['INCOME', 'HOUSEHOLD'] }), signal('ACCESS_WITHOUT_PURPOSE', 2)]);
    expect(draft).toMatchObject({
      items: ['HOUSEHOLD', 'INCOME'], peopleAffected: 2, evidence: ['1001', '1002'], firstOccurredAt: '2024-05-02T00:00:00.000Z', lastOccurredAt: '2024-05-03T00:00:00.000Z',
      signals: [{ source: 'ACCESS_WITHOUT_PURPOSE', count: 1 }, { source: 'PROVISION_NOT_PERMITTED', count: 1 }],
    });
    for (const field of [draft!.cause, draft!.secondaryHarm, draft!.responseToPeople, draft!.publication, draft!.prevention]) expect(field.toFill).toBe(true);
    expect(draft!.cause.text).toContain('PROVISION_NOT_PERMITTED ×1');
    expect(draft!.secondaryHarm.text).toBeNull();
  });
});
