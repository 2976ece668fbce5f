import type { ComplianceReport } from '../domain/compliance-report.js';
import { renderReportCsv } from './report.csv.js';

const city = { id: 'city', name: '横浜市' };
const report: ComplianceReport = {
  period: { from: '2024-03-31T15:00:00.000Z', to: '2024-06-30T15:00:00.000Z' },
  organization: null,
  generatedAt: '2024-07-01T00:00:00.000Z',
  activity: {
    totals: { provisions: 1, provisionsRefused: 0, provisionsNoData: 0, nonDisclosed: 0, ties: 0, cuts: 0, accesses: 2, accessesDenied: 1 },
    months: [{ month: '2024-04', provisions: 1, ties: 0, cuts: 0, accesses: 2 }],
    rows: [
      { organization: city, counterparty: null, kind: 'ACCESS', procedure: '課税, "確認"\n再調査', month: '2024-04', count: 2, refused: 1, nonDisclosed: 0 },
      { organization: city, counterparty: { id: 'jps', name: null }, kind: 'PROVISION', procedure: '=HYPERLINK("x")', month: '2024-04', count: 1, refused: 0, nonDisclosed: 0 },
    ],
  },
  findings: { available: false, note: 'not yet', asOf: '2024-06-30T15:00:00.000Z', groups: [], findings: [] },
  tieHygiene: { asOf: '2024-06-30T15:00:00.000Z', tiesMadeInPeriod: 0, tiesCutInPeriod: 0, liveTies: 0, overdueTies: 0, liveTiesThroughMyNumber: 0, lifetimes: [], overdue: [] },
  exposure: { available: false, note: 'not yet', distribution: [], riskyDatasets: [], matchablePairs: [] },
  privacyImpactAssessments: { source: 's', rules: [], measures: [], datasets: [] },
  breachReports: { complete: true, note: null, categories: [], signals: [], drafts: [], pastYear: [] },
};

describe('the report as CSV', () => {
  const files = renderReportCsv(report);
  const file = (name: string) => files.find((f) => f.name === name)!.content;

  it('writes one file per table, each with a BOM, CRLF line ends and a header', () => {
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['summary.csv', 'activity.csv', 'findings.csv', 'tie-lifetimes.csv', 'privacy-impact-assessments.csv', 'breach-reports.csv']));
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
    for (const { content } of files) {
      expect(content.startsWith('\uFEFF')).toBe(true);
      expect(content.endsWith('\r\n')).toBe(true);
      expect(content.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n(?!")/); // a bare LF only inside a quoted cell
    }
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says, and defuses formulas', () => {
    const lines = file('activity.csv').slice(1).split('\r\n');
    expect(lines[0]).toBe('month,organization_id,organization,counterparty_id,counterparty,kind,procedure,count,refused,non_disclosed');
    expect(lines[1]).toBe('2024-04,city,横浜市,,,ACCESS,"課税, ""確認""\n再調査",2,1,0');
    expect(lines[2]).toBe(`2024-04,city,横浜市,jps,,PROVISION,"'=HYPERLINK(""x"")",1,0,0`);
  });

  it('says in the summary which sections are not available', () => {
    expect(file('summary.csv')).toContain('findings.available,false\r\nfindings.note,not yet\r\n');
  });
});
