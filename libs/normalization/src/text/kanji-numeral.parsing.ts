const DIGITS: Readonly<Record<string, number>> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a kanji numeral (漢数字) below 10000 is written with (番地 run into the thousands). */
export const KANJI_NUMERAL_CHARACTERS = '〇一二三四五六七八九十百千';

/**
 * 漢数字 → number, below 10000: with 十, 百 and 千 as multipliers (三 = 3, 十二 = 12, 百五 = 105, 二千百四十 = 2140) or digit by
 * digit (二〇 = 20). `undefined` for anything else, e.g. multipliers out of order (十百) or digit runs before one.
 */
export function parseKanjiNumeral(text: string): number | undefined {
  if (text === '') return undefined;
  let total = 0;
  let pending: string | undefined; // digits not yet multiplied
  let lastMultiplier = Infinity;
  for (const ch of text) {
    const digit = DIGITS[ch];
    const multiplier = MULTIPLIERS[ch];
    if (digit !== undefined) {
      pending = (pending ?? '') + digit;
    } else if (multiplier !== undefined && multiplier < lastMultiplier) {
      if (pending !== undefined && (pending.length > 1 || pending === '0')) return undefined;
      total += (pending === undefined ? 1 : Number(pending)) * multiplier;
      pending = undefined;
      lastMultiplier = multiplier;
    } else {
      return undefined;
    }
  }
  if (pending !== undefined && lastMultiplier !== Infinity && pending.length > 1) return undefined;
  return total + (pending === undefined ? 0 : Number(pending));
}
