import { hash } from 'node:crypto';
import type { Basic4Field, Basic4Fingerprints } from '#vocabulary';

/**
 * Levels at which a record's quasi-identifier key (name, birth date, sex, address) is compared (PRODUCT §6),
 * cheapest match first: the four name normalizations at full detail, then two generalizations on top of the
 * most folded names. A match at RAW needs nothing but string equality; each later level costs the matcher
 * more work (or, for the generalizations, gives it less detail).
 */
export const EXPOSURE_LEVELS = ['RAW', 'NFKC', 'KANA', 'VARIANT', 'MONTH_MUNICIPALITY', 'YEAR_PREFECTURE'] as const;
export type ExposureLevel = (typeof EXPOSURE_LEVELS)[number];

/** A level as the read model stores it: its place in EXPOSURE_LEVELS. */
export const levelNumber = (level: ExposureLevel): number => EXPOSURE_LEVELS.indexOf(level);

type NameLevel = 'RAW' | 'NFKC' | 'KANA' | 'VARIANT';
interface LevelSpec {
  name: NameLevel;
  birthDate: 'DAY' | 'MONTH' | 'YEAR';
  /** Addresses are compared normalized at every level: there is no raw address fingerprint. */
  address: 'FULL' | 'MUNICIPALITY' | 'PREFECTURE';
}

/** What each level compares, field by field. */
export const LEVEL_SPECS: Readonly<Record<ExposureLevel, LevelSpec>> = {
  RAW: { name: 'RAW', birthDate: 'DAY', address: 'FULL' },
  NFKC: { name: 'NFKC', birthDate: 'DAY', address: 'FULL' },
  KANA: { name: 'KANA', birthDate: 'DAY', address: 'FULL' },
  VARIANT: { name: 'VARIANT', birthDate: 'DAY', address: 'FULL' },
  MONTH_MUNICIPALITY: { name: 'VARIANT', birthDate: 'MONTH', address: 'MUNICIPALITY' },
  YEAR_PREFECTURE: { name: 'VARIANT', birthDate: 'YEAR', address: 'PREFECTURE' },
};

/** The basic-4 fields of a key, as bits: a set of fields is one small integer. */
export const FIELD_BITS: Readonly<Record<Basic4Field, number>> = { NAME_KANJI: 1, NAME_KANA: 2, BIRTH_DATE: 4, SEX: 8, ADDRESS: 16 };
const FIELDS = Object.keys(FIELD_BITS) as Basic4Field[];

export const fieldSetOf = (fields: readonly Basic4Field[]): number => fields.reduce((set, field) => set | FIELD_BITS[field], 0);
const FIELDS_OF = Array.from({ length: 32 }, (_, set) => Object.freeze(FIELDS.filter((field) => (set & FIELD_BITS[field]) !== 0)));
export const fieldsOf = (set: number): readonly Basic4Field[] => FIELDS_OF[set]!;

/** The value of one field of a record at a level (a keyed fingerprint), or null when the record lacks it. */
export function fieldValue(basic4: Basic4Fingerprints, field: Basic4Field, level: ExposureLevel): string | null {
  const spec = LEVEL_SPECS[level];
  switch (field) {
    case 'NAME_KANJI':
      return basic4.nameKanji?.[spec.name] ?? null;
    case 'NAME_KANA':
      return basic4.nameKana?.[spec.name] ?? null;
    case 'BIRTH_DATE':
      return basic4.birthDate?.[spec.birthDate] ?? null;
    case 'SEX':
      return basic4.sex ?? null;
    case 'ADDRESS':
      return basic4.address?.[spec.address] ?? null;
  }
}

/**
 * The record's key over a set of fields at a level, as a uuid-shaped digest of the field values. A value the
 * record lacks is part of the key as "absent", a value of its own: records that both lack it fall in one class
 * (sdcMicro would let it match any value instead; see the README).
 */
export function keyOf(basic4: Basic4Fingerprints, fieldSet: number, level: ExposureLevel): string {
  let text = '';
  for (const field of fieldsOf(fieldSet)) text += `${field}=${fieldValue(basic4, field, level) ?? '-'};`;
  const hex = hash('sha256', text, 'hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The field sets a dataset's records are keyed over: its own fields (for its k-anonymity), and the fields it
 * shares with each other dataset (for matchability, PRODUCT §6: two records match on the key both datasets
 * hold, whichever fields that is — birth date, sex and address single a person out as well as a name can, and
 * whether they do is what the class sizes measure).
 */
export function keyFieldSets(own: number, others: Iterable<number>): number[] {
  const sets = new Set<number>([own]);
  for (const other of others) {
    const shared = own & other;
    if (shared !== 0) sets.add(shared);
  }
  return [...sets].sort((a, b) => a - b);
}
