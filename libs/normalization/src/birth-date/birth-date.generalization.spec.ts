import { NormalizationError } from '../normalization.errors.js';
import { BIRTH_DATE_LEVELS, generalizeBirthDate, type BirthDateLevel } from './birth-date.generalization.js';

describe('generalizeBirthDate', () => {
  const date = { year: 1985, month: 1, day: 2 };

  it('has the levels DAY, MONTH, YEAR', () => {
    expect(BIRTH_DATE_LEVELS).toEqual(['DAY', 'MONTH', 'YEAR']);
  });

  it.each([
    ['DAY', '1985-01-02'],
    ['MONTH', '1985-01'],
    ['YEAR', '1985'],
  ] as const)('%s → %s', (level, expected) => {
    expect(generalizeBirthDate(date, level)).toBe(expected);
  });

  it('pads the year to four digits', () => {
    expect(generalizeBirthDate({ year: 987, month: 12, day: 31 }, 'DAY')).toBe('0987-12-31');
  });

  it('rejects a date that does not exist and an unknown level', () => {
    expect(() => generalizeBirthDate({ year: 2023, month: 2, day: 29 }, 'YEAR')).toThrow(NormalizationError);
    expect(() => generalizeBirthDate(date, 'WEEK' as BirthDateLevel)).toThrow(/level: must be one of DAY, MONTH, YEAR/);
  });
});
