import { jest } from '@jest/globals';
import { ExposureQueries } from '#exposure';
import { LogInsider } from '#event-store-postgres/testing';
import { ProjectionRunner } from '#projections';
import { generatePopulation } from '#synthetic-population';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

/** PRODUCT §6: what each level compares (names, birth date, address), written out here independently of the code. */
const LEVELS: [name: string, birthDate: string, address: string][] = [
  ['RAW', 'DAY', 'FULL'], ['NFKC', 'DAY', 'FULL'], ['KANA', 'DAY', 'FULL'], ['VARIANT', 'DAY', 'FULL'], ['VARIANT', 'MONTH', 'MUNICIPALITY'], ['VARIANT', 'YEAR', 'PREFECTURE'],
];

const LEVEL_NAMES = ['RAW', 'NFKC', 'KANA', 'VARIANT', 'MONTH_MUNICIPALITY', 'YEAR_PREFECTURE'] as const;
const FIELDS = ['NAME_KANJI', 'NAME_KANA', 'BIRTH_DATE', 'SEX', 'ADDRESS'] as const;

/** Every record's latest basic-4 fingerprints straight from the stored events (copied as stored into oracle.events), and each dataset's fields. */
const BASE = `
  WITH latest AS (
    SELECT DISTINCT ON (record_id, field) record_id, field, value FROM (
      SELECT e.data->>'recordId' AS record_id, e.global_position, kv.key AS field, kv.value
        FROM oracle.events e, jsonb_each(e.data->'basic4') kv WHERE e.event_type IN ('RecordRegistered', 'RecordAmended')) x
    ORDER BY record_id, field, global_position DESC),
  merged AS (SELECT record_id, jsonb_object_agg(field, value) AS b FROM latest GROUP BY record_id),
  records AS MATERIALIZED (
    SELECT e.data->>'recordId' AS record_id, e.data->>'datasetId' AS dataset_id, m.b
      FROM oracle.events e JOIN merged m ON m.record_id = e.data->>'recordId' WHERE e.event_type = 'RecordRegistered'),
  datasets AS (
    SELECT e.data->>'datasetId' AS dataset_id, ARRAY(SELECT jsonb_array_elements_text(e.data->'basic4Fields')) AS fields
      FROM oracle.events e WHERE e.event_type = 'DatasetRegistered')`;

/** A record's key over a set of fields at a level: the fingerprints joined, '-' for a value it lacks. */
const keyOver = (fields: string, [name, birthDate, address]: (typeof LEVELS)[number]) => `concat_ws('|',
  CASE WHEN 'NAME_KANJI' = ANY(${fields}) THEN coalesce(r.b->'nameKanji'->>'${name}', '-') END,
  CASE WHEN 'NAME_KANA' = ANY(${fields}) THEN coalesce(r.b->'nameKana'->>'${name}', '-') END,
  CASE WHEN 'BIRTH_DATE' = ANY(${fields}) THEN coalesce(r.b->'birthDate'->>'${birthDate}', '-') END,
  CASE WHEN 'SEX' = ANY(${fields}) THEN coalesce(r.b->>'sex', '-') END,
  CASE WHEN 'ADDRESS' = ANY(${fields}) THEN coalesce(r.b->'address'->>'${address}', '-') END)`;

describe(`exposure read model against a brute-force computation on ${backendName}`, () => {
  let f: IngestionFixture;

  beforeAll(async () => {
    f = await IngestionFixture.start();
    await f.importCommands(generatePopulation({ subjects: 250, seed: 'brute-force' }).commands, 500);
    // The generated people are unique everywhere, so classes of more than one come from a small pool of names
    // (spelt so that some fold only at NFKC or KANA), birth dates and sexes; and a dataset registered after
    // the others hold records makes every dataset sharing its fields key those records anew.
    const at = '2025-04-01T09:00:00+09:00';
    await f.send('RegisterOrganization', { organizationId: 'bf-co', name: '照合テスト株式会社', kind: 'PRIVATE_BUSINESS', domains: ['PRIVATE'], occurredAt: at });
    const dataset = (datasetId: string, basic4Fields: string[]) =>
      f.send('RegisterDataset', { datasetId, holderId: 'bf-co', name: datasetId, purpose: '照合', domain: 'PRIVATE', keyedBy: ['INTERNAL_ID'], basic4Fields, occurredAt: at });
    await dataset('bf.members', ['NAME_KANA', 'BIRTH_DATE', 'SEX']);
    const names = ['ヤマダ タロウ', 'ﾔﾏﾀﾞﾀﾛｳ', 'やまだたろう', 'スズキ ハナコ'];
    const births = ['1980-01-01', '1980-01-15', '1981-06-01'];
    const person = (i: number) => ({ kind: 'INTERNAL_ID', value: `BF-${i}`, scope: 'bf-co' });
    for (let i = 0; i < 40; i++) {
      await f.send('EnrollSubject', { enrolledBy: 'bf-co', identifiers: [person(i)], occurredAt: at });
      await f.send('RegisterRecord', { recordId: `bf-m-${i}`, datasetId: 'bf.members', subject: person(i), basic4: { nameKana: names[i % 4], birthDate: births[i % 3], sex: i % 5 === 0 ? 'FEMALE' : 'MALE' }, occurredAt: at });
    }
    await dataset('bf.late', ['BIRTH_DATE', 'SEX']);
    for (let i = 0; i < 40; i += 2) {
      await f.send('RegisterRecord', { recordId: `bf-l-${i}`, datasetId: 'bf.late', subject: person(i), basic4: { birthDate: births[i % 3], sex: i % 5 === 0 ? 'FEMALE' : 'MALE' }, occurredAt: at });
    }
    await settled(f.context.get(ProjectionRunner));
    await new LogInsider(f.database.pool).copyInto('oracle.events');
  });
  afterAll(() => f.close());

  it('class-size histograms of every dataset at every level agree number for number', async () => {
    for (const [index, level] of LEVELS.entries()) {
      const { rows: expected } = await f.database.pool.query(
        `${BASE}, classes AS (
           SELECT r.dataset_id, ${keyOver('d.fields', level)} AS key, count(*) AS size FROM records r JOIN datasets d USING (dataset_id) GROUP BY 1, 2)
         SELECT dataset_id, size::int AS class_size, count(*)::int AS classes FROM classes GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      const { rows: actual } = await f.database.pool.query(
        `SELECT dataset_id, class_size, classes FROM exposure.class_sizes WHERE level = $1 ORDER BY 1, 2`,
        [index],
      );
      expect(actual).toEqual(expected);
      expect(actual.length).toBeGreaterThan(5);
    }
  });

  it('uniquely matchable records of every pair of datasets at every level agree number for number', async () => {
    let nonZero = 0;
    for (const [index, level] of LEVELS.entries()) {
      const { rows: expected } = await f.database.pool.query(
        `${BASE}, pairs AS (
           SELECT a.dataset_id AS dataset_a, b.dataset_id AS dataset_b, ARRAY(SELECT unnest(a.fields) INTERSECT SELECT unnest(b.fields)) AS shared
             FROM datasets a JOIN datasets b ON a.dataset_id < b.dataset_id),
         matchable AS (
           SELECT * FROM pairs WHERE cardinality(shared) > 0),
         keyed AS (
           SELECT p.dataset_a, p.dataset_b, r.dataset_id, ${keyOver('p.shared', level)} AS key
             FROM matchable p JOIN records r ON r.dataset_id IN (p.dataset_a, p.dataset_b)),
         counted AS (
           SELECT dataset_a, dataset_b, key, count(*) FILTER (WHERE dataset_id = dataset_a) AS in_a, count(*) FILTER (WHERE dataset_id = dataset_b) AS in_b
             FROM keyed GROUP BY 1, 2, 3)
         SELECT dataset_a, dataset_b, count(*)::int AS matches FROM counted WHERE in_a = 1 AND in_b = 1 GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      const { rows: actual } = await f.database.pool.query(
        `SELECT dataset_a, dataset_b, matches FROM exposure.pair_matches WHERE level = $1 ORDER BY 1, 2`,
        [index],
      );
      expect(actual).toEqual(expected);
      nonZero += actual.length;
    }
    expect(nonZero).toBeGreaterThan(0);
  });

  it('term frequencies and the per-field totals behind u agree', async () => {
    const { rows: expected } = await f.database.pool.query(
      `${BASE}, terms AS (
         SELECT 'NAME_KANJI' AS field, r.b->'nameKanji'->>'VARIANT' AS value FROM records r UNION ALL
         SELECT 'NAME_KANA', r.b->'nameKana'->>'VARIANT' FROM records r UNION ALL
         SELECT 'BIRTH_DATE', r.b->'birthDate'->>'DAY' FROM records r UNION ALL
         SELECT 'SEX', r.b->>'sex' FROM records r UNION ALL
         SELECT 'ADDRESS', r.b->'address'->>'FULL' FROM records r),
       counts AS (SELECT field, value, count(*) AS n FROM terms WHERE value IS NOT NULL GROUP BY 1, 2)
       SELECT field, sum(n)::bigint::text AS records, sum(n * n)::bigint::text AS sum_squares FROM counts GROUP BY 1 ORDER BY 1`,
    );
    const { rows: actual } = await f.database.pool.query(`SELECT field, records::text, sum_squares::text FROM exposure.field_frequencies ORDER BY 1`);
    expect(actual).toEqual(expected);
  });

  it("every subject's class sizes, and the datasets each record matches one-to-one and from which level, agree", async () => {
    type Basic4 = Record<string, Record<string, string> | string | undefined>;
    const { rows: records } = await f.database.pool.query<{ record_id: string; dataset_id: string; subject_id: string; b: Basic4 }>(
      `${BASE} SELECT r.record_id, r.dataset_id, e.data->>'subjectId' AS subject_id, r.b
         FROM records r JOIN oracle.events e ON e.event_type = 'RecordRegistered' AND e.data->>'recordId' = r.record_id`,
    );
    const { rows: datasets } = await f.database.pool.query<{ dataset_id: string; fields: string[] }>(`${BASE} SELECT * FROM datasets`);
    const fieldsOf = new Map(datasets.map((d) => [d.dataset_id, d.fields]));
    // A key written out as the fingerprints of the fields asked for, '-' for a value the record lacks.
    const value = (b: Basic4, field: string, [name, birthDate, address]: (typeof LEVELS)[number]) =>
      ({ NAME_KANJI: (b.nameKanji as Record<string, string> | undefined)?.[name], NAME_KANA: (b.nameKana as Record<string, string> | undefined)?.[name],
        BIRTH_DATE: (b.birthDate as Record<string, string> | undefined)?.[birthDate], SEX: b.sex as string | undefined, ADDRESS: (b.address as Record<string, string> | undefined)?.[address] })[field];
    const key = (b: Basic4, fields: readonly string[], level: number) => FIELDS.filter((f) => fields.includes(f)).map((f) => value(b, f, LEVELS[level]!) ?? '-').join('|');
    const counts = new Map<string, number>();
    const count = (datasetId: string, fields: readonly string[], level: number, k: string) => counts.get(`${datasetId}/${fields.join()}/${level}/${k}`) ?? 0;
    const sets = new Set<string>();
    for (const a of datasets) for (const b of datasets) sets.add([a.dataset_id, FIELDS.filter((f) => a.fields.includes(f) && b.fields.includes(f)).join()].join('/'));
    for (const r of records) {
      for (const entry of sets) {
        const [datasetId, shared] = entry.split('/') as [string, string];
        if (datasetId !== r.dataset_id || shared === '') continue;
        for (let level = 0; level < LEVELS.length; level++) {
          const id = `${datasetId}/${shared}/${level}/${key(r.b, shared.split(','), level)}`;
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      }
    }

    const queries = new ExposureQueries(f.database.pool);
    const subjects = [...new Set(records.map((r) => r.subject_id))].sort();
    // Asked all at once, as concurrent requests ask: the subjects' reads are made together, a statement for many.
    const statements = jest.spyOn(f.database.pool, 'query');
    const answers = await Promise.all(subjects.map((subjectId) => queries.exposure(subjectId, new Date())));
    // (The pool is the fixture's, shared with its projector: only the exposure reads are counted.)
    const reads = (part: string) => statements.mock.calls.filter(([statement]) => JSON.stringify(statement).includes(`json_build_object(\\n         '${part}'`)).length;
    expect([reads('records'), reads('classes')]).toEqual([1, 1]);
    statements.mockRestore();
    let matches = 0;
    for (const [i, subjectId] of subjects.entries()) {
      const expected = records.filter((r) => r.subject_id === subjectId).sort((x, y) => (x.record_id < y.record_id ? -1 : 1)).map((r) => {
        const own = FIELDS.filter((f) => fieldsOf.get(r.dataset_id)!.includes(f));
        const uniquelyMatchableIn = datasets
          .filter((d) => d.dataset_id !== r.dataset_id)
          .flatMap((d) => {
            const shared = own.filter((f) => d.fields.includes(f));
            const level = shared.length === 0 ? -1 : LEVELS.findIndex((_, l) => count(r.dataset_id, shared, l, key(r.b, shared, l)) === 1 && count(d.dataset_id, shared, l, key(r.b, shared, l)) === 1);
            return level < 0 ? [] : [{ datasetId: d.dataset_id, lowestLevel: LEVEL_NAMES[level], fields: shared }];
          })
          .sort((x, y) => (x.datasetId < y.datasetId ? -1 : 1));
        matches += uniquelyMatchableIn.length;
        return { recordId: r.record_id, datasetId: r.dataset_id, classSizes: LEVEL_NAMES.map((level, l) => ({ level, classSize: count(r.dataset_id, own, l, key(r.b, own, l)) })), uniquelyMatchableIn };
      });
      const actual = answers[i]!.records.sort((x, y) => (x.recordId < y.recordId ? -1 : 1));
      expect({ subjectId, records: actual }).toEqual({ subjectId, records: expected });
    }
    expect(subjects.length).toBeGreaterThan(200);
    expect(matches).toBeGreaterThan(0);
    // Not only classes of one: the pool makes classes of several, some of which merge as names fold.
    const sizes = await Promise.all(['bf-m-0', 'bf-m-1', 'bf-l-0'].map(async (id) => (await queries.exposure(records.find((r) => r.record_id === id)!.subject_id, new Date())).records.find((r) => r.recordId === id)!.classSizes.map((c) => c.classSize)));
    expect(sizes.flat().some((size) => size > 1)).toBe(true);
  });

  it('an exposure asked together with others is the one asked alone, best match, linkage and sentences included', async () => {
    const queries = new ExposureQueries(f.database.pool);
    const { rows } = await f.database.pool.query<{ subject_id: string }>(`SELECT DISTINCT subject_id FROM exposure.records ORDER BY subject_id LIMIT 60`);
    const asOf = new Date();
    // Each answer is dated the day it was measured (in Japan): that day is set aside, should midnight fall between.
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });
    const answer = async (subjectId: string) => {
      const { measuredAt, ...rest } = await queries.exposure(subjectId, asOf);
      return JSON.parse(JSON.stringify(rest).replaceAll(day.format(measuredAt), 'DAY')) as unknown;
    };
    const together = await Promise.all(rows.map((r) => answer(r.subject_id)));
    const alone: unknown[] = [];
    for (const r of rows) alone.push(await answer(r.subject_id));
    expect(together).toEqual(alone);
    expect(alone.filter((a) => (a as { bestMatch: unknown }).bestMatch !== null).length).toBeGreaterThan(30);
    // An id that is no subject's fails its own answer, not the others read with it.
    const [bad, good] = await Promise.allSettled([queries.exposure('not-a-subject', asOf), answer(rows[0]!.subject_id)]);
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('subjectId: "not-a-subject" is not a subject id (a UUID)') });
    expect(good).toEqual({ status: 'fulfilled', value: alone[0] });
  });
});
