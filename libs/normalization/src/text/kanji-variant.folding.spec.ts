import { KANJI_VARIANTS_TSV } from '../data/kanji-variants.data.js';
import { KANJI_VARIANTS, foldKanjiVariants, parseKanjiVariantTable } from './kanji-variant.folding.js';

const entries = parseKanjiVariantTable(KANJI_VARIANTS_TSV);

describe('kanji variant table (data/kanji-variants.data.ts)', () => {
  it('is loaded into a map with one entry per line', () => {
    expect(entries.length).toBeGreaterThan(300);
    expect(KANJI_VARIANTS.size).toBe(entries.length);
  });

  it('has no duplicate variants', () => {
    const variants = entries.map(({ variant }) => variant);
    expect(variants.filter((variant, i) => variants.indexOf(variant) !== i)).toEqual([]);
  });

  it('has no self-maps', () => {
    expect(entries.filter(({ variant, standard }) => variant === standard)).toEqual([]);
  });

  it('has no chains: a standard form is never itself a variant', () => {
    expect(entries.filter(({ standard }) => KANJI_VARIANTS.has(standard))).toEqual([]);
  });

  it('holds single code points that NFKC leaves alone (the table applies after NFKC)', () => {
    const offending = entries.filter(
      ({ variant, standard }) =>
        [...variant].length !== 1 || [...standard].length !== 1 || variant.normalize('NFKC') !== variant || standard.normalize('NFKC') !== standard,
    );
    expect(offending).toEqual([]);
  });

  it('holds the variants PRODUCT names', () => {
    const expected: [string, string][] = [
      ['髙', '高'], ['\uFA11', '崎'], ['邊', '辺'], ['邉', '辺'], ['澤', '沢'], ['濱', '浜'], ['濵', '浜'],
      ['齋', '斎'], ['齊', '斎'], ['廣', '広'], ['國', '国'],
    ];
    for (const [variant, standard] of expected) expect([variant, KANJI_VARIANTS.get(variant)]).toEqual([variant, standard]);
  });

  it('holds old forms of the 常用漢字表 with their standard forms', () => {
    const sample = '亞亜 惡悪 壓圧 圍囲 爲為 醫医 壹壱 隱隠 榮栄 營営 驛駅 圓円 應応 歐欧 假仮 價価 會会 學学 樂楽 氣気 櫻桜 號号 實実 寫写 壽寿 條条 眞真 戰戦 體体 臺台 瀧滝 團団 鐵鉄 德徳 變変 豐豊 萬万 與与 龍竜 辯弁 辨弁 瓣弁 藝芸 缺欠';
    for (const pair of sample.split(' ')) {
      const [variant, standard] = [...pair] as [string, string];
      expect(`${variant}→${KANJI_VARIANTS.get(variant)}`).toBe(`${variant}→${standard}`);
    }
  });

  it('leaves out the compatibility ideographs that NFKC already folds', () => {
    // 海 U+FA45, 逸 U+FA67, 塚 U+FA10: old forms in the 常用漢字表, decomposed by NFKC.
    for (const [compat, unified] of [['\uFA45', '海'], ['\uFA67', '逸'], ['\uFA10', '塚']] as const) {
      expect(compat.normalize('NFKC')).toBe(unified);
      expect(KANJI_VARIANTS.has(compat)).toBe(false);
    }
    // 﨑 U+FA11 has no decomposition: NFKC keeps it, so the table must hold it.
    expect('\uFA11'.normalize('NFKC')).toBe('\uFA11');
  });

  it('rejects a malformed line', () => {
    expect(() => parseKanjiVariantTable('髙\t高\n髙高')).toThrow(/line 2/);
    expect(() => parseKanjiVariantTable('髙\t高い')).toThrow(/line 1/);
  });

  it('skips comments and blank lines', () => {
    expect(parseKanjiVariantTable('# comment\n\n髙\t高\n')).toEqual([{ variant: '髙', standard: '高', line: 3 }]);
  });
});

describe('foldKanjiVariants', () => {
  it('replaces every variant and keeps everything else', () => {
    expect(foldKanjiVariants('渡邊と髙橋のヤマダ')).toBe('渡辺と高橋のヤマダ');
  });

  it('folds characters outside the BMP (𠮷 U+20BB7 → 吉)', () => {
    expect(foldKanjiVariants('\u{20BB7}野')).toBe('吉野');
  });

  it('drops ideographic and standardized variation selectors', () => {
    expect(foldKanjiVariants('葛\u{E0100}飾')).toBe('葛飾');
    expect(foldKanjiVariants('辻\u{E0101}')).toBe('辻');
    expect(foldKanjiVariants('神\uFE00')).toBe('神');
  });
});
