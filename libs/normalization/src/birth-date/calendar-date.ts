import { NormalizationError } from '../normalization.errors.js';

/** A day of the Gregorian calendar; `month` and `day` count from 1. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Gregorian leap years: every 4th year, except centuries not divisible by 400 (1900 is not, 2000 is). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** ISO 8601 calendar date, year padded to four digits: 1985-01-02. */
export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date if it exists (year 1–9999, month 1–12, day within the month), else a NormalizationError naming `field`.
 * `written` is the date as the caller wrote it, quoted in the reason.
 */
export function checkCalendarDate(date: CalendarDate, field: string, written = formatIsoDate(date)): CalendarDate {
  const { year, month, day } = date;
  if (![year, month, day].every(Number.isInteger)) throw new NormalizationError(field, `${written}: year, month and day must be integers`);
  if (year < 1 || year > 9999) throw new NormalizationError(field, `${written}: year ${year} is out of range (1–9999)`);
  if (month < 1 || month > 12) throw new NormalizationError(field, `${written}: month ${month} does not exist (1–12)`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    throw new NormalizationError(field, `${written}: day ${day} does not exist, ${year}-${String(month).padStart(2, '0')} has ${days} days`);
  }
  return { year, month, day };
}
