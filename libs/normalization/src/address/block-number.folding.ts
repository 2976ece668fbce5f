import { KANJI_NUMERAL_CHARACTERS, parseKanjiNumeral } from '../text/kanji-numeral.parsing.js';

const NUMBER = `[0-9${KANJI_NUMERAL_CHARACTERS}]+`;

/**
 * What follows a number of the block part (丁目・番地・番・号, or a separator): 丁目; 番地 and 番 (not 番町・番丁, which
 * are town names: 一番町); 号; の・ノ・之 between numbers (1323番地の1, 5ノ2); a hyphen (after folding, every dash is
 * '-'). 番地の and 番の count as one marker.
 */
const MARKER = `(?:丁目|番地[のノ之]?|番(?![町丁])[のノ之]?|号|[のノ之-](?=${NUMBER}))`;

/**
 * One run of the block part: numbers each followed by a marker, then perhaps a last bare number: in digits (2番1), or
 * in kanji after の or a hyphen (二番地の三), where a kanji could not begin a building's name.
 */
const BLOCK = new RegExp(`(?:${NUMBER}${MARKER})+(?:(?<=[のノ之-])${NUMBER}|[0-9]+(?![0-9${KANJI_NUMERAL_CHARACTERS}]))?`, 'gu');

/** A kanji numeral before 条 (札幌's 北一条西二丁目 is written 北1条西2丁目 too): digits, and 条 stays. */
const JO = new RegExp(`[${KANJI_NUMERAL_CHARACTERS}]+(?=条)`, 'gu');

/** 大字 before a town name: registers write it (軽井沢町大字長倉), letters and forms mostly drop it. */
const OAZA = /大字/gu;

/**
 * 丁目・番地・号の表記の統一: the block part of an address written as numbers joined by hyphens, so that
 * 「九段南一丁目2番1号」, 「九段南1-2-1」 and 「九段南１－２－１」 (after NFKC) are one key. Kanji numerals in the block
 * part become digits (二番地の三 → 2-3), as do those before 条 (北一条 → 北1条); 大字 is dropped. A number not followed by
 * a marker stays as it is (北1条西2丁目 keeps 1条), as do town names with 番町 or with a kanji numeral of their own (九段, 一番町). Expects NFKC text.
 */
export function foldBlockNumbers(text: string): string {
  return text.replace(OAZA, '').replace(JO, (numeral) => String(parseKanjiNumeral(numeral) ?? numeral)).replace(BLOCK, (block) => {
    const numbers = block.match(new RegExp(NUMBER, 'gu'))!.map((n) => (/^[0-9]+$/.test(n) ? String(Number(n)) : String(parseKanjiNumeral(n) ?? n)));
    return numbers.join('-');
  });
}
