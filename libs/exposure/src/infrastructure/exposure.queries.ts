import type pg from 'pg';
import type { Basic4Field, Basic4Fingerprints } from '#ingestion';
import { datasetRisk, type ClassSizeCount, type DatasetRisk } from '../domain/dataset-risk.js';
import {
  classSizeExplanation, componentExplanation, identifierLifetimeExplanation, liveTieExplanation, matchabilityExplanation,
  matchProbabilityExplanation, myNumberTieExplanation, sharedIdentifierExplanation, type Explanation,
} from '../domain/explanations.js';
import { matchScore, type Comparison, type FieldFrequencies } from '../domain/fellegi-sunter.js';
import { isOverdue, linkageComponents, tieHygiene, type IssuedIdentifier, type LinkageComponent, type Tie, type TieHygiene } from '../domain/linkage.js';
import { EXPOSURE_LEVELS, fieldsOf, fieldValue, isMatchingKey, keyFieldSets, keyOf, type ExposureLevel } from '../domain/quasi-identifier.js';
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
  asOf: Date;
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
const levelNumber = (level: ExposureLevel) => EXPOSURE_LEVELS.indexOf(level);

export class UnknownDatasetError extends Error {
  constructor(readonly field: string, readonly datasetId: string) {
    super(`no dataset "${datasetId}"`);
  }
}

/** Reads the linkage and exposure read models, and derives each per-subject figure from their counts. */
export class ExposureQueries {
  constructor(private readonly pool: pg.Pool) {}

  async datasets(): Promise<Map<string, DatasetInfo>> {
    const { rows } = await this.pool.query<{ id: string; name: string | null; holder_id: string | null; holder_name: string | null; domain: string | null; fields: number; records: number }>(
      `SELECT e.id, d.name, d.holder_id, o.name AS holder_name, d.domain, e.fields, e.records
         FROM exposure.datasets e LEFT JOIN registry.datasets d USING (id) LEFT JOIN registry.organizations o ON o.id = d.holder_id ORDER BY e.id`,
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name ?? r.id, holderId: r.holder_id ?? '', holderName: r.holder_name, domain: r.domain ?? '', fields: r.fields, records: r.records }]));
  }

  async linkage(subjectId: string, asOf: Date, datasets?: Map<string, DatasetInfo>): Promise<SubjectLinkage> {
    const known = datasets ?? (await this.datasets());
    const [records, ties, identifiers] = await Promise.all([
      this.pool.query<{ record_id: string; dataset_id: string; subject_id: string; identifiers: string[]; registered_at: Date }>(
        `SELECT r.record_id, r.dataset_id, r.subject_id, r.identifiers, r.registered_at FROM linkage.records r WHERE r.subject_id = $1
         UNION
         SELECT o.record_id, o.dataset_id, o.subject_id, o.identifiers, o.registered_at FROM linkage.records o
          WHERE o.identifiers && (SELECT coalesce(array_agg(DISTINCT f), '{}') FROM linkage.records s, unnest(s.identifiers) f WHERE s.subject_id = $1)`,
        [subjectId],
      ),
      this.pool.query(`SELECT * FROM linkage.ties WHERE subject_a = $1 UNION SELECT * FROM linkage.ties WHERE subject_b = $1 AND subject_b <> subject_a ORDER BY linked_at, link_id`, [subjectId]),
      this.pool.query<{ fingerprint: string; kind: string; issued_at: Date; valid_until: Date | null; retired_at: Date | null }>(
        `SELECT fingerprint, kind, issued_at, valid_until, retired_at FROM linkage.identifiers WHERE subject_id = $1 ORDER BY issued_at, fingerprint`,
        [subjectId],
      ),
    ]);
    const tieList: Tie[] = ties.rows.map((t) => ({
      linkId: t.link_id, recordA: t.record_a, recordB: t.record_b, datasetA: t.dataset_a, datasetB: t.dataset_b, keyBy: t.key_by, identifierKind: t.identifier_kind,
      organizationId: t.organization_id, purpose: t.purpose, legalBasis: t.legal_basis, linkedAt: t.linked_at, expectedCutOffAt: t.expected_cut_off_at, unlinkedAt: t.unlinked_at,
    }));
    const issued: IssuedIdentifier[] = identifiers.rows.map((i) => ({ fingerprint: i.fingerprint, kind: i.kind, issuedAt: i.issued_at, validUntil: i.valid_until, retiredAt: i.retired_at }));
    const kindOf = new Map(issued.map((i) => [i.fingerprint, i.kind]));
    const visible = records.rows.filter((r) => r.registered_at <= asOf);
    const components = linkageComponents(
      visible.map((r) => ({ recordId: r.record_id, datasetId: r.dataset_id, domain: known.get(r.dataset_id)?.domain || null, identifiers: r.identifiers })),
      tieList,
      asOf,
    );
    const hygiene = tieHygiene(tieList, issued, (id) => known.get(id)?.holderId, asOf);
    const name = (id: string) => known.get(id)?.name ?? id;
    const facts = (t: Tie) => ({ datasetA: name(t.datasetA), datasetB: name(t.datasetB), keyKind: t.identifierKind, organization: t.organizationId, purpose: t.purpose, linkedAt: t.linkedAt, expectedCutOffAt: t.expectedCutOffAt });

    const explanations: Explanation[] = [];
    for (const component of components.filter((c) => c.datasetIds.length > 1)) {
      explanations.push(componentExplanation(component.datasetIds.length, component.domains));
      const shared = new Map<string, Set<string>>();
      for (const j of component.joins) {
        if (j.join.by !== 'IDENTIFIER') continue;
        const datasetsOf = shared.get(j.join.fingerprint) ?? shared.set(j.join.fingerprint, new Set()).get(j.join.fingerprint)!;
        for (const id of [j.recordA, j.recordB]) datasetsOf.add(name(visible.find((r) => r.record_id === id)!.dataset_id));
      }
      for (const [fingerprint, names] of shared) explanations.push(sharedIdentifierExplanation([...names].sort(), kindOf.get(fingerprint) ?? 'an identifier'));
    }
    for (const tie of hygiene.liveTies) explanations.push(liveTieExplanation(facts(tie), isOverdue(tie, asOf)));
    for (const tie of hygiene.myNumberTiesAcrossOrganizations) explanations.push(myNumberTieExplanation(facts(tie)));
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
    const datasets = await this.datasets();
    const [linkage, { rows: records }] = await Promise.all([
      this.linkage(subjectId, asOf, datasets),
      this.pool.query<{ record_id: string; dataset_id: string; basic4: Basic4Fingerprints }>(`SELECT record_id, dataset_id, basic4 FROM exposure.records WHERE subject_id = $1 ORDER BY record_id`, [subjectId]),
    ]);
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
    const { rows: classes } = await this.pool.query<{ fields: number; level: number; key: string; dataset_id: string; size: number }>(
      `SELECT c.fields, c.level, c.key, c.dataset_id, c.size FROM exposure.classes c
         JOIN unnest($1::smallint[], $2::smallint[], $3::uuid[]) AS k(fields, level, key) USING (fields, level, key)`,
      [wanted.map((w) => w.fields), wanted.map((w) => w.level), wanted.map((w) => w.key)],
    );
    const sizeOf = new Map(classes.map((c) => [`${c.fields}|${c.level}|${c.key}|${c.dataset_id}`, c.size]));
    const size = (recordId: string, fields: number, level: ExposureLevel, datasetId: string) =>
      sizeOf.get(`${fields}|${levelNumber(level)}|${keyOfRecord.get(`${recordId}|${fields}|${level}`)}|${datasetId}`) ?? 0;

    const explanations: Explanation[] = [];
    const recordExposures: RecordExposure[] = current.map((r) => {
      const own = datasets.get(r.dataset_id)!;
      const classSizes = EXPOSURE_LEVELS.map((level) => ({ level, classSize: size(r.record_id, own.fields, level, r.dataset_id) }));
      const uniquelyMatchableIn: RecordExposure['uniquelyMatchableIn'] = [];
      for (const other of datasets.values()) {
        const shared = own.fields & other.fields;
        if (other.id === own.id || !isMatchingKey(shared)) continue;
        const lowest = EXPOSURE_LEVELS.find((level) => size(r.record_id, shared, level, own.id) === 1 && size(r.record_id, shared, level, other.id) === 1);
        if (lowest) uniquelyMatchableIn.push({ datasetId: other.id, lowestLevel: lowest, fields: fieldsOf(shared) });
      }
      explanations.push(classSizeExplanation(name(own.id), fieldsOf(own.fields), classSizes[0]!.classSize));
      for (const m of uniquelyMatchableIn) explanations.push(matchabilityExplanation(name(own.id), name(m.datasetId), m.fields, m.lowestLevel));
      return { recordId: r.record_id, datasetId: r.dataset_id, classSizes, uniquelyMatchableIn };
    });

    const bestMatch = await this.bestMatch(current, datasets);
    if (bestMatch) explanations.push(matchProbabilityExplanation(name(bestMatch.fromDatasetId), name(bestMatch.toDatasetId), bestMatch.agreeingFields, bestMatch.probability));
    const matchable = recordExposures.flatMap((r) => r.uniquelyMatchableIn);
    const lowest = EXPOSURE_LEVELS.find((level) => matchable.some((m) => m.lowestLevel === level)) ?? null;
    return {
      subjectId,
      asOf,
      records: recordExposures,
      uniquelyMatchableDatasets: new Set(matchable.map((m) => m.datasetId)).size,
      lowestUniqueLevel: lowest,
      bestMatch,
      linkage,
      explanations: [...linkage.explanations, ...explanations],
    };
  }

  /**
   * The highest Fellegi–Sunter probability that one of the subject's records is matched to a record of
   * another dataset. Candidates share a name or the birth date (Splink's blocking rules); values are compared
   * at the VARIANT level.
   */
  private async bestMatch(records: { record_id: string; dataset_id: string; basic4: Basic4Fingerprints }[], datasets: Map<string, DatasetInfo>): Promise<BestMatch | null> {
    if (records.length === 0) return null;
    const values = records.map((r) => Object.fromEntries(COMPARISON_FIELDS.map((f) => [f, fieldValue(r.basic4, f, COMPARISON_LEVEL)])) as Record<Basic4Field, string | null>);
    const blocking = (field: Basic4Field) => [...new Set(values.map((v) => v[field]).filter((v): v is string => v !== null))];
    const [{ rows: candidates }, { rows: terms }, { rows: totals }] = await Promise.all([
      this.pool.query<{ dataset_id: string; name_kanji: string | null; name_kana: string | null; birth_date: string | null; sex: string | null; address: string | null }>(
        `SELECT dataset_id, name_kanji, name_kana, birth_date, sex, address FROM exposure.records
          WHERE name_kanji = ANY($1) OR name_kana = ANY($2) OR birth_date = ANY($3)`,
        [blocking('NAME_KANJI'), blocking('NAME_KANA'), blocking('BIRTH_DATE')],
      ),
      this.pool.query<{ field: Basic4Field; value: string; records: number }>(
        `SELECT t.field, t.value, t.records FROM exposure.term_frequencies t JOIN unnest($1::text[], $2::text[]) AS k(field, value) USING (field, value)`,
        [values.flatMap((v) => COMPARISON_FIELDS.filter((f) => v[f] !== null)), values.flatMap((v) => COMPARISON_FIELDS.flatMap((f) => (v[f] !== null ? [v[f]] : [])))],
      ),
      this.pool.query<{ field: Basic4Field; records: string; sum_squares: string }>(`SELECT field, records, sum_squares FROM exposure.field_frequencies`),
    ]);
    const frequencies: Partial<Record<Basic4Field, FieldFrequencies>> = Object.fromEntries(totals.map((t) => [t.field, { records: Number(t.records), sumSquares: Number(t.sum_squares) }]));
    const termRecords = new Map(terms.map((t) => [`${t.field}|${t.value}`, t.records]));
    const column: Record<Basic4Field, keyof (typeof candidates)[number]> = { NAME_KANJI: 'name_kanji', NAME_KANA: 'name_kana', BIRTH_DATE: 'birth_date', SEX: 'sex', ADDRESS: 'address' };
    let best: BestMatch | null = null;
    records.forEach((record, i) => {
      const mine = values[i]!;
      for (const candidate of candidates) {
        if (candidate.dataset_id === record.dataset_id) continue;
        const comparisons: Comparison[] = COMPARISON_FIELDS.map((field) => {
          const theirs = candidate[column[field]] as string | null;
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
    const { rows } = isMatchingKey(shared) && datasetA !== datasetB
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
      this.pool.query<{ bucket: string; count: string }>(
        `SELECT ${bucketCase('smallest')} AS bucket, count(*) AS count FROM (
           SELECT r.subject_id, min(c.size) AS smallest FROM exposure.records r JOIN exposure.datasets d ON d.id = r.dataset_id
             JOIN exposure.classes c ON c.fields = d.fields AND c.level = $1 AND c.dataset_id = r.dataset_id AND c.key = r.own_keys[$1 + 1]
            GROUP BY r.subject_id) s GROUP BY 1`, [lv]),
      this.pool.query<{ bucket: string; count: string }>(
        `SELECT ${bucketCase('k')} AS bucket, count(*) AS count FROM (SELECT dataset_id, min(class_size) AS k FROM exposure.class_sizes WHERE level = $1 GROUP BY dataset_id) s GROUP BY 1`, [lv]),
    ]);
    return { level, recordsByClassSize: counts(records.rows), subjectsBySmallestClass: counts(subjects.rows), datasetsByK: counts(datasets.rows) };
  }
}
