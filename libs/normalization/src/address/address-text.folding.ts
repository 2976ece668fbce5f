import { foldKanjiVariants } from '../text/kanji-variant.folding.js';
import { KANJI_NUMERAL_CHARACTERS, parseKanjiNumeral } from '../text/kanji-numeral.parsing.js';
import { removeSpaces } from '../text/white-space.folding.js';
import { foldBlockNumbers } from './block-number.folding.js';

/** ケ, ヶ, ヵ or が between two kanji (霞が関, 霞ヶ関, 霞ケ関): the genitive particle of a place name. */
const KE_BETWEEN_KANJI = /(?<=\p{Script=Han})[ケヶヵが](?=\p{Script=Han})/gu;

/** A kanji numeral before 丁目: 三丁目, 十二丁目. */
const KANJI_CHOME = new RegExp(`[${KANJI_NUMERAL_CHARACTERS}]+(?=丁目)`, 'gu');

/**
 * Hyphen-like characters as they look after NFKC (which already turns '－' U+FF0D into '-' and ‑ U+2011 into
 * ‐ U+2010): ‐ ‒ – — ― U+2010–U+2015 and minus − U+2212.
 */
const HYPHENS = /[\u2010-\u2015\u2212]/gu;

/** The long-vowel mark ー (also half-width ｰ after NFKC) after a digit is a hyphen typed in kana mode: 1ー2ー3. */
const LONG_VOWEL_MARKS_AFTER_DIGIT = /(?<=[0-9])ー+/gu;

/**
 * 住所表記の統一, in order: NFKC (half-width digits and Latin, full-width kana); spaces removed; kanji variants folded
 * as at the VARIANT name level (金澤 → 金沢); ケ/ヶ/ヵ/が between kanji → ケ; 漢数字 before 丁目 → digits
 * (三丁目 → 3丁目); hyphen-like characters → '-'; then the block part as hyphenated numbers (1丁目2番1号 → 1-2-1,
 * 1323番地の1 → 1323-1; see foldBlockNumbers). A ー after kana is a long-vowel mark (センター) and stays.
 */
export function foldAddressText(text: string): string {
  const folded = foldKanjiVariants(removeSpaces(text.normalize('NFKC')))
    .replace(KE_BETWEEN_KANJI, 'ケ')
    .replace(KANJI_CHOME, (numeral) => String(parseKanjiNumeral(numeral) ?? numeral))
    .replace(HYPHENS, '-')
    .replace(LONG_VOWEL_MARKS_AFTER_DIGIT, (run) => '-'.repeat(run.length));
  return foldBlockNumbers(folded);
}
