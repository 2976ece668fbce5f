import { FEMALE_FIRST_NAMES_TSV, LAST_NAMES_TSV, MALE_FIRST_NAMES_TSV } from './data/gimei-names.data.js';
import type { Rng } from './prng.js';

/** A name part in kanji (as the family register writes it) and its reading in katakana. */
export interface NamePart {
  kanji: string;
  kana: string;
}

export interface PersonName {
  last: NamePart;
  first: NamePart;
}

function parseTsv(tsv: string): NamePart[] {
  return tsv
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [kanji, kana] = line.split('\t') as [string, string];
      return { kanji, kana };
    });
}

const LAST_NAMES = parseTsv(LAST_NAMES_TSV);
const MALE_FIRST_NAMES = parseTsv(MALE_FIRST_NAMES_TSV);
const FEMALE_FIRST_NAMES = parseTsv(FEMALE_FIRST_NAMES_TSV);

/** gimei lists surnames roughly by frequency: weight rank r by 1/(r + 8), a Zipf-like curve (佐藤 ≈ 50× 秋田). */
const LAST_NAME_CUMULATIVE = (() => {
  let total = 0;
  return LAST_NAMES.map((_, rank) => (total += 1 / (rank + 8)));
})();

export function drawSurname(rng: Rng): NamePart {
  return LAST_NAMES[rng.weightedIndex(LAST_NAME_CUMULATIVE)]!;
}

export function drawGivenName(rng: Rng, sex: 'MALE' | 'FEMALE'): NamePart {
  return rng.pick(sex === 'MALE' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
}

/**
 * 異体字 that occur in names: the standard form and the old or variant forms a family register may hold
 * (髙橋, 山﨑, 渡邊, 齋藤, 澤田, 濱田, 廣瀬, 國分 …). Every variant here folds to its standard form at the
 * VARIANT level of #normalization (塚 U+FA10 already at NFKC); the spec checks that.
 */
export const NAME_KANJI_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  高: ['髙'],
  崎: ['﨑', '嵜'],
  辺: ['邊', '邉'],
  斎: ['齋', '齊'],
  沢: ['澤'],
  浜: ['濱', '濵'],
  広: ['廣'],
  国: ['國'],
  島: ['嶋', '嶌'],
  富: ['冨'],
  桑: ['桒'],
  柳: ['栁'],
  峰: ['峯'],
  吉: ['𠮷'],
  徳: ['德'],
  恵: ['惠'],
  栄: ['榮'],
  真: ['眞'],
  実: ['實'],
  竜: ['龍'],
  滝: ['瀧'],
  桜: ['櫻'],
  関: ['關'],
  塚: ['\uFA10'],
  館: ['舘'],
  淵: ['渕'],
  条: ['條'],
  来: ['來'],
  寿: ['壽'],
  豊: ['豐'],
  礼: ['禮'],
  黒: ['黑'],
  万: ['萬'],
  遥: ['遙'],
  聡: ['聰'],
  晋: ['晉'],
};

const STANDARD_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(NAME_KANJI_VARIANTS).flatMap(([standard, variants]) => variants.map((v) => [v, standard] as const)),
);

/** Every old or variant form of NAME_KANJI_VARIANTS. */
export const OLD_NAME_FORMS: ReadonlySet<string> = new Set(STANDARD_OF.keys());

/** The name with every variant replaced by its standard form (what a system without 外字 stores). */
export function standardForm(kanji: string): string {
  let out = '';
  for (const ch of kanji) out += STANDARD_OF.get(ch) ?? ch;
  return out;
}

export function hasOldForm(kanji: string): boolean {
  for (const ch of kanji) if (OLD_NAME_FORMS.has(ch)) return true;
  return false;
}

/**
 * The family register's spelling: with probability p, one character that has an old form is written in it
 * (高橋 → 髙橋, 山崎 → 山﨑); names that already hold one (gimei's 廣, 眞, 惠 …) keep it.
 */
export function officialSpelling(rng: Rng, kanji: string, p: number): string {
  const chars = Array.from(kanji);
  const candidates = chars.map((ch, i) => (NAME_KANJI_VARIANTS[ch] ? i : -1)).filter((i) => i >= 0);
  const roll = rng.float();
  const which = rng.float();
  const variantRoll = rng.float();
  if (candidates.length === 0 || roll >= p) return kanji;
  const i = candidates[Math.floor(which * candidates.length)]!;
  const variants = NAME_KANJI_VARIANTS[chars[i]!]!;
  chars[i] = variants[Math.floor(variantRoll * variants.length)]!;
  return chars.join('');
}

// ---- kana ----

const HALF_WIDTH_OF: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let cp = 0xff61; cp <= 0xff9f; cp++) {
    const half = String.fromCharCode(cp);
    const full = half.normalize('NFKC');
    if (!map.has(full)) map.set(full, half);
  }
  map.set('\u3099', 'ﾞ');
  map.set('\u309a', 'ﾟ');
  map.set('\u309b', 'ﾞ');
  map.set('\u309c', 'ﾟ');
  return map;
})();

/** タカハシ → ﾀｶﾊｼ, ガ → ｶﾞ: half-width katakana as old mainframes and bank systems store it. */
export function toHalfWidthKatakana(katakana: string): string {
  let out = '';
  for (const ch of katakana) {
    const direct = HALF_WIDTH_OF.get(ch);
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    for (const part of ch.normalize('NFD')) out += HALF_WIDTH_OF.get(part) ?? part;
  }
  return out;
}

/** タカハシ → たかはし (ァ–ヶ shift to ぁ–ゖ; ー stays). */
export function toHiragana(katakana: string): string {
  let out = '';
  for (const ch of katakana) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0x30a1 && cp <= 0x30f6 ? String.fromCodePoint(cp - 0x60) : ch;
  }
  return out;
}

export type Separator = '　' | ' ' | '';
export type KanaScript = 'KATAKANA' | 'HIRAGANA' | 'HALF_WIDTH';

/** How one dataset writes a name: which spelling of the kanji, which script for the reading, what separator. */
export interface NameStyle {
  /** Probability that the record keeps the family register's old forms (a system with 外字). */
  official: number;
  kanjiSeparators: readonly (readonly [Separator, number])[];
  kanaScripts: readonly (readonly [KanaScript, number])[];
  kanaSeparators: readonly (readonly [Separator, number])[];
}

export function renderKanjiName(rng: Rng, name: PersonName, style: NameStyle): string {
  const keepOfficial = rng.chance(style.official);
  const separator = rng.weighted(style.kanjiSeparators);
  const last = keepOfficial ? name.last.kanji : standardForm(name.last.kanji);
  const first = keepOfficial ? name.first.kanji : standardForm(name.first.kanji);
  return `${last}${separator}${first}`;
}

export function renderKanaName(rng: Rng, name: PersonName, style: NameStyle): string {
  const script = rng.weighted(style.kanaScripts);
  const separator = rng.weighted(style.kanaSeparators);
  const convert = script === 'HIRAGANA' ? toHiragana : script === 'HALF_WIDTH' ? toHalfWidthKatakana : (s: string) => s;
  const sep = script === 'HALF_WIDTH' && separator === '　' ? ' ' : separator;
  return `${convert(name.last.kana)}${sep}${convert(name.first.kana)}`;
}
