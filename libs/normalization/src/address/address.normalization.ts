import type { Prefecture } from '../data/prefectures.data.js';
import { NormalizationError } from '../normalization.errors.js';
import { foldAddressText } from './address-text.folding.js';
import { extractMunicipality, splitPrefecture } from './municipality.parsing.js';

/** A normalized address: matching keys, in folded spelling (竜ケ崎市, not the official 龍ケ崎市). */
export interface NormalizedAddress {
  /** The whole address folded (see foldAddressText), always starting with the prefecture, inferred or not. */
  full: string;
  /** 市区町村: the city, Tokyo special ward, town or village; a designated city rather than its ward; no county. */
  municipality: string;
  /** 都道府県. */
  prefecture: Prefecture;
}

/**
 * 住所の正規化: folds the address text and finds its prefecture and municipality. An address without a
 * prefecture that no designated city or Tokyo ward implies, or without a municipality, is a NormalizationError.
 */
export function normalizeAddress(input: string, field = 'address'): NormalizedAddress {
  if (typeof input !== 'string') throw new NormalizationError(field, `must be a string, got ${input === null ? 'null' : typeof input}`);
  const folded = foldAddressText(input);
  if (folded === '') throw new NormalizationError(field, 'must not be empty or white space only');
  const { prefecture, rest } = splitPrefecture(folded, field);
  const municipality = extractMunicipality(prefecture, rest, field);
  return { full: `${prefecture}${rest}`, municipality, prefecture };
}

/** Generalization levels of an address (PRODUCT §6): the full address, the municipality, the prefecture. */
export const ADDRESS_LEVELS = ['FULL', 'MUNICIPALITY', 'PREFECTURE'] as const;
export type AddressLevel = (typeof ADDRESS_LEVELS)[number];

/**
 * The address at `level`. MUNICIPALITY keeps the prefecture in front (東京都府中市 and 広島県府中市 are two towns),
 * so the key is `${prefecture}${municipality}`.
 */
export function generalizeAddress(address: NormalizedAddress, level: AddressLevel): string {
  switch (level) {
    case 'FULL':
      return address.full;
    case 'MUNICIPALITY':
      return `${address.prefecture}${address.municipality}`;
    case 'PREFECTURE':
      return address.prefecture;
  }
  throw new NormalizationError('level', `must be one of ${ADDRESS_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
}
