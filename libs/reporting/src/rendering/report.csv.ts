import type { ComplianceReport, ReportDataset, ReportParty } from '../domain/compliance-report.js';

type Cell = string | number | boolean | null;

/** A CSV file: UTF-8 with a BOM (so Excel reads the Japanese), CRLF line ends, RFC 4180 quoting. */
export interface CsvFile {
  name: string;
  content: string;
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @ …) is prefixed with an apostrophe: procedure
 * and purpose texts come from the organizations that send events.
 */
function cell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(name: string, header: string[], rows: Cell[][]): CsvFile {
  return { name, content: '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n' };
}

const partyCells = (p: ReportParty | null): Cell[] => [p?.id ?? null, p?.name ?? null];
const datasetCells = (d: ReportDataset): Cell[] => [d.id, d.name, d.holder?.id ?? null];

/** The report as one CSV file per table, named for the table. */
export function renderReportCsv(report: ComplianceReport): CsvFile[] {
  const { activity, findings, tieHygiene: ties, exposure, privacyImpactAssessments: pia, breachReports: breach } = report;
  const unavailable = (section: string, s: { available: boolean; note: string | null }): Cell[][] => (s.available ? [] : [[`${section}.note`, s.note]]);
  return [
    csv('summary.csv', ['figure', 'value'], [
      ['period.from', report.period.from],
      ['period.to', report.period.to],
      ['organization.id', report.organization?.id ?? null],
      ['organization.name', report.organization?.name ?? null],
      ['generatedAt', report.generatedAt],
      ...Object.entries(activity.totals).map(([k, v]): Cell[] => [`activity.${k}`, v]),
      ['findings.available', findings.available],
      ...unavailable('findings', findings),
      ['findings.count', findings.findings.length],
      ['ties.madeInPeriod', ties.tiesMadeInPeriod],
      ['ties.cutInPeriod', ties.tiesCutInPeriod],
      ['ties.live', ties.liveTies],
      ['ties.overdue', ties.overdueTies],
      ['ties.liveThroughMyNumber', ties.liveTiesThroughMyNumber],
      ['exposure.available', exposure.available],
      ...unavailable('exposure', exposure),
      ['breachReports.drafts', breach.drafts.length],
      ['breachReports.complete', breach.complete],
      ...(breach.note ? [['breachReports.note', breach.note] as Cell[]] : []),
    ]),
    csv('activity.csv', ['month', 'organization_id', 'organization', 'counterparty_id', 'counterparty', 'kind', 'procedure', 'count', 'refused', 'non_disclosed'],
      activity.rows.map((r) => [r.month, ...partyCells(r.organization), ...partyCells(r.counterparty), r.kind, r.procedure, r.count, r.refused, r.nonDisclosed])),
    csv('activity-by-month.csv', ['month', 'provisions', 'ties', 'cuts', 'accesses'], activity.months.map((m) => [m.month, m.provisions, m.ties, m.cuts, m.accesses])),
    csv('findings-by-rule.csv', ['rule', 'severity', 'organization_id', 'organization', 'count'], findings.groups.map((g) => [g.rule, g.severity, ...partyCells(g.organization), g.count])),
    csv('findings.csv',
      ['rule', 'title', 'title_en', 'severity', 'organization_id', 'organization', 'party', 'staff_code', 'subject_ids', 'occurred_at', 'last_occurred_at', 'detected_at', 'description', 'description_en', 'statute', 'evidence_positions'],
      findings.findings.map((f) => [
        f.rule, f.title, f.titleEn, f.severity, ...partyCells(f.organization), f.party, f.staffCode, f.subjectIds.join(' '), f.occurredAt, f.lastOccurredAt, f.detectedAt,
        f.description, f.descriptionEn, f.statute, f.evidence.join(' '),
      ])),
    csv('tie-lifetimes.csv', ['bucket', 'from_days', 'to_days', 'cut_in_period', 'live_at_end'], ties.lifetimes.map((b) => [b.label, b.fromDays, b.toDays, b.cutInPeriod, b.live])),
    csv('overdue-ties.csv', ['tie_id', 'organization_id', 'organization', 'datasets', 'key', 'linked_at', 'expected_cut_off_at', 'days_overdue'],
      ties.overdue.map((t) => [t.tieId, ...partyCells(t.organization), t.datasets.join(' '), t.key, t.linkedAt, t.expectedCutOffAt, t.daysOverdue])),
    csv('exposure-distribution.csv', ['exposure', 'subjects'], exposure.distribution.map((d) => [d.label, d.subjects])),
    csv('exposure-risky-datasets.csv', ['dataset_id', 'dataset', 'holder_id', 'records', 'k', 'sample_uniqueness', 'reason'],
      exposure.riskyDatasets.map((d) => [...datasetCells(d.dataset), d.records, d.k, d.sampleUniqueness, d.reason])),
    csv('exposure-matchable-pairs.csv', ['dataset_a', 'dataset_a_name', 'holder_a', 'dataset_b', 'dataset_b_name', 'holder_b', 'matchability', 'share_of_a', 'share_of_b', 'reason'],
      exposure.matchablePairs.map((p) => [...datasetCells(p.datasetA), ...datasetCells(p.datasetB), p.matchability, p.shareOfA, p.shareOfB, p.reason])),
    csv('privacy-impact-assessments.csv', ['dataset_id', 'dataset', 'holder_id', 'specific_personal_information_file', 'people_covered', 'staff_with_access', 'serious_incidents_past_year', 'level', 'assessments', 'reason'],
      pia.datasets.map((d) => [...datasetCells(d.dataset), d.specificPersonalInformationFile, d.peopleCovered, d.staffWithAccess, d.seriousIncidentsPastYear, d.level, d.assessments.join(' + '), d.reason])),
    csv('past-year-incidents.csv', ['organization_id', 'organization', 'categories', 'people_affected', 'first_occurred_at', 'last_occurred_at', 'drafted_in_period'],
      breach.pastYear.map((i) => [...partyCells(i.organization), i.categories.join(' '), i.peopleAffected, i.firstOccurredAt, i.lastOccurredAt, i.draftedInPeriod])),
    csv('breach-reports.csv',
      ['organization_id', 'organization', 'categories', 'summary', 'items', 'people_affected', 'first_occurred_at', 'last_occurred_at', 'evidence_positions', 'cause', 'secondary_harm', 'response_to_people', 'publication', 'prevention'],
      breach.drafts.map((d) => [
        ...partyCells(d.organization), d.categories.join(' '), d.summary, d.items.join(' '), d.peopleAffected, d.firstOccurredAt, d.lastOccurredAt, d.evidence.join(' '),
        ...[d.cause, d.secondaryHarm, d.responseToPeople, d.publication, d.prevention].map((f) => (f.toFill ? `【要記入 to be filled by the organization】${f.asks}${f.text ? ` — ${f.text}` : ''}` : f.text)),
      ])),
  ];
}
