/**
 * Kana folds of the KANA level. Half-width/full-width folding needs nothing here: NFKC, which runs first, already
 * turns ｶﾞ into ガ and ｰ into ー.
 */

/** ぁ U+3041 … ゖ U+3096 and the iteration marks ゝゞ U+309D–E: the katakana counterpart sits 0x60 higher. */
const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/gu;

/** 平仮名→片仮名: 'たなか' → 'タナカ', 'ゔ' → 'ヴ', 'ゝ' → 'ヽ'. */
export function hiraganaToKatakana(text: string): string {
  return text.replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** A kana letter or mark that a long-vowel mark can follow: hiragana, katakana, ー itself, small Ainu katakana. */
const KANA = '\\u3041-\\u3096\\u309D\\u309E\\u30A1-\\u30FA\\u30FC-\\u30FE\\u31F0-\\u31FF';

/**
 * Dashes typed for the long-vowel mark (長音符), as they look after NFKC: hyphen-minus '-' (also from full-width
 * '－'), tilde '~' (from '～'), ‐ ‑ ‒ – — ― U+2010–U+2015, minus − U+2212, wave dash 〜 U+301C, and ー U+30FC
 * itself (also from half-width 'ｰ').
 */
const DASHES = '\\-~\\u2010-\\u2015\\u2212\\u301C\\u30FC';

const DASHES_AFTER_KANA = new RegExp(`(?<=[${KANA}])[${DASHES}]+`, 'gu');

/**
 * 長音符の統一: a run of dashes right after a kana becomes as many ー ('ラ−メン', 'ラ〜メン' → 'ラーメン'). After a kana a
 * dash can only be a long-vowel mark; elsewhere ('A-1') it is left alone.
 */
export function unifyLongVowelMarks(text: string): string {
  return text.replace(DASHES_AFTER_KANA, (run) => 'ー'.repeat(run.length));
}
