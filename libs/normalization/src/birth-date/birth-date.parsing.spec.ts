import { NormalizationError } from '../normalization.errors.js';
import { parseBirthDate } from './birth-date.parsing.js';

const date = (year: number, month: number, day: number) => ({ year, month, day });

function errorOf(input: string, field?: string): NormalizationError {
  try {
    parseBirthDate(input, field);
  } catch (error) {
    if (error instanceof NormalizationError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('parseBirthDate', () => {
  describe('Western calendar', () => {
    it.each([
      ['1985-01-02', date(1985, 1, 2)],
      ['1985/01/02', date(1985, 1, 2)],
      ['1985.01.02', date(1985, 1, 2)],
      ['1985/1/2', date(1985, 1, 2)],
      ['19850102', date(1985, 1, 2)],
      ['1985年1月2日', date(1985, 1, 2)],
      ['１９８５－０１－０２', date(1985, 1, 2)],
      ['１９８５／１／２', date(1985, 1, 2)],
      ['１９８５０１０２', date(1985, 1, 2)],
      ['１９８５年１月２日', date(1985, 1, 2)],
      [' 1985-01-02 ', date(1985, 1, 2)],
      ['2000-02-29', date(2000, 2, 29)],
      ['2024-02-29', date(2024, 2, 29)],
      ['1999-12-31', date(1999, 12, 31)],
    ])('%j → %j', (input, expected) => {
      expect(parseBirthDate(input)).toEqual(expected);
    });
  });

  describe('Japanese eras (和暦)', () => {
    it.each([
      ['昭和60年1月2日', date(1985, 1, 2)],
      ['昭和６０年１月２日', date(1985, 1, 2)],
      ['昭和 60年 1月 2日', date(1985, 1, 2)],
      ['S60.1.2', date(1985, 1, 2)],
      ['s60.1.2', date(1985, 1, 2)],
      ['Ｓ６０．１．２', date(1985, 1, 2)],
      ['S60/01/02', date(1985, 1, 2)],
      ['昭60.1.2', date(1985, 1, 2)],
      ['平成元年1月8日', date(1989, 1, 8)],
      ['平成1年1月8日', date(1989, 1, 8)],
      ['H元.1.8', date(1989, 1, 8)],
      ['㍻元年1月8日', date(1989, 1, 8)],
      ['昭和64年1月7日', date(1989, 1, 7)],
      ['平成31年4月30日', date(2019, 4, 30)],
      ['令和元年5月1日', date(2019, 5, 1)],
      ['R2.2.29', date(2020, 2, 29)],
      ['㋿6年3月1日', date(2024, 3, 1)],
      ['大正元年7月30日', date(1912, 7, 30)],
      ['明治45年7月30日', date(1912, 7, 30)],
      ['T15.12.25', date(1926, 12, 25)],
      ['昭和元年12月25日', date(1926, 12, 25)],
      ['明治6年1月1日', date(1873, 1, 1)],
      ['M43.5.6', date(1910, 5, 6)],
    ])('%j → %j', (input, expected) => {
      expect(parseBirthDate(input)).toEqual(expected);
    });
  });

  describe('impossible dates are NormalizationErrors naming the field and the reason', () => {
    it.each([
      ['2023-02-29', /day 29 does not exist, 2023-02 has 28 days/],
      ['1900-02-29', /day 29 does not exist, 1900-02 has 28 days/],
      ['1985-13-01', /month 13 does not exist/],
      ['1985-00-10', /month 0 does not exist/],
      ['1985-04-31', /day 31 does not exist, 1985-04 has 30 days/],
      ['19850100', /day 0 does not exist/],
      ['0000-01-01', /year 0 is out of range/],
      ['平成32年1月1日', /平成 has no year 32, it ended in 平成31年 \(2019\)/],
      ['昭和65年1月1日', /昭和 has no year 65, it ended in 昭和64年 \(1989\)/],
      ['大正16年1月1日', /大正 has no year 16/],
      ['明治46年1月1日', /明治 has no year 46/],
      ['平成0年1月1日', /era years start at 1/],
      ['平成1年1月7日', /before 平成 began on 1989-01-08 \(1989-01-07 is 昭和64年1月7日\)/],
      ['昭和64年1月8日', /after 昭和 ended on 1989-01-07 \(1989-01-08 is 平成元年1月8日\)/],
      ['平成31年5月1日', /after 平成 ended on 2019-04-30 \(2019-05-01 is 令和元年5月1日\)/],
      ['令和元年4月30日', /before 令和 began on 2019-05-01/],
      ['大正元年7月29日', /before 大正 began on 1912-07-30/],
      ['昭和元年12月24日', /before 昭和 began on 1926-12-25/],
      ['明治5年12月1日', /Gregorian calendar; earlier dates are lunisolar/],
      ['令和5年2月29日', /day 29 does not exist, 2023-02 has 28 days/],
    ])('%j', (input, reason) => {
      const error = errorOf(input);
      expect(error.field).toBe('birthDate');
      expect(error.reason).toMatch(reason);
    });

    it('quotes an era date in its era, the first year as 元年', () => {
      expect(errorOf('平成1年1月7日').reason).toMatch(/^平成元年1月7日: /);
    });

    it('uses the field the caller names', () => {
      expect(errorOf('2023-02-29', 'subjects[0].birthDate').field).toBe('subjects[0].birthDate');
    });
  });

  describe('text that is not a date', () => {
    it.each(['', '  ', '1985-01', '85-01-02', '1985-01/02', '昭和60年1月', 'X60.1.2', '昭和六十年一月二日', 'yesterday'])('%j', (input) => {
      expect(errorOf(input).field).toBe('birthDate');
    });

    it('rejects a value that is not a string', () => {
      expect(errorOf(19850102 as unknown as string).reason).toBe('must be a string, got number');
    });
  });
});
