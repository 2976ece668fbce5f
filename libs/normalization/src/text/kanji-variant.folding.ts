import { KANJI_VARIANTS_TSV } from '../data/kanji-variants.data.js';

/** One line of the variant table. */
export interface KanjiVariantEntry {
  variant: string;
  standard: string;
  /** 1-based line number in the TSV, for error messages. */
  line: number;
}

/** Parses `variant<TAB>standard` lines; blank lines and `#` comments are skipped. A malformed line is a bug: throws. */
export function parseKanjiVariantTable(tsv: string): KanjiVariantEntry[] {
  const entries: KanjiVariantEntry[] = [];
  tsv.split('\n').forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '' || text.startsWith('#')) return;
    const fields = text.split('\t');
    if (fields.length !== 2 || fields.some((field) => [...field].length !== 1)) {
      throw new Error(`kanji variant table, line ${line}: expected "variant<TAB>standard", one character each: ${JSON.stringify(text)}`);
    }
    const [variant, standard] = fields as [string, string];
    entries.push({ variant, standard, line });
  });
  return entries;
}

/** The table as data: variant → standard form. Parsed once, when the module loads. */
export const KANJI_VARIANTS: ReadonlyMap<string, string> = new Map(
  parseKanjiVariantTable(KANJI_VARIANTS_TSV).map(({ variant, standard }) => [variant, standard]),
);

/**
 * Variation selectors: the ideographic ones (IVS, U+E0100–U+E01EF, e.g. 葛 + U+E0100 for the 葛飾 glyph) and the
 * standardized ones (U+FE00–U+FE0F). A selector only picks a glyph of the same character, so it is dropped.
 */
const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

/**
 * 異体字の統一: drops variation selectors and replaces each variant by its standard form (髙→高, 邊→辺, 𠮷→吉).
 * Expects NFKC text (the table leaves out what NFKC already folds). Iterates by code point, so characters outside
 * the BMP such as 𠮷 U+20BB7 fold too.
 */
export function foldKanjiVariants(text: string): string {
  let folded = '';
  for (const ch of text.replace(VARIATION_SELECTORS, '')) folded += KANJI_VARIANTS.get(ch) ?? ch;
  return folded;
}
