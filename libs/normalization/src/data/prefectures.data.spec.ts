import { foldKanjiVariants } from '../text/kanji-variant.folding.js';
import { DESIGNATED_CITIES, PREFECTURES, TOKYO_SPECIAL_WARDS, WARD_NAMES_SHARED_WITH_DESIGNATED_CITIES } from './prefectures.data.js';
import { COUNTIES_WITH_SUFFIX_INSIDE, MUNICIPALITIES_WITH_SUFFIX_INSIDE, TOKYO_ISLAND_PREFIXES } from './municipality-exceptions.data.js';

describe('place-name data', () => {
  it('has the 47 prefectures: 1 都, 1 道, 2 府, 43 県', () => {
    expect(new Set(PREFECTURES).size).toBe(47);
    const suffixes = PREFECTURES.map((name) => name.slice(-1));
    expect(['都', '道', '府', '県'].map((s) => suffixes.filter((x) => x === s).length)).toEqual([1, 1, 2, 43]);
    expect(PREFECTURES[0]).toBe('北海道');
    expect(PREFECTURES[12]).toBe('東京都');
    expect(PREFECTURES[46]).toBe('沖縄県');
  });

  it('has the 20 designated cities, each a 市 of a listed prefecture', () => {
    expect(new Set(DESIGNATED_CITIES.map(({ city }) => city)).size).toBe(20);
    for (const { city, prefecture } of DESIGNATED_CITIES) {
      expect(city).toMatch(/市$/u);
      expect(PREFECTURES).toContain(prefecture);
    }
  });

  it("has Tokyo's 23 special wards; the names shared with designated cities are among them", () => {
    expect(new Set(TOKYO_SPECIAL_WARDS).size).toBe(23);
    for (const ward of TOKYO_SPECIAL_WARDS) expect(ward).toMatch(/区$/u);
    for (const name of WARD_NAMES_SHARED_WITH_DESIGNATED_CITIES) expect(TOKYO_SPECIAL_WARDS).toContain(name);
  });

  it('spells every name in folded form, so names match folded addresses', () => {
    const names = [
      ...PREFECTURES,
      ...DESIGNATED_CITIES.map(({ city }) => city),
      ...TOKYO_SPECIAL_WARDS,
      ...MUNICIPALITIES_WITH_SUFFIX_INSIDE,
      ...COUNTIES_WITH_SUFFIX_INSIDE,
      ...TOKYO_ISLAND_PREFIXES,
    ];
    expect(names.filter((name) => foldKanjiVariants(name.normalize('NFKC')) !== name)).toEqual([]);
  });
});
