import { DESIGNATED_CITY_WARDS_TSV, TOWNS } from './data/gimei-addresses.data.js';
import { toFullWidthDigits } from './birth-dates.js';
import { hashString, type Rng } from './prng.js';

export type MunicipalityKey = 'yokohama' | 'osaka' | 'sapporo' | 'chiyoda' | 'karuizawa';

/** A municipality the generated people live in, with the towns (町名・大字) it is dealt from gimei's list. */
export interface Municipality {
  key: MunicipalityKey;
  prefecture: string;
  /** 郡, for a town. */
  county?: string;
  /** 市区町村 as its name is written: 横浜市, 千代田区, 軽井沢町. */
  city: string;
  /** The address may leave the prefecture out (a designated city, or a Tokyo special ward). */
  prefectureImplied: boolean;
  wards: readonly string[];
  towns: readonly string[];
  /** Rural addresses: 大字 and 番地 rather than 丁目 and 住居表示. */
  rural: boolean;
}

const WARDS = DESIGNATED_CITY_WARDS_TSV.split('\n')
  .filter((l) => l.length > 0)
  .map((l) => l.split('\t') as [string, string]);
const ALL_TOWNS = TOWNS.split('\n').filter((l) => l.length > 0);

/** gimei's towns dealt out by index (every 20: 6 to 横浜市, 5 to 大阪市, 5 to 札幌市, 2 to 千代田区, 2 to 軽井沢町). */
const dealt = (slots: readonly number[], limit: number) => ALL_TOWNS.filter((_, i) => slots.includes(i % 20)).slice(0, limit);
const wardsOf = (city: string) => WARDS.filter(([c]) => c === city).map(([, w]) => w);

export const MUNICIPALITIES: Readonly<Record<MunicipalityKey, Municipality>> = {
  yokohama: { key: 'yokohama', prefecture: '神奈川県', city: '横浜市', prefectureImplied: true, wards: wardsOf('横浜市'), towns: dealt([0, 1, 2, 3, 4, 5], 400), rural: false },
  osaka: { key: 'osaka', prefecture: '大阪府', city: '大阪市', prefectureImplied: true, wards: wardsOf('大阪市'), towns: dealt([6, 7, 8, 9, 10], 400), rural: false },
  sapporo: { key: 'sapporo', prefecture: '北海道', city: '札幌市', prefectureImplied: true, wards: wardsOf('札幌市'), towns: dealt([11, 12, 13, 14, 15], 400), rural: false },
  chiyoda: { key: 'chiyoda', prefecture: '東京都', city: '千代田区', prefectureImplied: true, wards: [], towns: dealt([16, 17], 40), rural: false },
  karuizawa: { key: 'karuizawa', prefecture: '長野県', county: '北佐久郡', city: '軽井沢町', prefectureImplied: false, wards: [], towns: dealt([18, 19], 24), rural: true },
};

/** One dwelling, as the resident register would write it; render() writes it the way a dataset does. */
export interface Address {
  municipality: MunicipalityKey;
  ward: string | null;
  town: string;
  /** 丁目, when the town has them (住居表示). */
  chome: number | null;
  /** 番 (住居表示) or 番地. */
  block: number;
  /** 号 or 枝番. */
  unit: number | null;
  building: { name: string; room: number } | null;
}

const BUILDING_PREFIXES = ['コーポ', 'ハイツ', 'メゾン', 'パレス', 'レジデンス', 'サンハイツ', 'グリーンハイツ', 'ヴィラ', 'シャトー', 'エスポワール'];

/** How many 丁目 a town has (0: none), fixed per town name. */
function chomeCount(town: string, rural: boolean): number {
  if (rural) return 0;
  const h = hashString(town);
  return h % 10 < 7 ? 1 + (h >>> 8) % 6 : 0;
}

export function drawAddress(rng: Rng, municipality: Municipality, buildingSurname: string): Address {
  const ward = municipality.wards.length > 0 ? rng.pick(municipality.wards) : null;
  const town = rng.pick(municipality.towns);
  const chomes = chomeCount(town, municipality.rural);
  const chome = chomes > 0 ? 1 + rng.int(chomes) : null;
  const block = chome !== null ? 1 + rng.int(30) : 1 + rng.int(municipality.rural ? 2500 : 900);
  const unit = chome !== null ? 1 + rng.int(25) : rng.chance(0.6) ? 1 + rng.int(20) : null;
  const hasBuilding = !municipality.rural && rng.chance(0.45);
  const prefix = rng.pick(BUILDING_PREFIXES);
  const room = (1 + rng.int(8)) * 100 + 1 + rng.int(6);
  return { municipality: municipality.key, ward, town, chome, block, unit, building: hasBuilding ? { name: `${prefix}${buildingSurname}`, room } : null };
}

export type ChomeStyle = 'KANJI' | 'ARABIC' | 'FULL_WIDTH' | 'ALL_HYPHEN';
export type BlockStyle = 'JUKYO' | 'HYPHEN';

/** How a dataset writes addresses. Probabilities are per record. */
export interface AddressStyle {
  /** Writes the prefecture even where the city implies it. */
  prefecture: number;
  /** Writes the county (郡) of a town, and 大字 before a rural town name. */
  county: number;
  /** Writes ヶ rather than the official ケ in place names (保土ヶ谷区, 桜ヶ丘町). */
  smallKe: number;
  chome: readonly (readonly [ChomeStyle, number])[];
  block: readonly (readonly [BlockStyle, number])[];
  /** Keeps the building and room (方書). */
  building: number;
  /** Full-width digits for 番地 and 号 (and hyphens). */
  fullWidthDigits: number;
  /** Spaces between the parts (横浜市 港北区 日吉 …). */
  spaces: number;
}

const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const kanjiNumeral = (n: number) => (n < 10 ? KANJI_DIGITS[n]! : n < 20 ? `十${n % 10 ? KANJI_DIGITS[n % 10] : ''}` : `${KANJI_DIGITS[Math.floor(n / 10)]}十${n % 10 ? KANJI_DIGITS[n % 10] : ''}`);
const HYPHENS = [['-', 6], ['－', 2], ['‐', 1], ['−', 1], ['ー', 1]] as const;

/** The address the way the resident register writes it (prefecture, 郡, 漢数字の丁目, 番, 号, 方書). */
export function officialAddress(address: Address): string {
  const m = MUNICIPALITIES[address.municipality];
  const head = `${m.prefecture}${m.county ?? ''}${m.city}${address.ward ?? ''}${m.rural ? '大字' : ''}${address.town}`;
  const lot =
    address.chome !== null
      ? `${kanjiNumeral(address.chome)}丁目${address.block}番${address.unit}号`
      : `${address.block}番地${address.unit !== null ? address.unit : ''}`;
  const building = address.building ? `　${address.building.name}${address.building.room}号室` : '';
  return head + lot + building;
}

export function renderAddress(rng: Rng, address: Address, style: AddressStyle): string {
  const m = MUNICIPALITIES[address.municipality];
  // Draw every choice first, so that the number of draws does not depend on the address.
  const withPrefecture = rng.chance(style.prefecture) || !m.prefectureImplied;
  const withCounty = rng.chance(style.county);
  const smallKe = rng.chance(style.smallKe);
  const chomeStyle = rng.weighted(style.chome);
  const blockStyle = rng.weighted(style.block);
  const withBuilding = rng.chance(style.building);
  const fullWidth = rng.chance(style.fullWidthDigits);
  const spaced = rng.chance(style.spaces);
  const hyphen = rng.weighted(HYPHENS);
  const buildingSeparator = rng.weighted([['　', 3], [' ', 3], ['', 2]] as const);

  const ke = (name: string) => (smallKe ? name.replace(/ケ/g, 'ヶ') : name);
  const sp = spaced ? ' ' : '';
  const digits = (n: number) => (fullWidth ? toFullWidthDigits(String(n)) : String(n));
  const dash = fullWidth && hyphen === '-' ? '－' : hyphen;

  const parts: string[] = [];
  if (withPrefecture) parts.push(m.prefecture);
  parts.push(`${withCounty && m.county ? m.county : ''}${m.city}`);
  if (address.ward) parts.push(ke(address.ward));
  let lot: string;
  if (address.chome !== null) {
    if (chomeStyle === 'ALL_HYPHEN') lot = `${digits(address.chome)}${dash}${digits(address.block)}${dash}${digits(address.unit!)}`;
    else {
      const chome = chomeStyle === 'KANJI' ? kanjiNumeral(address.chome) : chomeStyle === 'FULL_WIDTH' ? toFullWidthDigits(String(address.chome)) : String(address.chome);
      lot = blockStyle === 'JUKYO' ? `${chome}丁目${digits(address.block)}番${digits(address.unit!)}号` : `${chome}丁目${digits(address.block)}${dash}${digits(address.unit!)}`;
    }
  } else if (blockStyle === 'JUKYO' || address.unit === null) {
    lot = `${digits(address.block)}番地${address.unit !== null ? digits(address.unit) : ''}`;
  } else {
    lot = `${digits(address.block)}${dash}${digits(address.unit)}`;
  }
  parts.push(`${m.rural && withCounty ? '大字' : ''}${ke(address.town)}${lot}`);
  let text = parts.join(sp);
  if (address.building && withBuilding) text += `${buildingSeparator}${address.building.name}${digits(address.building.room)}号室`;
  return text;
}
