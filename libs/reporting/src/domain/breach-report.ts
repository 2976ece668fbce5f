import type { ReportParty } from './compliance-report.js';

/**
 * 漏えい等報告 — the categories of the PPC's rule on reports of incidents involving specific personal information
 * (特定個人情報の漏えい等に関する報告等に関する規則, 平成27年特定個人情報保護委員会規則第5号, 第2条) that events
 * can show. Categories events cannot show (第3号: exposure to an unspecified number of people over the network)
 * are left to the organization.
 */
export const BREACH_CATEGORIES = {
  NUMBER_SYSTEM_LEAK: {
    basis: '規則第2条第1号',
    name: '個人番号利用事務等の情報システムで管理される特定個人情報の漏えい等',
    english: 'a leak of My Numbers held by an agency for its number-use work',
  },
  WRONGFUL_PURPOSE: {
    basis: '規則第2条第2号',
    name: '不正の目的をもって行われたおそれがある漏えい等',
    english: 'possibly done for a wrongful purpose, e.g. a staff member reading far more people than their work needs',
  },
  UNLAWFUL_USE_OR_PROVISION: {
    basis: '規則第2条第4号',
    name: '番号法第9条・第19条に反して利用・提供されたおそれ',
    english: 'used without a registered purpose (art. 9) or provided outside the permitted table (art. 19)',
  },
  OVER_100_PEOPLE: {
    basis: '規則第2条第5号',
    name: '本人の数が100人を超える漏えい等',
    english: 'more than 100 people involved',
  },
} as const;
export type BreachCategory = keyof typeof BREACH_CATEGORIES;

/** More people than this in one incident makes it reportable on its own (第5号). */
export const BREACH_PEOPLE_THRESHOLD = 100;

/** What raised a signal: a compliance finding's rule, or a My Number retired as leaked. */
export const IDENTIFIER_LEAKED = 'MY_NUMBER_LEAKED';

/** The signals each incident draws on, and the category they point to (a leak's depends on who held it). */
const SIGNAL_GROUPS: Record<string, 'LEAK' | 'WRONGFUL' | 'UNLAWFUL'> = {
  [IDENTIFIER_LEAKED]: 'LEAK',
  STAFF_MASS_ACCESS: 'WRONGFUL',
  PROVISION_NOT_PERMITTED: 'UNLAWFUL',
  ACCESS_WITHOUT_PURPOSE: 'UNLAWFUL',
  ACCESS_PURPOSE_NOT_REGISTERED: 'UNLAWFUL',
};
export const BREACH_SIGNALS: readonly string[] = Object.keys(SIGNAL_GROUPS);

/** Organizations that run number-use work (個人番号利用事務実施者) in their own systems: agencies, not companies. */
const NUMBER_USE_KINDS = new Set(['MUNICIPALITY', 'MINISTRY', 'PENSION', 'TAX', 'HEALTH_INSURER']);

/** One event (or finding) that may belong to a reportable incident. */
export interface IncidentSignal {
  source: string;
  organization: ReportParty;
  organizationKind: string | null;
  /** The people it concerns (a staff episode concerns many). */
  subjectIds: string[];
  /** When its first and last events happened: a staff episode spans all its accesses. */
  occurredAt: string;
  lastOccurredAt: string;
  items: string[];
  /** Global positions of the events that show it. */
  evidence: string[];
}

/** A field of the report that events can fill, or that the organization must. */
export interface DraftField {
  text: string | null;
  /** True when the organization must write or complete it: events cannot know it. */
  toFill: boolean;
  /** What the field asks for, in the report form's words. */
  asks: string;
}

export interface BreachReportDraft {
  organization: ReportParty;
  categories: BreachCategory[];
  summary: string;
  items: string[];
  peopleAffected: number;
  signals: { source: string; count: number }[];
  firstOccurredAt: string;
  lastOccurredAt: string;
  evidence: string[];
  cause: DraftField;
  secondaryHarm: DraftField;
  responseToPeople: DraftField;
  publication: DraftField;
  prevention: DraftField;
}

/** The Japan (JST, UTC+9) calendar day of an instant: the day the organization's staff would name. */
const jstDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);

const toFill = (asks: string): DraftField => ({ text: null, toFill: true, asks });

/**
 * Groups signals into one draft per organization and kind of incident, and keeps those that meet a category:
 * a leak of My Numbers at an agency (第1号), possible wrongful purpose (第2号), unlawful use or provision (第4号),
 * and any of them — a leak at a company too — involving more than 100 people (第5号).
 */
export function draftBreachReports(signals: readonly IncidentSignal[]): BreachReportDraft[] {
  const groups = new Map<string, IncidentSignal[]>();
  for (const signal of signals) {
    const group = SIGNAL_GROUPS[signal.source];
    if (!group) continue;
    const key = `${signal.organization.id}\u0000${group}`;
    groups.set(key, [...(groups.get(key) ?? []), signal]);
  }
  const drafts: BreachReportDraft[] = [];
  for (const [key, members] of groups) {
    const group = key.split('\u0000')[1] as 'LEAK' | 'WRONGFUL' | 'UNLAWFUL';
    const first = members[0]!;
    const people = new Set(members.flatMap((s) => s.subjectIds)).size;
    const categories: BreachCategory[] = [];
    if (group === 'LEAK' && first.organizationKind !== null && NUMBER_USE_KINDS.has(first.organizationKind)) categories.push('NUMBER_SYSTEM_LEAK');
    if (group === 'WRONGFUL') categories.push('WRONGFUL_PURPOSE');
    if (group === 'UNLAWFUL') categories.push('UNLAWFUL_USE_OR_PROVISION');
    if (people > BREACH_PEOPLE_THRESHOLD) categories.push('OVER_100_PEOPLE');
    if (categories.length === 0) continue;
    // The incident spans every event of every signal, not only when each began.
    const times = members.flatMap((s) => [s.occurredAt, s.lastOccurredAt]).sort();
    const counts = new Map<string, number>();
    for (const s of members) counts.set(s.source, (counts.get(s.source) ?? 0) + 1);
    const signalCounts = [...counts].map(([source, count]) => ({ source, count })).sort((a, b) => a.source.localeCompare(b.source));
    const observed = signalCounts.map((s) => `${s.source} ×${s.count}`).join(', ');
    drafts.push({
      organization: first.organization,
      categories,
      summary:
        `${categories.map((c) => BREACH_CATEGORIES[c].name).join('・')}: ${first.organization.name ?? first.organization.id} — ` +
        `本人 ${people} 人, ${members.length} 件 (${jstDay(times[0]!)} – ${jstDay(times.at(-1)!)} JST); 検知 (detected by): ${observed}`,
      items: [...new Set(members.flatMap((s) => s.items))].sort(),
      peopleAffected: people,
      signals: signalCounts,
      firstOccurredAt: times[0]!,
      lastOccurredAt: times.at(-1)!,
      evidence: [...new Set(members.flatMap((s) => s.evidence))].sort((a, b) => Number(BigInt(a) - BigInt(b))),
      cause: { text: `記録から分かること (what the events show): ${observed}. 原因は組織が記入 (the organization states the cause).`, toFill: true, asks: '原因' },
      secondaryHarm: toFill('二次被害又はそのおそれの有無及びその内容'),
      responseToPeople: toFill('本人への対応の実施状況'),
      publication: toFill('公表の実施状況'),
      prevention: toFill('再発防止のための措置'),
    });
  }
  return drafts.sort((a, b) => b.peopleAffected - a.peopleAffected || a.organization.id.localeCompare(b.organization.id));
}
