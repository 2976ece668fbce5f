import type { ComplianceReport, ReportFinding } from '../domain/compliance-report.js';
import { renderReportHtml } from './report.html.js';
import { barChart, textWidth } from './svg-charts.js';

const city = { id: 'city', name: '横浜市' };
const jps = { id: 'jps', name: '日本年金機構' };
const finding = (over: Partial<ReportFinding>): ReportFinding => ({
  rule: 'PROVISION_NOT_PERMITTED', severity: 'HIGH', organization: jps, subjectIds: ['s-1'], staffCode: null, occurredAt: '2024-05-01T01:00:00.000Z',
  detectedAt: '2024-05-01T01:00:00.000Z', lastOccurredAt: '2024-05-01T01:00:00.000Z', title: '別表第二に基づかない特定個人情報の提供', titleEn: 'Provision outside every permitted row',
  description: '別表第二の行に該当しない提供です。', descriptionEn: 'a provision outside every permitted-provision row', statute: '番号法第19条・第20条、別表第二', party: 'REQUESTER',
  evidence: Array.from({ length: 55 }, (_, i) => String(100 + i)), items: ['LOCAL_TAX_INCOME'], ...over,
});
const draft = {
  organization: city, categories: ['WRONGFUL_PURPOSE' as const], summary: 's', items: ['INCOME'], peopleAffected: 51, signals: [{ source: 'STAFF_MASS_ACCESS', count: 1 }],
  firstOccurredAt: '2024-05-02T01:00:00.000Z', lastOccurredAt: '2024-05-02T01:52:00.000Z', evidence: Array.from({ length: 51 }, (_, i) => String(500 + i)),
  ...Object.fromEntries(['cause', 'secondaryHarm', 'responseToPeople', 'publication', 'prevention'].map((k) => [k, { text: null, toFill: true, asks: k }])),
} as ComplianceReport['breachReports']['drafts'][number];
const report: ComplianceReport = {
  period: { from: '2024-03-31T15:00:00.000Z', to: '2024-06-30T15:00:00.000Z' },
  organization: null,
  generatedAt: '2024-07-01T00:30:00.000Z',
  activity: {
    totals: { provisions: 3, provisionsRefused: 1, provisionsNoData: 0, nonDisclosed: 0, ties: 0, cuts: 0, accesses: 0, accessesDenied: 0 },
    months: [{ month: '2024-04', provisions: 3, ties: 0, cuts: 0, accesses: 0 }],
    rows: [{ organization: jps, counterparty: city, kind: 'PROVISION', procedure: '保険料免除', month: '2024-04', count: 3, refused: 1, nonDisclosed: 0 }],
  },
  findings: {
    available: true, note: null, asOf: '2024-06-30T15:00:00.000Z',
    groups: [{ rule: 'PROVISION_NOT_PERMITTED', title: '別表第二に基づかない特定個人情報の提供', severity: 'HIGH', organization: jps, count: 1 }],
    findings: [finding({}), finding({ organization: city, party: 'PROVIDER' })],
  },
  tieHygiene: { asOf: '2024-06-30T15:00:00.000Z', tiesMadeInPeriod: 0, tiesCutInPeriod: 0, liveTies: 0, overdueTies: 0, liveTiesThroughMyNumber: 0, lifetimes: [], overdue: [] },
  exposure: {
    available: true, note: null, distribution: [], riskyDatasets: [],
    matchablePairs: [{ datasetA: { id: 'a', name: 'A台帳', holder: city }, datasetB: { id: 'b', name: 'B台帳', holder: jps }, matchability: 1, shareOfA: 0.223, shareOfB: 1, reason: '67 records match (22.3% of A, 100.0% of B)' }],
  },
  privacyImpactAssessments: { source: 's', rules: [], measures: [], datasets: [] },
  breachReports: {
    complete: true, note: null, categories: [], signals: [], drafts: [draft],
    pastYear: [
      { organization: city, categories: ['WRONGFUL_PURPOSE'], peopleAffected: 51, firstOccurredAt: draft.firstOccurredAt, lastOccurredAt: draft.lastOccurredAt, draftedInPeriod: true },
      { organization: city, categories: ['UNLAWFUL_USE_OR_PROVISION'], peopleAffected: 1, firstOccurredAt: '2023-09-01T00:00:00.000Z', lastOccurredAt: '2023-09-01T00:00:00.000Z', draftedInPeriod: false },
    ],
  },
};

describe('the report as HTML', () => {
  const html = renderReportHtml(report);
  const text = html.replace(/<[^>]+>/g, ' ');

  it('states every time in JST with the zone, and no UTC instant', () => {
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/);
    expect(html).not.toContain('時刻は UTC');
    expect(text).toContain('評価時点 (as of) 2024-07-01 00:00 JST');
    expect(text).toMatch(/作成日時 Generated\s+2024-07-01 09:30 JST/);
    expect(text).toContain('2024-04-01 – 2024-06-30');
  });

  it("spans a breach draft from its first event to its last, in JST", () => {
    expect(text).toContain('2024-05-02 10:00 JST – 2024-05-02 10:52 JST');
  });

  it('names no CSV file that an HTML run does not write, and says how to get the whole evidence', () => {
    expect(html).not.toMatch(/breach-reports\.csv|findings\.csv/);
    expect(text).toContain('51 in all');
  });

  it('credits a provision to the requester as requested and to the provider as provided', () => {
    const row = (name: string) => html.match(new RegExp(`<tr><td>${name}[^]*?</tr>`))![0].match(/<td class="num">([^<]*)<\/td>/g)!.map((c) => c.replace(/<[^>]+>/g, ''));
    expect(row('日本年金機構').slice(0, 2)).toEqual(['3', '0']);
    expect(row('横浜市').slice(0, 2)).toEqual(['0', '2']);
    expect(text).toContain('照会 requested (as requester)');
  });

  it('shows each finding by its Japanese title first, with the English, the reason and the statute, and the party', () => {
    expect(html.indexOf('別表第二に基づかない特定個人情報の提供')).toBeLessThan(html.indexOf('Provision outside every permitted row'));
    expect(text).toContain('番号法第19条・第20条、別表第二');
    expect(text).toContain('提供者 provider');
    expect(text).toContain('照会者 requester');
  });

  it('shows both shares of a matchable pair, as its reason says them', () => {
    expect(text).toContain('22.3%');
    expect(text).toContain('100.0%');
    expect(text).toContain('A の照合可能率 share of A');
  });

  it('lists every incident the PIA counts, drafted in the period or not', () => {
    expect(text).toContain('7.2');
    expect(text).toContain('期間外 before the period');
    expect(text).toContain('2023-09-01 09:00 JST');
  });
});

describe('bar chart legends', () => {
  it('lay entries as wide as their labels, so that none runs into the next; a long legend wraps', () => {
    const names = ['期間中に解除 cut in period', '存続中 live at end', '情報提供 provisions', '閲覧 accesses', '紐付け ties', '解除 cuts'];
    for (const count of [2, 6]) {
      const svg = barChart('t', ['a', 'b'], names.slice(0, count).map((name) => ({ name, color: '#000', values: [1, 2] })));
      const texts = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="10">([^<]+)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), name: m[3]! }));
      expect(texts).toHaveLength(count);
      for (let i = 1; i < texts.length; i++) {
        const [a, b] = [texts[i - 1]!, texts[i]!];
        if (a.y === b.y) expect(a.x + textWidth(a.name, 10)).toBeLessThan(b.x);
      }
      for (const t of texts) expect(t.x + textWidth(t.name, 10)).toBeLessThanOrEqual(680);
    }
  });
});
