import type pg from 'pg';
import { Statements, TickBatch, inTransaction } from '#database';
import { isUuid } from '#event-store';
import type { Basic4Field, Basic4Fingerprints } from '#vocabulary';
import { datasetRisk, type ClassSizeCount, type DatasetRisk } from './domain/dataset-risk.js';
import {
  classSizeExplanation, componentExplanation, identifierLifetimeExplanation, liveTieExplanation, matchabilityExplanation,
  matchProbabilityExplanation, myNumberTieExplanation, sharedIdentifierExplanation, type Explanation,
} from './domain/explanations.js';
import { matchScore, type Comparison, type FieldFrequencies } from './domain/fellegi-sunter.js';
import { isOverdue, linkageComponents, tieHygiene, type IssuedIdentifier, type LinkageComponent, type Tie, type TieHygiene } from './domain/linkage.js';
import { EXPOSURE_LEVELS, fieldsOf, fieldValue, keyFieldSets, keyOf, levelNumber, type ExposureLevel } from './domain/quasi-identifier.js';
import { COMPARISON_FIELDS, COMPARISON_LEVEL } from './exposure.projection.js';

export interface DatasetInfo {
  id: string;
  name: string;
  holderId: string;
  holderName: string | null;
  domain: string;
  fields: number;
  records: number;
}

interface MatchFacts {
  classes: { fields: number; level: number; key: string; dataset_id: string; size: number }[];
  candidates: { dataset_id: string; name_kanji: string | null; name_kana: string | null; birth_date: string | null; sex: string | null; address: string | null }[];
  terms: { field: Basic4Field; value: string; records: number }[];
  totals: { field: Basic4Field; records: number; sum_squares: number }[];
}

/** One subject's keys (every field set and level of each record) and compared values, for `matchFacts`. */
type Wanted = { fields: number; level: number; key: string };
interface MatchRequest {
  wanted: Wanted[];
  values: Record<Basic4Field, string | null>[];
}
type Candidate = MatchFacts['candidates'][number];
/** A candidate's column for each compared field. */
const CANDIDATE_COLUMN: Readonly<Record<Basic4Field, keyof Candidate>> = { NAME_KANJI: 'name_kanji', NAME_KANA: 'name_kana', BIRTH_DATE: 'birth_date', SEX: 'sex', ADDRESS: 'address' };
/** Splink's blocking rules: a candidate shares one of these values with one of the subject's records (`readMatchFacts`' $4–$6, in order). */
const BLOCKING_FIELDS = ['NAME_KANJI', 'NAME_KANA', 'BIRTH_DATE'] as const satisfies readonly Basic4Field[];
const blockingValues = (values: MatchRequest['values'], field: Basic4Field) => [...new Set(values.map((v) => v[field]).filter((v): v is string => v !== null))];
const wantedKey = (w: Wanted) => `${w.fields}|${w.level}|${w.key}`;

/**
 * Of facts read for several subjects, what one subject needs: the candidates in its own blocks (the best match
 * would otherwise compare it with every subject's). Classes and terms are looked up by its own keys and values,
 * so the batch's serve it as they are.
 */
function factsFor({ values }: MatchRequest, facts: MatchFacts): MatchFacts {
  const blocks = BLOCKING_FIELDS.map((field) => [CANDIDATE_COLUMN[field], new Set(blockingValues(values, field))] as const);
  return { ...facts, candidates: facts.candidates.filter((c) => blocks.some(([column, own]) => own.has(c[column] as string))) };
}

interface SubjectFacts {
  records: { record_id: string; dataset_id: string; subject_id: string; identifiers: string[]; registered_at: string }[];
  ties: {
    link_id: string; record_a: string; record_b: string; dataset_a: string; dataset_b: string; key_by: string; identifier_kind: string | null; organization_id: string;
    purpose: string; legal_basis: string | null; linked_at: string; expected_cut_off_at: string | null; unlinked_at: string | null;
  }[];
  identifiers: { fingerprint: string; kind: string; issued_at: string; valid_until: string | null; retired_at: string | null }[];
  basic4: { record_id: string; dataset_id: string; basic4: Basic4Fingerprints }[];
}

export interface SubjectLinkage {
  subjectId: string;
  asOf: Date;
  records: { recordId: string; datasetId: string; registeredAt: Date; identifierKinds: string[] }[];
  ties: (Tie & { live: boolean; overdue: boolean; ageDays: number | null })[];
  components: LinkageComponent[];
  hygiene: TieHygiene;
  explanations: Explanation[];
}

export interface RecordExposure {
  recordId: string;
  datasetId: string;
  classSizes: { level: ExposureLevel; classSize: number }[];
  uniquelyMatchableIn: { datasetId: string; lowestLevel: ExposureLevel; fields: readonly Basic4Field[] }[];
}

export interface BestMatch {
  fromDatasetId: string;
  toDatasetId: string;
  probability: number;
  matchWeight: number;
  agreeingFields: Basic4Field[];
}

export interface SubjectExposure {
  subjectId: string;
  /** Which records count, and the linkage and tie hygiene, are as of this time. */
  asOf: Date;
  /** The class sizes, matches and best match are measured now: the read model keeps today's classes only. */
  measuredAt: Date;
  records: RecordExposure[];
  /** Distinct other datasets into which some record of the subject is uniquely matchable, at any level. */
  uniquelyMatchableDatasets: number;
  lowestUniqueLevel: ExposureLevel | null;
  bestMatch: BestMatch | null;
  linkage: SubjectLinkage;
  explanations: Explanation[];
}

export interface Matchability {
  datasetA: string;
  datasetB: string;
  level: ExposureLevel;
  fields: readonly Basic4Field[];
  /** Keys unique in A that match exactly one record of B (and so, symmetrically, unique in both). */
  matchableRecords: number;
  shareOfA: number;
  shareOfB: number;
}

export interface Bucket {
  bucket: string;
  count: number;
}

export interface ExposureDistribution {
  level: ExposureLevel;
  /** Records by the size of their class in their own dataset. */
  recordsByClassSize: Bucket[];
  /** Subjects by the smallest class any of their records falls in. */
  subjectsBySmallestClass: Bucket[];
  /** Datasets by k-anonymity. */
  datasetsByK: Bucket[];
}

/** Class-size buckets for charts; the threshold of the prosecutor model (0.2) falls between 4 and 5. */
const BUCKETS: readonly [string, number, number][] = [['1', 1, 1], ['2', 2, 2], ['3-4', 3, 4], ['5-9', 5, 9], ['10-19', 10, 19], ['20+', 20, Number.MAX_SAFE_INTEGER]];
const bucketCase = (column: string) => `CASE ${BUCKETS.map(([name, low, high]) => `WHEN ${column} BETWEEN ${low} AND ${high} THEN '${name}'`).join(' ')} END`;
const DATASETS_TTL_MS = 1000;

export class UnknownDatasetError extends Error {
  constructor(readonly field: string, readonly datasetId: string) {
    super(`no dataset "${datasetId}"`);
  }
}

/** Organizations' names by id, from the registry (another bounded context); an id missing stands for itself. */
export type OrganizationNames = (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** Reads the linkage and exposure read models, and derives each per-subject figure from their counts. */
export class ExposureQueries {
  constructor(
    private readonly pool: pg.Pool,
    private readonly statements = new Statements(false),
    private readonly organizationNames: OrganizationNames = async () => new Map(),
  ) {}

  private cachedDatasets: { at: number; datasets: Promise<Map<string, DatasetInfo>> } | null = null;

  /**
   * Every dataset with its name, holder, fields and size. Kept for a second: a subject's answer needs all of
   * them, and a second-old record count moves a prior 1 / (n + 1) by nothing a reader could see.
   */
  datasets(): Promise<Map<string, DatasetInfo>> {
    const now = Date.now();
    if (!this.cachedDatasets || now - this.cachedDatasets.at > DATASETS_TTL_MS) {
      const datasets = this.readDatasets();
      this.cachedDatasets = { at: now, datasets };
      datasets.catch(() => (this.cachedDatasets = null));
    }
    return this.cachedDatasets.datasets;
  }

  private async readDatasets(): Promise<Map<string, DatasetInfo>> {
    const { rows } = await this.pool.query<{ id: string; name: string | null; holder_id: string | null; holder_name: string | null; domain: string | null; fields: number; records: number }>(
      `SELECT e.id, d.name, d.holder_id, o.name AS holder_name, d.domain, e.fields, e.records
         FROM exposure.datasets e LEFT JOIN registry.datasets d USING (id) LEFT JOIN registry.organizations o ON o.id = d.holder_id ORDER BY e.id`,
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name ?? r.id, holderId: r.holder_id ?? '', holderName: r.holder_name, domain: r.domain ?? '', fields: r.fields, records: r.records }]));
  }

  /**
   * Everything stored about a subject that linkage and exposure read, in one statement (each round trip to
   * the database costs more than the lookups in it): their records and the records sharing an identifier
   * with them, the ties touching them, their identifiers, and their records' basic-4 fingerprints. The
   * subjects asked about within one turn of the event loop are read together (`TickBatch`).
   */
  private readonly subjectFacts = new TickBatch<string, SubjectFacts>(async (subjectIds) => {
    const { rows } = await this.pool.query<{ facts: SubjectFacts }>({
      ...this.statements.of(`SELECT json_build_object(
         'records', (SELECT coalesce(json_agg(r), '[]') FROM (
            SELECT r.record_id, r.dataset_id, r.subject_id, r.identifiers, r.registered_at FROM linkage.records r WHERE r.subject_id = asked.id
            UNION
            SELECT o.record_id, o.dataset_id, o.subject_id, o.identifiers, o.registered_at
              FROM linkage.records s CROSS JOIN unnest(s.identifiers) f JOIN linkage.identifier_records h ON h.fingerprint = f JOIN linkage.records o ON o.record_id = h.record_id
             WHERE s.subject_id = asked.id) r),
         'ties', (SELECT coalesce(json_agg(t ORDER BY t.linked_at, t.link_id), '[]') FROM (
            SELECT * FROM linkage.ties WHERE subject_a = asked.id UNION SELECT * FROM linkage.ties WHERE subject_b = asked.id AND subject_b <> subject_a) t),
         'identifiers', (SELECT coalesce(json_agg(i ORDER BY i.issued_at, i.fingerprint), '[]') FROM (
            SELECT fingerprint, kind, issued_at, valid_until, retired_at FROM linkage.identifiers WHERE subject_id = asked.id) i),
         'basic4', (SELECT coalesce(json_agg(x ORDER BY x.record_id), '[]') FROM (
            SELECT record_id, dataset_id, basic4 FROM exposure.records WHERE subject_id = asked.id) x)) AS facts
         FROM unnest((SELECT $1::uuid[])) WITH ORDINALITY AS asked(id, n) ORDER BY asked.n`),
      values: [subjectIds],
    });
    return new Map(rows.map((row, i) => [subjectIds[i]!, row.facts]));
  });

  /** A subject's facts, from the read of every subject asked about in this turn: an id that is no UUID is refused here, alone, rather than failing that read for all. */
  private factsOf(subjectId: string): Promise<SubjectFacts> {
    if (!isUuid(subjectId)) return Promise.reject(new Error(`subjectId: "${subjectId}" is not a subject id (a UUID)`));
    return this.subjectFacts.load(subjectId);
  }

  async linkage(subjectId: string, asOf: Date, given?: { datasets: Map<string, DatasetInfo>; facts: SubjectFacts }): Promise<SubjectLinkage> {
    const [known, facts] = given ? [given.datasets, given.facts] : await Promise.all([this.datasets(), this.factsOf(subjectId)]);
    const date = (value: string | null) => (value === null ? null : new Date(value));
    const tieList: Tie[] = facts.ties.map((t) => ({
      linkId: t.link_id, recordA: t.record_a, recordB: t.record_b, datasetA: t.dataset_a, datasetB: t.dataset_b, keyBy: t.key_by as Tie['keyBy'], identifierKind: t.identifier_kind,
      organizationId: t.organization_id, purpose: t.purpose, legalBasis: t.legal_basis, linkedAt: new Date(t.linked_at), expectedCutOffAt: date(t.expected_cut_off_at), unlinkedAt: date(t.unlinked_at),
    }));
    const issued: IssuedIdentifier[] = facts.identifiers.map((i) => ({ fingerprint: i.fingerprint, kind: i.kind, issuedAt: new Date(i.issued_at), validUntil: date(i.valid_until), retiredAt: date(i.retired_at) }));
    const kindOf = new Map(issued.map((i) => [i.fingerprint, i.kind]));
    const visible = facts.records.map((r) => ({ ...r, registered_at: new Date(r.registered_at) })).filter((r) => r.registered_at <= asOf);
    const components = linkageComponents(
      visible.map((r) => ({ recordId: r.record_id, datasetId: r.dataset_id, domain: known.get(r.dataset_id)?.domain || null, identifiers: r.identifiers })),
      tieList,
      asOf,
    );
    const hygiene = tieHygiene(tieList, issued, (id) => known.get(id)?.holderId, asOf);
    const name = (id: string) => known.get(id)?.name ?? id;
    const explained = [...hygiene.liveTies, ...hygiene.myNumberTiesAcrossOrganizations];
    const organizations = explained.length > 0 ? await this.organizationNames([...new Set(explained.map((t) => t.organizationId))]) : new Map<string, string>();
    const tieFacts = (t: Tie) => ({
      datasetA: name(t.datasetA), datasetB: name(t.datasetB), keyKind: t.identifierKind, organization: organizations.get(t.organizationId) ?? t.organizationId,
      purpose: t.purpose, linkedAt: t.linkedAt, expectedCutOffAt: t.expectedCutOffAt,
    });

    const explanations: Explanation[] = [];
    for (const component of components.filter((c) => c.datasetIds.length > 1)) {
      explanations.push(componentExplanation(component.datasetIds.map(name), component.domains));
      const shared = new Map<string, Set<string>>();
      for (const j of component.joins) {
        if (j.join.by !== 'IDENTIFIER') continue;
        const datasetsOf = shared.get(j.join.fingerprint) ?? shared.set(j.join.fingerprint, new Set()).get(j.join.fingerprint)!;
        for (const id of [j.recordA, j.recordB]) datasetsOf.add(name(visible.find((r) => r.record_id === id)!.dataset_id));
      }
      for (const [fingerprint, names] of shared) explanations.push(sharedIdentifierExplanation([...names].sort(), kindOf.get(fingerprint)));
    }
    for (const tie of hygiene.liveTies) explanations.push(liveTieExplanation(tieFacts(tie), isOverdue(tie, asOf)));
    for (const tie of hygiene.myNumberTiesAcrossOrganizations) explanations.push(myNumberTieExplanation(tieFacts(tie)));
    for (const identifier of hygiene.identifiersPastLifetime) explanations.push(identifierLifetimeExplanation(identifier.kind, identifier.validUntil!));

    const live = new Set(hygiene.liveTies.map((t) => t.linkId));
    return {
      subjectId,
      asOf,
      records: visible
        .filter((r) => r.subject_id === subjectId)
        .map((r) => ({ recordId: r.record_id, datasetId: r.dataset_id, registeredAt: r.registered_at, identifierKinds: [...new Set(r.identifiers.map((f) => kindOf.get(f) ?? 'UNKNOWN'))].sort() })),
      ties: tieList
        .filter((t) => t.linkedAt <= asOf)
        .map((t) => ({ ...t, live: live.has(t.linkId), overdue: isOverdue(t, asOf), ageDays: live.has(t.linkId) ? Math.floor((asOf.getTime() - t.linkedAt.getTime()) / 86_400_000) : null })),
      components,
      hygiene,
      explanations,
    };
  }

  /**
   * A subject's name-matching exposure: per record, its class size in its own dataset at every level, the
   * other datasets where it is uniquely matchable and from which level, and the best Fellegi–Sunter match
   * into another dataset; with the linkage and tie hygiene, and every figure's reason in words.
   */
  async exposure(subjectId: string, asOf: Date): Promise<SubjectExposure> {
    const measuredAt = new Date();
    const [datasets, facts] = await Promise.all([this.datasets(), this.factsOf(subjectId)]);
    const linkage = await this.linkage(subjectId, asOf, { datasets, facts });
    const records = facts.basic4;
    const current = records.filter((r) => linkage.records.some((l) => l.recordId === r.record_id));
    const name = (id: string) => datasets.get(id)?.name ?? id;
    const allFields = [...datasets.values()].map((d) => d.fields);

    // Every key of every record, then every dataset's class of those keys, in one statement.
    const wanted: { fields: number; level: number; key: string }[] = [];
    const keyOfRecord = new Map<string, string>();
    for (const r of current) {
      const own = datasets.get(r.dataset_id)!.fields;
      for (const fields of keyFieldSets(own, allFields)) {
        for (const level of EXPOSURE_LEVELS) {
          const key = keyOf(r.basic4, fields, level);
          keyOfRecord.set(`${r.record_id}|${fields}|${level}`, key);
          wanted.push({ fields, level: levelNumber(level), key });
        }
      }
    }
    const values = current.map((r) => Object.fromEntries(COMPARISON_FIELDS.map((f) => [f, fieldValue(r.basic4, f, COMPARISON_LEVEL)])) as Record<Basic4Field, string | null>);
    const { classes, ...matching } = await this.matchFacts.load({ wanted, values });
    /** `fields|level|key` → the classes of that key, by dataset. */
    const classesOf = new Map<string, Map<string, number>>();
    for (const c of classes) {
      const id = `${c.fields}|${c.level}|${c.key}`;
      (classesOf.get(id) ?? classesOf.set(id, new Map()).get(id)!).set(c.dataset_id, c.size);
    }
    const classesAt = (recordId: string, fields: number, level: ExposureLevel) =>
      classesOf.get(`${fields}|${levelNumber(level)}|${keyOfRecord.get(`${recordId}|${fields}|${level}`)}`);

    const explanations: Explanation[] = [];
    const recordExposures: RecordExposure[] = current.map((r) => {
      const own = datasets.get(r.dataset_id)!;
      const classSizes = EXPOSURE_LEVELS.map((level) => ({ level, classSize: classesAt(r.record_id, own.fields, level)?.get(own.id) ?? 0 }));
      // Only datasets holding the record's key can match it: walk the classes found, cheapest level first.
      const lowestLevel = new Map<string, ExposureLevel>();
      for (const fields of keyFieldSets(own.fields, allFields)) {
        for (const level of EXPOSURE_LEVELS) {
          const found = classesAt(r.record_id, fields, level);
          if (found?.get(own.id) !== 1) continue;
          for (const [datasetId, size] of found) {
            const other = datasets.get(datasetId);
            if (size === 1 && datasetId !== own.id && other && (own.fields & other.fields) === fields && !lowestLevel.has(datasetId)) lowestLevel.set(datasetId, level);
          }
        }
      }
      const uniquelyMatchableIn = [...lowestLevel]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([datasetId, level]) => ({ datasetId, lowestLevel: level, fields: fieldsOf(own.fields & datasets.get(datasetId)!.fields) }));
      explanations.push(classSizeExplanation(name(own.id), fieldsOf(own.fields), classSizes[0]!.classSize, classSizes.at(-1)!.classSize, measuredAt));
      if (uniquelyMatchableIn.length > 0) explanations.push(matchabilityExplanation(name(own.id), uniquelyMatchableIn.map((m) => ({ dataset: name(m.datasetId), fields: m.fields, level: m.lowestLevel })), measuredAt));
      return { recordId: r.record_id, datasetId: r.dataset_id, classSizes, uniquelyMatchableIn };
    });

    const bestMatch = this.bestMatch(current, values, matching, datasets);
    if (bestMatch) explanations.push(matchProbabilityExplanation(name(bestMatch.fromDatasetId), name(bestMatch.toDatasetId), bestMatch.agreeingFields, bestMatch.probability));
    const matchable = recordExposures.flatMap((r) => r.uniquelyMatchableIn);
    const lowest = EXPOSURE_LEVELS.find((level) => matchable.some((m) => m.lowestLevel === level)) ?? null;
    return {
      subjectId,
      asOf,
      measuredAt,
      records: recordExposures,
      uniquelyMatchableDatasets: new Set(matchable.map((m) => m.datasetId)).size,
      lowestUniqueLevel: lowest,
      bestMatch,
      linkage,
      explanations: [...linkage.explanations, ...explanations],
    };
  }

  /** The match facts of the subjects asked about within one turn, in one read over all their keys and values (`factsFor` then gives each its own). */
  private readonly matchFacts = new TickBatch<MatchRequest, MatchFacts>(async (requests) => {
    if (requests.length === 1) return new Map([[requests[0]!, await this.readMatchFacts(requests[0]!.wanted, requests[0]!.values)]]);
    const wanted = new Map(requests.flatMap((r) => r.wanted.map((w) => [wantedKey(w), w] as const)));
    const facts = await this.readMatchFacts([...wanted.values()], requests.flatMap((r) => r.values));
    return new Map(requests.map((r) => [r, factsFor(r, facts)]));
  });

  /**
   * In one statement: every dataset's class of the keys wanted; the candidates of the Fellegi–Sunter
   * comparison (records sharing a name or the birth date with one of the subject's: Splink's blocking rules);
   * the term frequencies of the subject's values; and per field the totals that give u.
   *
   * Every array goes in as `(SELECT $n)`, out of the planner's sight. Seeing the arrays, it estimated each
   * execution from their lengths, found that cheaper than the one plan for any length, and so planned every
   * execution anew: planning took as long as running. Blind to them, it plans once per connection;
   * the plan is the same index lookups either way.
   */
  private async readMatchFacts(wanted: Wanted[], values: Record<Basic4Field, string | null>[]): Promise<MatchFacts> {
    const terms = [...new Map(values.flatMap((v) => COMPARISON_FIELDS.flatMap((f) => (v[f] !== null ? [[`${f}|${v[f]}`, [f, v[f]]] as const] : [])))).values()];
    const { rows } = await this.pool.query<{ facts: MatchFacts }>({
      ...this.statements.of(`SELECT json_build_object(
         'classes', (SELECT coalesce(json_agg(c), '[]') FROM (
            SELECT c.fields, c.level, c.key, c.dataset_id, c.size FROM exposure.classes c
              JOIN unnest((SELECT $1::smallint[]), (SELECT $2::smallint[]), (SELECT $3::uuid[])) AS k(fields, level, key) USING (fields, level, key)) c),
         'candidates', (SELECT coalesce(json_agg(r), '[]') FROM (
            SELECT dataset_id, name_kanji, name_kana, birth_date, sex, address FROM exposure.records
             WHERE name_kanji = ANY((SELECT $4::text[])::text[]) OR name_kana = ANY((SELECT $5::text[])::text[])
                OR birth_date = ANY((SELECT $6::text[])::text[])) r),
         'terms', (SELECT coalesce(json_agg(t), '[]') FROM (
            SELECT t.field, t.value, t.records FROM exposure.term_frequencies t JOIN unnest((SELECT $7::text[]), (SELECT $8::text[])) AS k(field, value) USING (field, value)) t),
         'totals', (SELECT coalesce(json_agg(f), '[]') FROM (SELECT field, records, sum_squares FROM exposure.field_frequencies) f)) AS facts`),
      values: [
        wanted.map((w) => w.fields), wanted.map((w) => w.level), wanted.map((w) => w.key),
        ...BLOCKING_FIELDS.map((field) => blockingValues(values, field)),
        terms.map(([field]) => field), terms.map(([, value]) => value),
      ],
    });
    return rows[0]!.facts;
  }

  /** The highest Fellegi–Sunter probability that one of the subject's records is matched to a record of another dataset (compared at VARIANT). */
  private bestMatch(
    records: { record_id: string; dataset_id: string }[],
    values: Record<Basic4Field, string | null>[],
    { candidates, terms, totals }: Omit<MatchFacts, 'classes'>,
    datasets: Map<string, DatasetInfo>,
  ): BestMatch | null {
    const frequencies: Partial<Record<Basic4Field, FieldFrequencies>> = Object.fromEntries(totals.map((t) => [t.field, { records: Number(t.records), sumSquares: Number(t.sum_squares) }]));
    const termRecords = new Map(terms.map((t) => [`${t.field}|${t.value}`, t.records]));
    let best: BestMatch | null = null;
    records.forEach((record, i) => {
      const mine = values[i]!;
      for (const candidate of candidates) {
        if (candidate.dataset_id === record.dataset_id) continue;
        const comparisons: Comparison[] = COMPARISON_FIELDS.map((field) => {
          const theirs = candidate[CANDIDATE_COLUMN[field]] as string | null;
          if (mine[field] === null || theirs === null) return { field, level: 'NULL' };
          return mine[field] === theirs ? { field, level: 'AGREE', valueRecords: termRecords.get(`${field}|${theirs}`) ?? 1 } : { field, level: 'DISAGREE' };
        });
        if (!comparisons.some((c) => c.level === 'AGREE' && c.field !== 'SEX' && c.field !== 'ADDRESS')) continue;
        const score = matchScore(comparisons, frequencies, datasets.get(candidate.dataset_id)?.records ?? 1);
        if (!best || score.matchWeight > best.matchWeight || (score.matchWeight === best.matchWeight && candidate.dataset_id < best.toDatasetId)) {
          best = { fromDatasetId: record.dataset_id, toDatasetId: candidate.dataset_id, probability: score.probability, matchWeight: score.matchWeight, agreeingFields: comparisons.filter((c) => c.level === 'AGREE').map((c) => c.field) };
        }
      }
    });
    return best;
  }

  async datasetRisk(datasetId: string, level: ExposureLevel): Promise<(DatasetRisk & { histogram: ClassSizeCount[] }) | null> {
    const { rows: found } = await this.pool.query(`SELECT 1 FROM exposure.datasets WHERE id = $1`, [datasetId]);
    if (found.length === 0) return null;
    const { rows } = await this.pool.query<{ class_size: number; classes: number }>(
      `SELECT class_size, classes FROM exposure.class_sizes WHERE dataset_id = $1 AND level = $2 ORDER BY class_size`,
      [datasetId, levelNumber(level)],
    );
    const histogram = rows.map((r) => ({ classSize: r.class_size, classes: r.classes }));
    return { ...datasetRisk(histogram), histogram };
  }

  async matchability(datasetA: string, datasetB: string, level: ExposureLevel): Promise<Matchability> {
    const datasets = await this.datasets();
    const a = datasets.get(datasetA);
    const b = datasets.get(datasetB);
    if (!a) throw new UnknownDatasetError('datasetA', datasetA);
    if (!b) throw new UnknownDatasetError('datasetB', datasetB);
    const shared = a.fields & b.fields;
    const [first, second] = datasetA < datasetB ? [datasetA, datasetB] : [datasetB, datasetA];
    const { rows } = shared !== 0 && datasetA !== datasetB
      ? await this.pool.query<{ matches: number }>(`SELECT matches FROM exposure.pair_matches WHERE dataset_a = $1 AND dataset_b = $2 AND level = $3 AND fields = $4`, [first, second, levelNumber(level), shared])
      : { rows: [] };
    const matches = rows[0]?.matches ?? 0;
    return { datasetA, datasetB, level, fields: fieldsOf(shared), matchableRecords: matches, shareOfA: a.records ? matches / a.records : 0, shareOfB: b.records ? matches / b.records : 0 };
  }

  /** The most matchable pairs of datasets at a level, by the share of the smaller side uniquely matchable. */
  async mostMatchablePairs(level: ExposureLevel, limit: number): Promise<Matchability[]> {
    const { rows } = await this.pool.query<{ dataset_a: string; dataset_b: string; fields: number; matches: number; records_a: number; records_b: number }>(
      `SELECT p.dataset_a, p.dataset_b, p.fields, p.matches, a.records AS records_a, b.records AS records_b
         FROM exposure.pair_matches p JOIN exposure.datasets a ON a.id = p.dataset_a JOIN exposure.datasets b ON b.id = p.dataset_b
        WHERE p.level = $1 ORDER BY p.matches::float8 / least(a.records, b.records) DESC, p.dataset_a, p.dataset_b LIMIT $2`,
      [levelNumber(level), limit],
    );
    return rows.map((r) => ({
      datasetA: r.dataset_a, datasetB: r.dataset_b, level, fields: fieldsOf(r.fields), matchableRecords: r.matches,
      shareOfA: r.matches / r.records_a, shareOfB: r.matches / r.records_b,
    }));
  }

  /** Distributions for charts: records and subjects by class size, datasets by k. */
  async distribution(level: ExposureLevel): Promise<ExposureDistribution> {
    const lv = levelNumber(level);
    const counts = (rows: { bucket: string; count: string }[]): Bucket[] => BUCKETS.map(([name]) => ({ bucket: name, count: Number(rows.find((r) => r.bucket === name)?.count ?? 0) }));
    const [records, subjects, datasets] = await Promise.all([
      this.pool.query<{ bucket: string; count: string }>(
        `SELECT ${bucketCase('class_size')} AS bucket, sum(class_size * classes) AS count FROM exposure.class_sizes WHERE level = $1 GROUP BY 1`, [lv]),
      this.smallestClasses(lv),
      this.pool.query<{ bucket: string; count: string }>(
        `SELECT ${bucketCase('k')} AS bucket, count(*) AS count FROM (SELECT dataset_id, min(class_size) AS k FROM exposure.class_sizes WHERE level = $1 GROUP BY dataset_id) s GROUP BY 1`, [lv]),
    ]);
    return { level, recordsByClassSize: counts(records.rows), subjectsBySmallestClass: counts(subjects.rows), datasetsByK: counts(datasets.rows) };
  }

  /**
   * Subjects by the smallest class any of their records falls in: every record joined to its class. Hash joins
   * are forced: right after a bulk load, without statistics, the planner picks a nested loop that runs for minutes.
   */
  private smallestClasses(level: number): Promise<{ rows: { bucket: string; count: string }[] }> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SET LOCAL enable_nestloop = off');
      return client.query<{ bucket: string; count: string }>(
        `SELECT ${bucketCase('smallest')} AS bucket, count(*) AS count FROM (
           SELECT r.subject_id, min(c.size) AS smallest FROM exposure.records r JOIN exposure.datasets d ON d.id = r.dataset_id
             JOIN exposure.classes c ON c.fields = d.fields AND c.level = $1 AND c.dataset_id = r.dataset_id AND c.key = r.own_keys[$1 + 1]
            GROUP BY r.subject_id) s GROUP BY 1`,
        [level],
      );
    });
  }
}
