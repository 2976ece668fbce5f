import type { BreachCategory, BreachReportDraft } from './breach-report.js';
import type { PiaLevel } from './privacy-impact-assessment.js';

/**
 * The compliance report (PPC-style periodic report) as data: what the GraphQL API answers, what `--format json`
 * writes, and what the HTML and CSV renderers turn into pages and tables. Times are ISO 8601 in UTC.
 */
export interface ComplianceReport {
  period: { from: string; to: string };
  /** The organization the report is limited to, or null for every organization. */
  organization: ReportParty | null;
  generatedAt: string;
  activity: ActivitySection;
  findings: FindingsSection;
  tieHygiene: TieHygieneSection;
  exposure: ExposureSection;
  privacyImpactAssessments: PiaSection;
  breachReports: BreachSection;
}

/** An organization as the report names it; the name is null when it was never registered. */
export interface ReportParty {
  id: string;
  name: string | null;
}

export interface ReportDataset {
  id: string;
  name: string | null;
  holder: ReportParty | null;
}

/** Whether a section's source has landed; a section that is not available says why instead of showing figures. */
export interface SectionAvailability {
  available: boolean;
  note: string | null;
}

export type ActivityKind = 'PROVISION' | 'LINK' | 'UNLINK' | 'ACCESS';

export interface ActivitySection {
  totals: {
    provisions: number;
    provisionsRefused: number;
    provisionsNoData: number;
    /** Provisions of the period still under a non-disclosure flag (不開示) when the report was made. */
    nonDisclosed: number;
    ties: number;
    cuts: number;
    accesses: number;
    accessesDenied: number;
  };
  /** Per month (Japan time, YYYY-MM). */
  months: { month: string; provisions: number; ties: number; cuts: number; accesses: number }[];
  /** Per organization (the actor: requester, tie maker, user), counterparty, kind, procedure and month. */
  rows: ActivityRow[];
}

export interface ActivityRow {
  organization: ReportParty;
  /** The provider of a provision; null for the other kinds. */
  counterparty: ReportParty | null;
  kind: ActivityKind;
  /** 事務 of a provision, purpose of a tie or access, reason of a cut. */
  procedure: string | null;
  month: string;
  count: number;
  /** Provisions refused and accesses denied. */
  refused: number;
  nonDisclosed: number;
}

export interface ReportFinding {
  rule: string;
  severity: string;
  organization: ReportParty;
  /** The subjects it concerns (a staff episode concerns many). */
  subjectIds: string[];
  staffCode: string | null;
  /** When the first causing event happened. */
  occurredAt: string;
  /** When the rule was broken: what the period is judged by. */
  detectedAt: string;
  /** When the last causing event happened (a staff episode spans many accesses). */
  lastOccurredAt: string;
  /** The rule's title in Japanese (e.g. 別表第二に基づかない特定個人情報の提供) and English. */
  title: string;
  titleEn: string;
  /** Why it matters, in Japanese; `descriptionEn` in English. */
  description: string;
  descriptionEn: string;
  /** The statute the rule rests on, e.g. 番号法第19条・第20条. */
  statute: string;
  /** For a provision, the party it is booked to: PROVIDER (art. 19) or REQUESTER (art. 20); null otherwise. */
  party: string | null;
  /** Global positions of the events that caused it. */
  evidence: string[];
  /** The items of personal information those events named (a breach draft's 項目). */
  items: string[];
}

export interface FindingsSection extends SectionAvailability {
  /** Findings are evaluated as of this instant (the end of the period): time-based rules count to here. */
  asOf: string;
  groups: { rule: string; title: string; severity: string; organization: ReportParty; count: number }[];
  findings: ReportFinding[];
}

export interface TieBucket {
  label: string;
  fromDays: number;
  /** Exclusive; null for the last, open bucket. */
  toDays: number | null;
  /** Ties cut in the period, by how long they lived. */
  cutInPeriod: number;
  /** Ties live at the end of the period, by their age then. */
  live: number;
}

export interface OverdueTie {
  tieId: string;
  organization: ReportParty;
  datasets: string[];
  linkedAt: string;
  expectedCutOffAt: string;
  daysOverdue: number;
  /** The key it was made through: an identifier kind, or BASIC4 (名寄せ on basic-4 information). */
  key: string;
}

export interface TieHygieneSection {
  asOf: string;
  tiesMadeInPeriod: number;
  tiesCutInPeriod: number;
  liveTies: number;
  overdueTies: number;
  liveTiesThroughMyNumber: number;
  lifetimes: TieBucket[];
  overdue: OverdueTie[];
}

export interface ExposureSection extends SectionAvailability {
  distribution: { label: string; subjects: number }[];
  riskyDatasets: { dataset: ReportDataset; records: number; k: number; sampleUniqueness: number; reason: string }[];
  /** `matchability` is the larger of the two shares: of the dataset the pair exposes most. */
  matchablePairs: { datasetA: ReportDataset; datasetB: ReportDataset; matchability: number; shareOfA: number; shareOfB: number; reason: string }[];
}

export interface DatasetPia {
  dataset: ReportDataset;
  specificPersonalInformationFile: boolean;
  peopleCovered: number;
  staffWithAccess: number;
  seriousIncidentsPastYear: number;
  level: PiaLevel;
  assessments: string[];
  reason: string;
}

export interface PiaSection {
  source: string;
  rules: readonly string[];
  /** How the report counts each input of the rule from the events. */
  measures: readonly string[];
  datasets: DatasetPia[];
}

export interface BreachSection {
  /** False when findings are not available yet: only the categories events alone show are drafted. */
  complete: boolean;
  note: string | null;
  categories: { code: BreachCategory; basis: string; name: string; english: string }[];
  signals: readonly string[];
  drafts: BreachReportDraft[];
  /**
   * The incidents of the year to the end of the period, as the PIA's 重大事故 counts them (one per organization and
   * kind of incident), and whether the period has a draft for it above.
   */
  pastYear: PastYearIncident[];
}

export interface PastYearIncident {
  organization: ReportParty;
  categories: BreachCategory[];
  peopleAffected: number;
  firstOccurredAt: string;
  lastOccurredAt: string;
  draftedInPeriod: boolean;
}
