/**
 * 合成母集団 — a reproducible synthetic population for Himotoki (PRODUCT §1, §3, §6): ingestion commands for people
 * enrolled with My Numbers and registered in the datasets of municipalities, J-LIS, 日本年金機構, 税務署, health
 * insurers, employers and private businesses — their names, birth dates and addresses spelled the way each dataset
 * spells them (old kanji forms, kana scripts and widths, 和暦, 漢数字の丁目, ヶ/ケ, omitted prefectures) — with ties made
 * and cut, provisions, accesses, consents, certificate renewals, and a few planted violations listed in a manifest.
 * Pure: a seeded PRNG, no I/O, no clock.
 */
export { generatePopulation, DEFAULT_AS_OF, type Manifest, type Population, type PopulationOptions } from './population.js';
export { toNdjson } from './ndjson.js';
export {
  VIOLATION_RULES,
  RULE_DEFINITIONS,
  plantCount,
  massAccessCount,
  type IdentifierRef,
  type PlantedViolation,
  type ViolationRule,
} from './violations.js';
export { MAX_ACCESSES_PER_STAFF_DAY, MAX_DENIED_PER_STAFF_DAY } from './staff-ledger.js';
export { OLD_NAME_FORMS, NAME_KANJI_VARIANTS, standardForm, toHalfWidthKatakana, toHiragana } from './names.js';
export { BIRTH_DATE_FORMATS, formatBirthDate, toJapaneseEra, type BirthDateFormat, type CalendarDate } from './birth-dates.js';
export { Rng, hashString, permuteDigits } from './prng.js';
export { EVENTS_PER_SUBJECT, WORLD_EVENTS, eventLogSize, subjectAppends, subjectIdOf, subjectLife, worldAppend } from './event-log.js';
