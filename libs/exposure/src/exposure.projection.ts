import type { StoredEvent } from '#event-store';
import { type Basic4Field, type Basic4Fingerprints, eventTypes, parseDomainEvent } from '#vocabulary';
import type { Projection, SqlTransaction } from '#projections';
import { EXPOSURE_LEVELS, fieldSetOf, fieldValue, keyFieldSets, keyOf, levelNumber, type ExposureLevel } from './domain/quasi-identifier.js';

/** Fields the Fellegi–Sunter comparison looks at, and the level it compares them at (the matcher's best effort). */
export const COMPARISON_FIELDS: readonly Basic4Field[] = ['NAME_KANJI', 'NAME_KANA', 'BIRTH_DATE', 'SEX', 'ADDRESS'];
export const COMPARISON_LEVEL: ExposureLevel = 'VARIANT';

const HANDLED = eventTypes('DatasetRegistered', 'RecordRegistered', 'RecordAmended');
const COLUMN: Readonly<Record<Basic4Field, string>> = { NAME_KANJI: 'name_kanji', NAME_KANA: 'name_kana', BIRTH_DATE: 'birth_date', SEX: 'sex', ADDRESS: 'address' };

interface Dataset {
  id: string;
  fields: number;
  records: number;
}

interface RecordRow {
  record_id: string;
  dataset_id: string;
  subject_id: string;
  basic4: Basic4Fingerprints;
  own_keys: string[];
}

/** Net changes of one round of events, applied to the tables in one go. */
class Round {
  /** `fields|level|key|dataset` → net change of the class size. */
  readonly classes = new Map<string, number>();
  /** `field|value` → net change of the records holding the value. */
  readonly terms = new Map<string, number>();
  readonly records = new Map<string, RecordRow>();
  readonly newRecords = new Map<string, number>();

  /** A record entering (+1) or leaving (−1) its classes over the given field sets, at every level. */
  key(datasetId: string, sets: readonly number[], basic4: Basic4Fingerprints, sign: 1 | -1): void {
    for (const fields of sets) {
      for (const level of EXPOSURE_LEVELS) bump(this.classes, `${fields}|${levelNumber(level)}|${keyOf(basic4, fields, level)}|${datasetId}`, sign);
    }
  }

  /** A record entering or leaving its dataset: its classes, and the term frequencies of its compared values. */
  count(dataset: Dataset, sets: readonly number[], basic4: Basic4Fingerprints, sign: 1 | -1): void {
    this.key(dataset.id, sets, basic4, sign);
    for (const field of COMPARISON_FIELDS) {
      const value = fieldValue(basic4, field, COMPARISON_LEVEL);
      if (value !== null) bump(this.terms, `${field}|${value}`, sign);
    }
  }

  get empty(): boolean {
    return this.classes.size === 0 && this.terms.size === 0 && this.records.size === 0;
  }
}

const BASIC4_KEYS: Readonly<Record<keyof Basic4Fingerprints, Basic4Field>> = { nameKanji: 'NAME_KANJI', nameKana: 'NAME_KANA', birthDate: 'BIRTH_DATE', sex: 'SEX', address: 'ADDRESS' };
const heldFields = (basic4: Basic4Fingerprints) => fieldSetOf((Object.keys(basic4) as (keyof Basic4Fingerprints)[]).map((k) => BASIC4_KEYS[k]));
const ownKeys = (basic4: Basic4Fingerprints, dataset: Dataset) => EXPOSURE_LEVELS.map((level) => keyOf(basic4, dataset.fields, level));
const bump = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);

/**
 * 名寄せ exposure, kept incrementally: for every dataset and level, the size of each equivalence class of the
 * quasi-identifier key and the histogram of those sizes; for every pair of datasets, how many keys are unique
 * in both (uniquely matchable); for every compared field, how many records hold each value (term frequencies).
 * A new or amended record moves only the classes of its own keys, and through them the histograms and pair
 * counts — never the rest of the world. Per-subject figures are read off these counts at query time, since
 * storing them would make one record rewrite every subject who shares a class with it.
 */
export const exposureProjection: Projection = {
  name: 'exposure',
  schema: 'exposure',
  tables: ['datasets', 'records', 'classes', 'class_sizes', 'pair_matches', 'term_frequencies', 'field_frequencies'],
  handles: HANDLED,

  async apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void> {
    const relevant = events.filter((e) => HANDLED.has(e.type));
    if (relevant.length === 0) return;
    const datasets = new Map(
      (await tx.query<{ id: string; fields: number; records: number }>(`SELECT id, fields, records FROM ${schema}.datasets`)).rows.map((d) => [d.id, { ...d }]),
    );
    const amendedIds = relevant.filter((e) => e.type === 'RecordAmended').map((e) => (e.data as { recordId: string }).recordId);
    const known = new Map<string, RecordRow>();
    if (amendedIds.length > 0) {
      const { rows } = await tx.query<RecordRow & Record<string, unknown>>(`SELECT record_id, dataset_id, subject_id, basic4, own_keys FROM ${schema}.records WHERE record_id = ANY($1)`, [amendedIds]);
      for (const row of rows) known.set(row.record_id, row);
    }
    const setsOf = (dataset: Dataset) => keyFieldSets(dataset.fields, [...datasets.values()].filter((d) => d.id !== dataset.id).map((d) => d.fields));

    let round = new Round();
    const registerDataset = async (id: string, fields: number) => {
      await flush(round, datasets, tx, schema);
      round = new Round();
      const added: Dataset = { id, fields, records: 0 };
      const before = new Map([...datasets.values()].map((d) => [d.id, setsOf(d)]));
      datasets.set(added.id, added);
      await tx.query(`INSERT INTO ${schema}.datasets (id, fields, records) VALUES ($1, $2, 0)`, [added.id, added.fields]);
      // The newcomer may share a new matching key with datasets already holding records: key those records anew.
      for (const other of datasets.values()) {
        const newSets = setsOf(other).filter((s) => !before.get(other.id)?.includes(s));
        if (other.id === added.id || newSets.length === 0 || other.records === 0) continue;
        const { rows } = await tx.query<{ basic4: Basic4Fingerprints }>(`SELECT basic4 FROM ${schema}.records WHERE dataset_id = $1`, [other.id]);
        for (const row of rows) round.key(other.id, newSets, row.basic4, 1);
      }
      await flush(round, datasets, tx, schema);
      round = new Round();
      return added;
    };
    for (const stored of relevant) {
      const event = parseDomainEvent(stored.type, stored.schemaVersion, stored.data);
      if (event.type === 'DatasetRegistered') {
        await registerDataset(event.data.datasetId, fieldSetOf(event.data.basic4Fields));
      } else if (event.type === 'RecordRegistered') {
        const d = event.data;
        // A log imported as events may hold records of a dataset never registered: it holds what its records hold.
        const dataset = datasets.get(d.datasetId) ?? (await registerDataset(d.datasetId, heldFields(d.basic4)));
        const row: RecordRow = { record_id: d.recordId, dataset_id: d.datasetId, subject_id: d.subjectId, basic4: d.basic4, own_keys: ownKeys(d.basic4, dataset) };
        round.count(dataset, setsOf(dataset), d.basic4, 1);
        round.records.set(d.recordId, row);
        known.set(d.recordId, row);
        bump(round.newRecords, d.datasetId, 1);
        dataset.records += 1;
      } else if (event.type === 'RecordAmended') {
        const d = event.data;
        const previous = known.get(d.recordId);
        const dataset = datasets.get(d.datasetId);
        if (!previous || !dataset) throw new Error(`amended record ${d.recordId} was never registered`);
        const basic4 = { ...previous.basic4, ...d.basic4 };
        const row: RecordRow = { ...previous, basic4, own_keys: ownKeys(basic4, dataset) };
        const sets = setsOf(dataset);
        round.count(dataset, sets, previous.basic4, -1);
        round.count(dataset, sets, row.basic4, 1);
        round.records.set(d.recordId, row);
        known.set(d.recordId, row);
      }
    }
    await flush(round, datasets, tx, schema);
  },
};

/** Writes a round: class sizes, and from their before/after values the histograms and pair counts. */
async function flush(round: Round, datasets: ReadonlyMap<string, Dataset>, tx: SqlTransaction, schema: string): Promise<void> {
  if (round.empty) return;
  if (round.records.size > 0) {
    const rows = [...round.records.values()].map((r) => ({
      ...r,
      ...Object.fromEntries(COMPARISON_FIELDS.map((f) => [COLUMN[f], fieldValue(r.basic4, f, COMPARISON_LEVEL)])),
    }));
    await tx.query(
      `INSERT INTO ${schema}.records SELECT * FROM jsonb_populate_recordset(NULL::${schema}.records, $1::jsonb)
       ON CONFLICT (record_id) DO UPDATE SET basic4 = EXCLUDED.basic4, own_keys = EXCLUDED.own_keys, name_kanji = EXCLUDED.name_kanji, name_kana = EXCLUDED.name_kana,
         birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex, address = EXCLUDED.address`,
      [JSON.stringify(rows)],
    );
  }
  if (round.newRecords.size > 0) {
    await tx.query(`UPDATE ${schema}.datasets d SET records = d.records + n.added FROM unnest($1::text[], $2::int[]) AS n(id, added) WHERE d.id = n.id`, [
      [...round.newRecords.keys()],
      [...round.newRecords.values()],
    ]);
  }
  await flushClasses(round, datasets, tx, schema);
  await flushTerms(round, tx, schema);
}

async function flushClasses(round: Round, datasets: ReadonlyMap<string, Dataset>, tx: SqlTransaction, schema: string): Promise<void> {
  const changed = [...round.classes].filter(([, delta]) => delta !== 0);
  if (changed.length === 0) return;
  // Every dataset's class of each touched key, before this round.
  const keys = new Map<string, { fields: number; level: number; key: string }>();
  for (const [id] of changed) {
    const [fields, level, key] = id.split('|');
    keys.set(`${fields}|${level}|${key}`, { fields: Number(fields), level: Number(level), key: key! });
  }
  const list = [...keys.values()];
  const { rows } = await tx.query<{ fields: number; level: number; key: string; dataset_id: string; size: number }>(
    `SELECT c.fields, c.level, c.key, c.dataset_id, c.size FROM ${schema}.classes c
       JOIN unnest($1::smallint[], $2::smallint[], $3::uuid[]) AS k(fields, level, key) USING (fields, level, key)`,
    [list.map((k) => k.fields), list.map((k) => k.level), list.map((k) => k.key)],
  );
  /** `fields|level|key` → dataset → [size before, size after]. */
  const sizes = new Map<string, Map<string, [number, number]>>();
  const at = (key: string) => sizes.get(key) ?? sizes.set(key, new Map()).get(key)!;
  for (const r of rows) at(`${r.fields}|${r.level}|${r.key}`).set(r.dataset_id, [r.size, r.size]);
  for (const [id, delta] of changed) {
    const cut = id.lastIndexOf('|');
    const perDataset = at(id.slice(0, cut));
    const dataset = id.slice(cut + 1);
    const [before, after] = perDataset.get(dataset) ?? [0, 0];
    perDataset.set(dataset, [before, after + delta]);
  }

  const upserts: { fields: number; level: number; key: string; dataset_id: string; size: number }[] = [];
  const removals: typeof upserts = [];
  const histogram = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const [id, perDataset] of sizes) {
    const [fields, level, key] = id.split('|');
    const fieldSet = Number(fields);
    const entries = [...perDataset].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [dataset, [before, after]] of entries) {
      if (before === after) continue;
      const row = { fields: fieldSet, level: Number(level), key: key!, dataset_id: dataset, size: after };
      (after === 0 ? removals : upserts).push(row);
      if (datasets.get(dataset)?.fields === fieldSet) {
        if (before > 0) bump(histogram, `${dataset}|${level}|${before}`, -1);
        if (after > 0) bump(histogram, `${dataset}|${level}|${after}`, 1);
      }
    }
    // A key unique in two datasets whose shared fields are exactly this set makes one uniquely matchable pair.
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const [a, [beforeA, afterA]] = entries[i]!;
        const [b, [beforeB, afterB]] = entries[j]!;
        if (((datasets.get(a)?.fields ?? 0) & (datasets.get(b)?.fields ?? 0)) !== fieldSet) continue;
        const change = Number(afterA === 1 && afterB === 1) - Number(beforeA === 1 && beforeB === 1);
        if (change !== 0) bump(pairs, `${a}|${b}|${level}|${fieldSet}`, change);
      }
    }
  }
  const columns = (rows: typeof upserts) => [rows.map((r) => r.fields), rows.map((r) => r.level), rows.map((r) => r.key), rows.map((r) => r.dataset_id), rows.map((r) => r.size)];
  if (upserts.length > 0) {
    await tx.query(
      `INSERT INTO ${schema}.classes (fields, level, key, dataset_id, size) SELECT * FROM unnest($1::smallint[], $2::smallint[], $3::uuid[], $4::text[], $5::int[])
       ON CONFLICT (fields, level, key, dataset_id) DO UPDATE SET size = EXCLUDED.size`,
      columns(upserts),
    );
  }
  if (removals.length > 0) {
    await tx.query(
      `DELETE FROM ${schema}.classes c USING unnest($1::smallint[], $2::smallint[], $3::uuid[], $4::text[]) AS r(fields, level, key, dataset_id)
        WHERE c.fields = r.fields AND c.level = r.level AND c.key = r.key AND c.dataset_id = r.dataset_id`,
      columns(removals).slice(0, 4),
    );
  }
  await addCounts(tx, `${schema}.class_sizes`, ['dataset_id', 'level', 'class_size'], 'classes', histogram, ['text', 'smallint', 'int']);
  await addCounts(tx, `${schema}.pair_matches`, ['dataset_a', 'dataset_b', 'level', 'fields'], 'matches', pairs, ['text', 'text', 'smallint', 'smallint']);
}

/** Term frequencies of compared values, and per field the totals that give u. */
async function flushTerms(round: Round, tx: SqlTransaction, schema: string): Promise<void> {
  const changed = [...round.terms].filter(([, delta]) => delta !== 0);
  if (changed.length === 0) return;
  const split = changed.map(([id, delta]) => {
    const cut = id.indexOf('|');
    return { field: id.slice(0, cut), value: id.slice(cut + 1), delta };
  });
  const { rows } = await tx.query<{ field: string; value: string; records: number }>(
    `SELECT t.field, t.value, t.records FROM ${schema}.term_frequencies t
       JOIN unnest($1::text[], $2::text[]) AS k(field, value) USING (field, value)`,
    [split.map((s) => s.field), split.map((s) => s.value)],
  );
  const before = new Map(rows.map((r) => [`${r.field}|${r.value}`, r.records]));
  const totals = new Map<string, [number, number]>();
  for (const s of split) {
    const was = before.get(`${s.field}|${s.value}`) ?? 0;
    const now = was + s.delta;
    const [records, squares] = totals.get(s.field) ?? [0, 0];
    totals.set(s.field, [records + s.delta, squares + now * now - was * was]);
  }
  await addCounts(tx, `${schema}.term_frequencies`, ['field', 'value'], 'records', new Map(changed), ['text', 'text']);
  const fieldRows = [...totals].map(([field, [records, sumSquares]]) => ({ field, records, sum_squares: sumSquares }));
  await tx.query(
    `INSERT INTO ${schema}.field_frequencies SELECT * FROM jsonb_populate_recordset(NULL::${schema}.field_frequencies, $1::jsonb)
     ON CONFLICT (field) DO UPDATE SET records = ${schema}.field_frequencies.records + EXCLUDED.records,
       sum_squares = ${schema}.field_frequencies.sum_squares + EXCLUDED.sum_squares`,
    [JSON.stringify(fieldRows)],
  );
}

/**
 * Adds signed counts to a counting table keyed by `|`-joined columns, and drops rows that reach zero, so that
 * the table's content depends on the events alone and not on how they were batched.
 */
async function addCounts(tx: SqlTransaction, table: string, keyColumns: readonly string[], countColumn: string, deltas: ReadonlyMap<string, number>, types: readonly string[]): Promise<void> {
  const changed = [...deltas].filter(([, delta]) => delta !== 0);
  if (changed.length === 0) return;
  const columns = keyColumns.map((_, i) => changed.map(([id]) => splitKey(id, keyColumns.length)[i]));
  const params = [...columns, changed.map(([, delta]) => delta)];
  const unnest = `unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}, $${types.length + 1}::int[]) AS d(${keyColumns.join(', ')}, delta)`;
  const match = keyColumns.map((c) => `t.${c} = d.${c}`).join(' AND ');
  await tx.query(
    `INSERT INTO ${table} AS t (${keyColumns.join(', ')}, ${countColumn}) SELECT ${keyColumns.join(', ')}, delta FROM ${unnest}
     ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${countColumn} = t.${countColumn} + EXCLUDED.${countColumn}`,
    params,
  );
  await tx.query(`DELETE FROM ${table} t USING ${unnest} WHERE ${match} AND t.${countColumn} = 0`, params);
}

/** Splits `a|b|c` into its parts; the last part keeps any further `|` (values are fingerprints and ids, which have none). */
function splitKey(id: string, parts: number): string[] {
  const all = id.split('|');
  return [...all.slice(0, parts - 1), all.slice(parts - 1).join('|')];
}
