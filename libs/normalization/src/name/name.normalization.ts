import { NormalizationError } from '../normalization.errors.js';
import { hiraganaToKatakana, unifyLongVowelMarks } from '../text/kana.folding.js';
import { foldKanjiVariants } from '../text/kanji-variant.folding.js';
import { removeSpaces } from '../text/white-space.folding.js';

/**
 * Normalization levels of a name (氏名の正規化レベル), from the cheapest match to the most forgiving; each level
 * applies the folds of the ones before it (PRODUCT §6):
 * - `RAW`: trimmed;
 * - `NFKC`: Unicode NFKC (full-width Latin and digits to ASCII, half-width kana to full-width, compatibility
 *   ideographs such as 塚 U+FA10 to their unified form), then spaces of every width removed;
 * - `KANA`: hiragana folded to katakana, dashes after a kana unified to the long-vowel mark ー;
 * - `VARIANT`: kanji variants folded to one standard form (髙→高, 邊→辺 …, see data/kanji-variants.data.ts).
 */
export const NAME_LEVELS = ['RAW', 'NFKC', 'KANA', 'VARIANT'] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];

/** The name at `level`. An empty or white-space-only name is a NormalizationError naming `field`. */
export function normalizeName(value: string, level: NameLevel, field = 'name'): string {
  if (!(NAME_LEVELS as readonly unknown[]).includes(level)) {
    throw new NormalizationError('level', `must be one of ${NAME_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  }
  return normalizeNameAtAllLevels(value, field)[level];
}

/** The name at every level at once (each level is computed from the one before). */
export function normalizeNameAtAllLevels(value: string, field = 'name'): Record<NameLevel, string> {
  if (typeof value !== 'string') throw new NormalizationError(field, `must be a string, got ${value === null ? 'null' : typeof value}`);
  const RAW = value.trim();
  const NFKC = removeSpaces(RAW.normalize('NFKC'));
  if (NFKC === '') throw new NormalizationError(field, 'must not be empty or white space only');
  const KANA = unifyLongVowelMarks(hiraganaToKatakana(NFKC));
  const VARIANT = foldKanjiVariants(KANA);
  return { RAW, NFKC, KANA, VARIANT };
}
