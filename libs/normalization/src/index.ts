/**
 * 正規化 — Japanese normalization for measuring name-matching (名寄せ) risk (PRODUCT §6). Pure functions: no I/O.
 *
 * Names — `normalizeName(value, level, field = 'name')`; each level applies the folds of the ones before:
 * - `RAW`: trimmed.
 * - `NFKC`: Unicode NFKC (full-width Latin and digits → ASCII, half-width kana → full-width, compatibility
 *   ideographs → unified: 塚 U+FA10 → 塚), then spaces of every width removed (ASCII space, U+3000 ideographic
 *   space, NBSP, tabs, zero-width space …): '山田　太郎' = '山田 太郎' = '山田太郎'.
 * - `KANA`: hiragana → katakana ('たなか' = 'タナカ' = 'ﾀﾅｶ'); a dash after a kana (- ~ ‐ ‑ ‒ – — ― − 〜 and the
 *   full-width/half-width forms NFKC maps onto them) → the long-vowel mark ー.
 * - `VARIANT`: variation selectors dropped and kanji variants folded to one standard form (髙→高, 﨑→崎, 邊/邉→辺,
 *   澤→沢, 濱/濵→浜, 齋/齊→斎, 廣→広, 國→国 …): the old forms of the 常用漢字表 and common name variants, from the
 *   data file data/kanji-variants.data.ts, which names its sources.
 *
 * Birth dates — `parseBirthDate(input, field = 'birthDate')` reads 1985-01-02, 1985/01/02, 19850102, 1985年1月2日,
 * full-width digits and 和暦 (昭和60年1月2日, 平成元年1月8日, S60.1.2); `generalizeBirthDate(date, level)` gives
 * `DAY` 1985-01-02, `MONTH` 1985-01 or `YEAR` 1985.
 *
 * Addresses — `normalizeAddress(input, field = 'address')` gives { full, municipality, prefecture }: `full` is NFKC
 * without spaces, kanji variants folded, ケ/ヶ/ヵ/が between kanji → ケ, 漢数字 before 丁目 → digits, hyphen-like
 * characters → '-'; `prefecture` is read from the start or implied by a designated city or Tokyo ward;
 * `municipality` is the 市区町村 (a designated city, not its ward; a town without its county).
 * `generalizeAddress(address, level)` gives `FULL`, `MUNICIPALITY` (prefecture + municipality) or `PREFECTURE`.
 *
 * Times — `japanTime(at, 'ja' | 'en')` gives 2024年6月30日 15:00 JST / 2024-06-30 15:00 JST, `japanDay` the calendar day in
 * Japan, `japanIso` ISO 8601 with +09:00: what sentences and reports for people show.
 *
 * Bad input throws NormalizationError, which names the field and the reason.
 */
export * from './normalization.errors.js';
export * from './name/name.normalization.js';
export * from './birth-date/calendar-date.js';
export * from './birth-date/japanese-era.js';
export * from './birth-date/birth-date.parsing.js';
export * from './birth-date/birth-date.generalization.js';
export * from './address/address.normalization.js';
export { PREFECTURES, DESIGNATED_CITIES, TOKYO_SPECIAL_WARDS, type Prefecture } from './data/prefectures.data.js';
export { KANJI_VARIANTS, foldKanjiVariants } from './text/kanji-variant.folding.js';
export { japanDay, japanIso, japanTime, type Language } from './time/japan-time.format.js';
