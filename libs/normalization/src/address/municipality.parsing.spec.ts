import {
  COUNTIES_WITH_SUFFIX_INSIDE,
  MUNICIPALITIES_WITH_SUFFIX_INSIDE,
  TOKYO_ISLAND_PREFIXES,
} from '../data/municipality-exceptions.data.js';
import { NormalizationError } from '../normalization.errors.js';
import { FIRST_SUFFIX, FIRST_TOWN_OR_VILLAGE, extractMunicipality, splitPrefecture } from './municipality.parsing.js';

describe('municipality exception lists', () => {
  it.each(MUNICIPALITIES_WITH_SUFFIX_INSIDE)('%s is needed: the rule alone would cut it short', (name) => {
    expect(FIRST_SUFFIX.exec(name)?.[0]).not.toBe(name);
    expect(name).toMatch(/[市町村]$/u);
  });

  it.each(COUNTIES_WITH_SUFFIX_INSIDE)('%s is needed: the rule alone would cut it short', (name) => {
    expect(FIRST_SUFFIX.exec(name)?.[0]).not.toBe(name);
    expect(name).toMatch(/郡$/u);
  });

  it('the town rule after a county takes 上市町 whole, the city rule does not', () => {
    expect(FIRST_TOWN_OR_VILLAGE.exec('上市町法音寺')?.[0]).toBe('上市町');
    expect(FIRST_SUFFIX.exec('上市町法音寺')?.[0]).toBe('上市');
  });

  it('lists no name twice', () => {
    const names = [...MUNICIPALITIES_WITH_SUFFIX_INSIDE, ...COUNTIES_WITH_SUFFIX_INSIDE, ...TOKYO_ISLAND_PREFIXES];
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('extractMunicipality', () => {
  it.each([
    ['大阪府', '大阪市北区中之島1', '大阪市'],
    ['東京都', '北区王子本町1', '北区'],
    ['北海道', '虻田郡倶知安町北1条東3丁目', '倶知安町'],
    ['福島県', '郡山市朝日1', '郡山市'],
    ['奈良県', '大和郡山市北郡山町248-4', '大和郡山市'],
    ['東京都', '三宅島三宅村阿古497', '三宅村'],
  ] as const)('%s %s → %s', (prefecture, rest, municipality) => {
    expect(extractMunicipality(prefecture, rest, 'address')).toBe(municipality);
  });
});

describe('splitPrefecture', () => {
  it('reads a prefecture at the start', () => {
    expect(splitPrefecture('京都府京都市北区', 'address')).toEqual({ prefecture: '京都府', inferred: false, rest: '京都市北区' });
  });

  it('infers the prefecture of a designated city (京都市 does not start with 京都府)', () => {
    expect(splitPrefecture('京都市北区', 'address')).toEqual({ prefecture: '京都府', inferred: true, rest: '京都市北区' });
  });

  it('names the field when it cannot', () => {
    expect(() => splitPrefecture('府中市', 'home')).toThrow(NormalizationError);
    expect(() => splitPrefecture('府中市', 'home')).toThrow(/^home: /);
  });
});
