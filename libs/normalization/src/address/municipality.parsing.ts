import {
  COUNTIES_WITH_SUFFIX_INSIDE,
  MUNICIPALITIES_WITH_SUFFIX_INSIDE,
  TOKYO_ISLAND_PREFIXES,
} from '../data/municipality-exceptions.data.js';
import {
  DESIGNATED_CITIES,
  PREFECTURES,
  TOKYO_SPECIAL_WARDS,
  WARD_NAMES_SHARED_WITH_DESIGNATED_CITIES,
  type Prefecture,
} from '../data/prefectures.data.js';
import { NormalizationError } from '../normalization.errors.js';

/** An address split after its prefecture and municipality; `rest` starts with the municipality. */
export interface PrefectureSplit {
  prefecture: Prefecture;
  /** True when the address did not name the prefecture and it was inferred from the municipality. */
  inferred: boolean;
  /** The address after the prefecture. */
  rest: string;
}

/**
 * 都道府県の特定: the prefecture the (folded) address starts with. Without one, an address that starts with a
 * designated city (横浜市 → 神奈川県) or a Tokyo special ward whose name no designated city uses (新宿区 → 東京都)
 * names its prefecture implicitly; anything else is a NormalizationError.
 */
export function splitPrefecture(address: string, field: string): PrefectureSplit {
  const prefecture = PREFECTURES.find((name) => address.startsWith(name));
  if (prefecture) return { prefecture, inferred: false, rest: address.slice(prefecture.length) };
  const designated = DESIGNATED_CITIES.find(({ city }) => address.startsWith(city));
  if (designated) return { prefecture: designated.prefecture, inferred: true, rest: address };
  const ward = TOKYO_SPECIAL_WARDS.find((name) => address.startsWith(name));
  if (ward && !WARD_NAMES_SHARED_WITH_DESIGNATED_CITIES.includes(ward)) {
    return { prefecture: '東京都', inferred: true, rest: address };
  }
  const why = ward ? ` (${ward} is also a ward of designated cities, so it does not say which prefecture)` : '';
  throw new NormalizationError(
    field,
    `does not start with a prefecture (都道府県), nor with a designated city (政令指定都市) or Tokyo special ward (特別区) that implies one${why}`,
  );
}

/** Up to the first 市, 町, 村 or 郡 after the first character (so 市川市, 町田市 and 郡山市 come out whole). */
export const FIRST_SUFFIX = /^.+?[市町村郡]/u;
/** Up to the first 町 or 村 after the first character: a county holds only towns and villages. */
export const FIRST_TOWN_OR_VILLAGE = /^.+?[町村]/u;

/**
 * 市区町村の特定: the municipality at the start of `rest` (the address after its prefecture). A designated city
 * rather than its ward (横浜市, not 中区); Tokyo's special wards (千代田区); a town or village without its county
 * (虻田郡倶知安町 → 倶知安町); otherwise the name up to its first 市, 町 or 村 after the first character — except
 * the names listed in municipality-exceptions.data.ts, which hold one of those inside (四日市市, 大町市, 東村山市,
 * 大和郡山市 …).
 */
export function extractMunicipality(prefecture: Prefecture, rest: string, field: string): string {
  const designated = DESIGNATED_CITIES.find((d) => d.prefecture === prefecture && rest.startsWith(d.city));
  if (designated) return designated.city;
  if (prefecture === '東京都') {
    const ward = TOKYO_SPECIAL_WARDS.find((name) => rest.startsWith(name));
    if (ward) return ward;
    const island = TOKYO_ISLAND_PREFIXES.find((name) => rest.startsWith(name) && rest.length > name.length);
    if (island) return townOrVillage(rest.slice(island.length), `${prefecture}${island}`, field);
  }
  const listed = startsWithListed(rest, MUNICIPALITIES_WITH_SUFFIX_INSIDE);
  if (listed) return listed;
  const county = startsWithListed(rest, COUNTIES_WITH_SUFFIX_INSIDE) ?? FIRST_SUFFIX.exec(rest)?.[0];
  if (county === undefined) throw new NormalizationError(field, `no municipality (市区町村) after ${prefecture}`);
  if (!county.endsWith('郡')) return county;
  return townOrVillage(rest.slice(county.length), `${prefecture}${county}`, field);
}

function townOrVillage(rest: string, after: string, field: string): string {
  const name = startsWithListed(rest, MUNICIPALITIES_WITH_SUFFIX_INSIDE) ?? FIRST_TOWN_OR_VILLAGE.exec(rest)?.[0];
  if (name === undefined) throw new NormalizationError(field, `no town or village (町村) after ${after}`);
  return name;
}

function startsWithListed(text: string, names: readonly string[]): string | undefined {
  return names.find((name) => text.startsWith(name));
}
