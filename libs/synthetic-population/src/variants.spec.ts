import { generalizeAddress, normalizeAddress, normalizeName, parseBirthDate } from '#normalization';
import { MUNICIPALITIES, drawAddress, officialAddress, renderAddress, type AddressStyle } from './addresses.js';
import { BIRTH_DATE_FORMATS, formatBirthDate, toJapaneseEra, type CalendarDate } from './birth-dates.js';
import { NAME_KANJI_VARIANTS, OLD_NAME_FORMS, renderKanaName, renderKanjiName, standardForm, toHalfWidthKatakana, toHiragana } from './names.js';
import { drawProfile } from './profile.js';
import { Rng, hashString } from './prng.js';
import { parseInstant } from './time.js';
import { STYLES } from './world.js';

const AS_OF = parseInstant('2025-04-01T00:00:00+09:00');

describe('name variants', () => {
  it('folds every old or variant form to its standard form at the VARIANT level of #normalization, and not before', () => {
    for (const [standard, variants] of Object.entries(NAME_KANJI_VARIANTS)) {
      for (const variant of variants) {
        expect(normalizeName(`山${variant}`, 'VARIANT')).toBe(`山${standard}`);
        // 塚 U+FA10 is a compatibility ideograph: NFKC already folds it. The others survive until VARIANT.
        if (variant !== '\uFA10') expect(normalizeName(`山${variant}`, 'KANA')).toBe(`山${variant}`);
      }
    }
  });

  it('writes readings in hiragana and half-width katakana that fold back at the KANA level', () => {
    for (const kana of ['タカハシ', 'ガクト', 'ジュンペイ', 'ヴィヴィアン', 'キョウコ', 'ショウ']) {
      expect(normalizeName(toHiragana(kana), 'KANA')).toBe(kana);
      expect(normalizeName(toHalfWidthKatakana(kana), 'KANA')).toBe(kana);
      expect(toHalfWidthKatakana(kana)).not.toBe(kana);
    }
    expect(toHalfWidthKatakana('ガクト')).toBe('ｶﾞｸﾄ');
    expect(toHiragana('タカハシ')).toBe('たかはし');
  });

  it('spells one person differently in different datasets, all folding to one name at the VARIANT level', () => {
    const rng = Rng.stream(1, 'names', 0);
    let differentRaw = 0;
    for (let i = 0; i < 400; i++) {
      const { name } = drawProfile(hashString('names'), i, AS_OF);
      const folded = standardForm(`${name.last.kanji}${name.first.kanji}`);
      const spellings = new Set<string>();
      for (const style of Object.values(STYLES)) {
        const kanji = renderKanjiName(rng, name, style.name);
        spellings.add(kanji);
        expect(normalizeName(kanji, 'VARIANT')).toBe(normalizeName(folded, 'VARIANT'));
        expect(normalizeName(renderKanaName(rng, name, style.name), 'KANA')).toBe(`${name.last.kana}${name.first.kana}`);
      }
      if (spellings.size > 1) differentRaw++;
    }
    expect(differentRaw).toBeGreaterThan(200);
  });

  it('gives a realistic share of people an old form in the family register', () => {
    let old = 0;
    for (let i = 0; i < 2000; i++) {
      const { name } = drawProfile(hashString('old'), i, AS_OF);
      if ([...`${name.last.kanji}${name.first.kanji}`].some((ch) => OLD_NAME_FORMS.has(ch))) old++;
    }
    expect(old).toBeGreaterThan(40);
    expect(old).toBeLessThan(400);
  });
});

describe('birth dates', () => {
  const dates: CalendarDate[] = [
    { year: 1912, month: 7, day: 30 },
    { year: 1926, month: 12, day: 24 },
    { year: 1926, month: 12, day: 25 },
    { year: 1985, month: 1, day: 2 },
    { year: 1989, month: 1, day: 7 },
    { year: 1989, month: 1, day: 8 },
    { year: 2000, month: 2, day: 29 },
    { year: 2019, month: 4, day: 30 },
    { year: 2019, month: 5, day: 1 },
    { year: 2023, month: 12, day: 31 },
  ];

  it('writes the same day in every format, each read back to that day by #normalization', () => {
    for (const date of dates) for (const format of BIRTH_DATE_FORMATS) expect(parseBirthDate(formatBirthDate(date, format))).toEqual(date);
  });

  it('uses 元年 and the era letters as forms do', () => {
    expect(formatBirthDate({ year: 1985, month: 1, day: 2 }, 'ERA_LETTER')).toBe('S60.1.2');
    expect(formatBirthDate({ year: 1985, month: 1, day: 2 }, 'ERA_KANJI')).toBe('昭和60年1月2日');
    expect(formatBirthDate({ year: 1989, month: 1, day: 8 }, 'ERA_KANJI')).toBe('平成元年1月8日');
    expect(formatBirthDate({ year: 2019, month: 5, day: 1 }, 'ERA_LETTER_PADDED')).toBe('R元.05.01');
    expect(formatBirthDate({ year: 1985, month: 1, day: 2 }, 'FULL_WIDTH_KANJI')).toBe('１９８５年１月２日');
    expect(toJapaneseEra({ year: 1926, month: 12, day: 25 })).toEqual({ name: '昭和', letter: 'S', year: 1 });
  });
});

describe('addresses', () => {
  /** Only spellings that #normalization folds at the FULL level: every 丁目 and block notation (一丁目2番1号 = 1-2-1). */
  const foldable: AddressStyle = {
    prefecture: 0.5, county: 1, smallKe: 0.5, chome: [['KANJI', 1], ['ARABIC', 1], ['FULL_WIDTH', 1], ['ALL_HYPHEN', 1]], block: [['JUKYO', 1], ['HYPHEN', 1]],
    building: 1, fullWidthDigits: 0.5, spaces: 0.5,
  };

  it('renders every dataset style as an address #normalization reads, in the right municipality', () => {
    const rng = Rng.stream(3, 'addresses', 0);
    for (const m of Object.values(MUNICIPALITIES)) {
      for (let i = 0; i < 150; i++) {
        const address = drawAddress(rng, m, '佐藤');
        const official = normalizeAddress(officialAddress(address));
        expect(official.municipality).toBe(m.city);
        for (const style of [...Object.values(STYLES).map((s) => s.address), foldable]) {
          const written = renderAddress(rng, address, style);
          const read = normalizeAddress(written);
          expect(generalizeAddress(read, 'MUNICIPALITY')).toBe(generalizeAddress(official, 'MUNICIPALITY'));
          if (style === foldable) expect(read.full).toBe(official.full);
        }
      }
    }
  });

  it('writes 丁目 in 漢数字 in the register, and leaves the prefecture out of designated cities sometimes', () => {
    const rng = Rng.stream(4, 'addresses', 0);
    const yokohama = Array.from({ length: 200 }, () => drawAddress(rng, MUNICIPALITIES.yokohama, '鈴木'));
    expect(yokohama.some((a) => /[一二三四五六]丁目/.test(officialAddress(a)))).toBe(true);
    const retail = yokohama.map((a) => renderAddress(rng, a, STYLES.retail.address));
    expect(retail.filter((a) => a.startsWith('横浜市')).length).toBeGreaterThan(50);
    expect(retail.filter((a) => a.startsWith('神奈川県')).length).toBeGreaterThan(20);
  });
});
