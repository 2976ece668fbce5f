import { ProjectionRunner } from '#projections';
import { generatePopulation } from '#synthetic-population';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

/** PRODUCT §6: what each level compares (names, birth date, address), written out here independently of the code. */
const LEVELS: [name: string, birthDate: string, address: string][] = [
  ['RAW', 'DAY', 'FULL'], ['NFKC', 'DAY', 'FULL'], ['KANA', 'DAY', 'FULL'], ['VARIANT', 'DAY', 'FULL'], ['VARIANT', 'MONTH', 'MUNICIPALITY'], ['VARIANT', 'YEAR', 'PREFECTURE'],
];

/** Every record's latest basic-4 fingerprints straight from the stored events, and each dataset's fields. */
const BASE = `
  WITH latest AS (
    SELECT DISTINCT ON (record_id, field) record_id, field, value FROM (
      SELECT e.data->>'recordId' AS record_id, e.global_position, kv.key AS field, kv.value
        FROM event_store.events e, jsonb_each(e.data->'basic4') kv WHERE e.event_type IN ('RecordRegistered', 'RecordAmended')) x
    ORDER BY record_id, field, global_position DESC),
  merged AS (SELECT record_id, jsonb_object_agg(field, value) AS b FROM latest GROUP BY record_id),
  records AS MATERIALIZED (
    SELECT e.data->>'recordId' AS record_id, e.data->>'datasetId' AS dataset_id, m.b
      FROM event_store.events e JOIN merged m ON m.record_id = e.data->>'recordId' WHERE e.event_type = 'RecordRegistered'),
  datasets AS (
    SELECT e.data->>'datasetId' AS dataset_id, ARRAY(SELECT jsonb_array_elements_text(e.data->'basic4Fields')) AS fields
      FROM event_store.events e WHERE e.event_type = 'DatasetRegistered')`;

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
    await settled(f.context.get(ProjectionRunner));
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
});
