import type { ActivityKind, ActivitySection, ComplianceReport, ExposureSection, FindingsSection, ReportFinding, ReportParty } from '../domain/compliance-report.js';
import { BREACH_CATEGORIES, BREACH_SIGNALS, IDENTIFIER_LEAKED, draftBreachReports, type BreachCategory, type IncidentSignal } from '../domain/breach-report.js';
import { PIA_RULES, PIA_SOURCE, piaLevel } from '../domain/privacy-impact-assessment.js';
import { ReportInputError, reportPeriod, yearBefore } from '../domain/report-period.js';
import type { ExposureSource, FindingsSource } from '../domain/report-sources.js';
import { tieLifetimeBuckets } from '../domain/tie-lifetimes.js';
import type { ActivityFigure, RegisteredParty, ReportingQueries } from '../reporting.queries.js';

export interface ReportRequest {
  from: string;
  to: string;
  organizationId?: string | null;
}

/** The read models of other contexts the report draws on; absent until their libs are wired in. */
export interface ReportSources {
  findings?: FindingsSource;
  exposure?: ExposureSource;
}

const NOT_YET = (what: string) => `${what} is not available yet: its read model has not landed, so this section shows no figures.`;

const PIA_MEASURES = [
  '対象人数 (people covered): distinct subjects with a record registered in the dataset before the end of the period.',
  '取扱者数 (staff): distinct staff codes granted access to the dataset in the year before the end of the period.',
  '重大事故 (serious incidents): 漏えい等報告 drafts (below) of the dataset\'s holder in that year.',
];

/**
 * Assembles a compliance report: validates the request, gathers the figures (SQL in ReportingQueries, findings and
 * exposure through their ports), and classifies PIA levels and breach reports with the pure domain rules.
 */
export class ComplianceReports {
  constructor(
    private readonly figures: ReportingQueries,
    private readonly sources: ReportSources = {},
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async report(request: ReportRequest): Promise<ComplianceReport> {
    const { from, to } = reportPeriod(request.from, request.to);
    const parties = await this.figures.parties();
    const organizationId = request.organizationId ?? null;
    if (organizationId !== null && !parties.has(organizationId)) throw new ReportInputError('organizationId', `no organization is registered as ${JSON.stringify(organizationId)}`);
    const party = (id: string): ReportParty => ({ id, name: parties.get(id)?.name ?? null });
    const scope = { from, to, organizationId };
    const pastYear = { from: yearBefore(to), to, organizationId };

    const [activity, ties, datasets, findings, yearFindings, leaks, yearLeaks, exposure] = await Promise.all([
      this.figures.activity(scope),
      this.figures.ties(scope),
      this.figures.datasets({ ...scope, staffSince: pastYear.from }),
      this.findings(scope, to, party),
      this.findings(pastYear, to, party),
      this.figures.leaks(scope),
      this.figures.leaks(pastYear),
      this.exposure(organizationId),
    ]);

    const signals = async (found: ReportFinding[] | null, leaked: typeof leaks) => {
      const fromFindings = (found ?? []).filter((f) => BREACH_SIGNALS.includes(f.rule));
      return [
        ...fromFindings.map((f): IncidentSignal => ({
          source: f.rule, organization: f.organization, organizationKind: parties.get(f.organization.id)?.kind ?? null, subjectIds: f.subjectIds,
          occurredAt: f.occurredAt, lastOccurredAt: f.lastOccurredAt, items: f.items, evidence: f.evidence,
        })),
        ...leaked.map((l): IncidentSignal => ({
          source: IDENTIFIER_LEAKED, organization: party(l.retiredBy), organizationKind: parties.get(l.retiredBy)?.kind ?? null, subjectIds: [l.subjectId],
          occurredAt: l.occurredAt, lastOccurredAt: l.occurredAt, items: ['MY_NUMBER'], evidence: [l.position],
        })),
      ];
    };
    const drafts = draftBreachReports(await signals(findings, leaks));
    const yearDrafts = draftBreachReports(await signals(yearFindings, yearLeaks));
    const incidentsByHolder = new Map<string, number>();
    for (const d of yearDrafts) incidentsByHolder.set(d.organization.id, (incidentsByHolder.get(d.organization.id) ?? 0) + 1);

    return {
      period: { from: from.toISOString(), to: to.toISOString() },
      organization: organizationId === null ? null : party(organizationId),
      generatedAt: this.clock().toISOString(),
      activity: activitySection(activity, party),
      findings: findingsSection(findings, to, party),
      tieHygiene: {
        asOf: to.toISOString(),
        tiesMadeInPeriod: ties.made,
        tiesCutInPeriod: ties.cut,
        liveTies: ties.live,
        overdueTies: ties.overdue,
        liveTiesThroughMyNumber: ties.liveThroughMyNumber,
        lifetimes: tieLifetimeBuckets().map((bucket, i) => {
          const counted = ties.buckets.find((b) => b.bucket === i);
          return { ...bucket, cutInPeriod: counted?.cutInPeriod ?? 0, live: counted?.live ?? 0 };
        }),
        overdue: ties.overdueTies.map(({ organizationId: id, ...tie }) => ({ ...tie, organization: party(id) })),
      },
      exposure,
      privacyImpactAssessments: {
        source: PIA_SOURCE,
        rules: PIA_RULES,
        measures: PIA_MEASURES,
        datasets: datasets.map((d) => {
          const facts = { specificPersonalInformationFile: d.keyedByMyNumber, peopleCovered: d.peopleCovered, staffWithAccess: d.staffWithAccess, seriousIncidentsPastYear: incidentsByHolder.get(d.holderId) ?? 0 };
          return { dataset: { id: d.id, name: d.name, holder: party(d.holderId) }, ...facts, ...piaLevel(facts) };
        }),
      },
      breachReports: {
        complete: findings !== null,
        note: findings === null ? 'Compliance findings are not available yet: only leaks of My Numbers (from identifier retirements) are drafted; unlawful use or provision and wrongful purpose need the findings.' : null,
        categories: (Object.keys(BREACH_CATEGORIES) as BreachCategory[]).map((code) => ({ code, ...BREACH_CATEGORIES[code] })),
        signals: BREACH_SIGNALS,
        drafts,
        pastYear: yearDrafts.map((d) => ({
          organization: d.organization, categories: d.categories, peopleAffected: d.peopleAffected, firstOccurredAt: d.firstOccurredAt, lastOccurredAt: d.lastOccurredAt,
          draftedInPeriod: drafts.some((p) => p.organization.id === d.organization.id && p.categories[0] === d.categories[0]),
        })),
      },
    };
  }

  /** Findings of [from, to) as of `asOf`, or null when the findings read model is not wired in. */
  private async findings(scope: { from: Date; to: Date; organizationId: string | null }, asOf: Date, party: (id: string) => ReportParty): Promise<ReportFinding[] | null> {
    if (!this.sources.findings) return null;
    const found = await this.sources.findings.findings({ ...scope, asOf });
    return found.map(({ organizationId, ...finding }) => ({ ...finding, organization: party(organizationId) }));
  }

  private async exposure(organizationId: string | null): Promise<ExposureSection> {
    if (!this.sources.exposure) return { available: false, note: NOT_YET('Name-matching exposure (libs/exposure)'), distribution: [], riskyDatasets: [], matchablePairs: [] };
    return { available: true, note: null, ...(await this.sources.exposure.figures({ organizationId })) };
  }
}

function activitySection(figures: ActivityFigure[], party: (id: string) => ReportParty): ActivitySection {
  const sum = (kind: ActivityKind, field: 'count' | 'refused' | 'noData' | 'nonDisclosed') => figures.filter((f) => f.kind === kind).reduce((n, f) => n + f[field], 0);
  const months = [...new Set(figures.map((f) => f.month))].sort().map((month) => {
    const of = (kind: ActivityKind) => figures.filter((f) => f.month === month && f.kind === kind).reduce((n, f) => n + f.count, 0);
    return { month, provisions: of('PROVISION'), ties: of('LINK'), cuts: of('UNLINK'), accesses: of('ACCESS') };
  });
  return {
    totals: {
      provisions: sum('PROVISION', 'count'),
      provisionsRefused: sum('PROVISION', 'refused'),
      provisionsNoData: sum('PROVISION', 'noData'),
      nonDisclosed: sum('PROVISION', 'nonDisclosed'),
      ties: sum('LINK', 'count'),
      cuts: sum('UNLINK', 'count'),
      accesses: sum('ACCESS', 'count'),
      accessesDenied: sum('ACCESS', 'refused'),
    },
    months,
    rows: figures.map((f) => ({
      organization: party(f.organizationId), counterparty: f.counterpartyId === null ? null : party(f.counterpartyId), kind: f.kind, procedure: f.procedure,
      month: f.month, count: f.count, refused: f.refused, nonDisclosed: f.nonDisclosed,
    })),
  };
}

function findingsSection(findings: ReportFinding[] | null, asOf: Date, party: (id: string) => ReportParty): FindingsSection {
  if (findings === null) return { available: false, note: NOT_YET('Compliance findings (libs/findings)'), asOf: asOf.toISOString(), groups: [], findings: [] };
  const groups = new Map<string, FindingsSection['groups'][number]>();
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.severity}\u0000${f.organization.id}`;
    const group = groups.get(key) ?? { rule: f.rule, title: f.title, severity: f.severity, organization: party(f.organization.id), count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return { available: true, note: null, asOf: asOf.toISOString(), groups: [...groups.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)), findings };
}
