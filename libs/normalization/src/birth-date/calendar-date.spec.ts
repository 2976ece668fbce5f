import { compareDates, daysInMonth, isLeapYear } from './calendar-date.js';

describe('Gregorian calendar', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
  ])('%d is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('counts the days of each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('orders dates', () => {
    expect(compareDates({ year: 1989, month: 1, day: 7 }, { year: 1989, month: 1, day: 8 })).toBeLessThan(0);
    expect(compareDates({ year: 1989, month: 2, day: 1 }, { year: 1989, month: 1, day: 31 })).toBeGreaterThan(0);
    expect(compareDates({ year: 1989, month: 1, day: 8 }, { year: 1989, month: 1, day: 8 })).toBe(0);
  });
});
