/** A record as deterministic linkage sees it: its dataset and the identifier fingerprints it is keyed by. */
export interface LinkableRecord {
  recordId: string;
  datasetId: string;
  domain: string | null;
  identifiers: readonly string[];
}

/** A tie (紐付け) between two records, with the times that decide whether it is live. */
export interface Tie {
  linkId: string;
  recordA: string;
  recordB: string;
  datasetA: string;
  datasetB: string;
  keyBy: 'IDENTIFIER' | 'BASIC4';
  identifierKind: string | null;
  organizationId: string;
  purpose: string;
  legalBasis: string | null;
  linkedAt: Date;
  expectedCutOffAt: Date | null;
  unlinkedAt: Date | null;
}

/** Live as of a time: made by then and not cut by then. */
export const isLive = (tie: Tie, asOf: Date): boolean => tie.linkedAt <= asOf && (tie.unlinkedAt === null || tie.unlinkedAt > asOf);

/** Kept past its expected cut-off (紐付けの解除漏れ): live after the time it should have been cut. */
export const isOverdue = (tie: Tie, asOf: Date): boolean => isLive(tie, asOf) && tie.expectedCutOffAt !== null && tie.expectedCutOffAt < asOf;

/** Why two records are joined: a live tie, or an identifier fingerprint both are keyed by. */
export type Join = { by: 'TIE'; tie: Tie } | { by: 'IDENTIFIER'; fingerprint: string };

export interface LinkageComponent {
  recordIds: string[];
  datasetIds: string[];
  domains: string[];
  joins: { recordA: string; recordB: string; join: Join }[];
}

/**
 * Deterministic linkability: the groups of records that can be joined without any name-matching — through
 * live ties or a shared identifier fingerprint — largest first. A group spanning several datasets and domains
 * is a profile nobody needs to guess at.
 */
export function linkageComponents(records: readonly LinkableRecord[], ties: readonly Tie[], asOf: Date): LinkageComponent[] {
  const parent = new Map(records.map((r) => [r.recordId, r.recordId]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const joins: LinkageComponent['joins'] = [];
  const join = (a: string, b: string, why: Join) => {
    if (!parent.has(a) || !parent.has(b)) return;
    joins.push({ recordA: a, recordB: b, join: why });
    parent.set(find(a), find(b));
  };
  for (const tie of ties) if (isLive(tie, asOf)) join(tie.recordA, tie.recordB, { by: 'TIE', tie });
  const firstHolder = new Map<string, string>();
  for (const record of records) {
    for (const fingerprint of record.identifiers) {
      const holder = firstHolder.get(fingerprint);
      if (holder === undefined) firstHolder.set(fingerprint, record.recordId);
      else join(holder, record.recordId, { by: 'IDENTIFIER', fingerprint });
    }
  }
  const groups = new Map<string, LinkableRecord[]>();
  for (const record of records) {
    const root = find(record.recordId);
    groups.set(root, [...(groups.get(root) ?? []), record]);
  }
  return [...groups.values()]
    .map((members) => {
      const ids = new Set(members.map((m) => m.recordId));
      return {
        recordIds: members.map((m) => m.recordId).sort(),
        datasetIds: [...new Set(members.map((m) => m.datasetId))].sort(),
        domains: [...new Set(members.flatMap((m) => (m.domain ? [m.domain] : [])))].sort(),
        joins: joins.filter((j) => ids.has(j.recordA)),
      };
    })
    .sort((a, b) => b.datasetIds.length - a.datasetIds.length || b.recordIds.length - a.recordIds.length || (a.recordIds[0]! < b.recordIds[0]! ? -1 : 1));
}

/** An identifier as tie hygiene sees it. */
export interface IssuedIdentifier {
  fingerprint: string;
  kind: string;
  issuedAt: Date;
  validUntil: Date | null;
  retiredAt: Date | null;
}

export interface TieHygiene {
  liveTies: Tie[];
  overdueTies: Tie[];
  /** Ties through the My Number itself between records of different organizations, where agency codes (機関別符号) belong. */
  myNumberTiesAcrossOrganizations: Tie[];
  /** Identifiers still in force after the lifetime they were issued with (e.g. a JPKI serial past 5 years). */
  identifiersPastLifetime: IssuedIdentifier[];
  /** Age of the oldest live tie, in whole days; null without live ties. */
  oldestLiveTieDays: number | null;
}

const DAY_MS = 86_400_000;
export const ageInDays = (since: Date, asOf: Date): number => Math.floor((asOf.getTime() - since.getTime()) / DAY_MS);

/** Tie hygiene as of a time; `holderOf` gives the organization holding a dataset. */
export function tieHygiene(ties: readonly Tie[], identifiers: readonly IssuedIdentifier[], holderOf: (datasetId: string) => string | undefined, asOf: Date): TieHygiene {
  const made = ties.filter((t) => t.linkedAt <= asOf);
  const live = made.filter((t) => isLive(t, asOf));
  return {
    liveTies: live,
    overdueTies: live.filter((t) => isOverdue(t, asOf)),
    myNumberTiesAcrossOrganizations: made.filter((t) => t.keyBy === 'IDENTIFIER' && t.identifierKind === 'MY_NUMBER' && holderOf(t.datasetA) !== holderOf(t.datasetB)),
    identifiersPastLifetime: identifiers.filter((i) => i.issuedAt <= asOf && i.validUntil !== null && i.validUntil < asOf && (i.retiredAt === null || i.retiredAt > asOf)),
    oldestLiveTieDays: live.length === 0 ? null : Math.max(...live.map((t) => ageInDays(t.linkedAt, asOf))),
  };
}
