import { NormalizationError } from '../normalization.errors.js';
import { checkCalendarDate, compareDates, formatIsoDate, type CalendarDate } from './calendar-date.js';

/**
 * 元号 — a Japanese era. `firstYear` is the Gregorian year of its first year (元年); `start` and `end` are its first
 * and last days, both inclusive. The changes of 1912 and 1926 took effect during the day of the emperor's death, so
 * that day belongs to both eras (明治45年7月30日 = 大正元年7月30日, 大正15年12月25日 = 昭和元年12月25日); the
 * changes of 1989 and 2019 took effect on the next day (昭和64年1月7日 was the last day of 昭和).
 */
export interface JapaneseEra {
  readonly name: '明治' | '大正' | '昭和' | '平成' | '令和';
  /** The Latin abbreviation used on forms: S60.1.2. */
  readonly letter: 'M' | 'T' | 'S' | 'H' | 'R';
  readonly firstYear: number;
  readonly start: CalendarDate;
  /** Absent for the current era. */
  readonly end?: CalendarDate;
}

/**
 * Japan adopted the Gregorian calendar on 明治6年1月1日 (1873-01-01); dates of 明治元年–5年 are lunisolar (旧暦) and
 * have no Gregorian day without a conversion table, so 明治 starts here on that day.
 */
export const GREGORIAN_ADOPTION: CalendarDate = { year: 1873, month: 1, day: 1 };

export const JAPANESE_ERAS: readonly JapaneseEra[] = [
  { name: '明治', letter: 'M', firstYear: 1868, start: GREGORIAN_ADOPTION, end: { year: 1912, month: 7, day: 30 } },
  { name: '大正', letter: 'T', firstYear: 1912, start: { year: 1912, month: 7, day: 30 }, end: { year: 1926, month: 12, day: 25 } },
  { name: '昭和', letter: 'S', firstYear: 1926, start: { year: 1926, month: 12, day: 25 }, end: { year: 1989, month: 1, day: 7 } },
  { name: '平成', letter: 'H', firstYear: 1989, start: { year: 1989, month: 1, day: 8 }, end: { year: 2019, month: 4, day: 30 } },
  { name: '令和', letter: 'R', firstYear: 2019, start: { year: 2019, month: 5, day: 1 } },
];

/** The era named by its name (昭和), its first kanji (昭) or its letter (S or s). */
export function findEra(designator: string): JapaneseEra | undefined {
  const upper = designator.toUpperCase();
  return JAPANESE_ERAS.find((era) => era.name === designator || era.name[0] === designator || era.letter === upper);
}

/** 和暦 → 西暦: the Gregorian date of `eraYear`/`month`/`day` of `era`, if the era has that day. */
export function eraDateToGregorian(era: JapaneseEra, eraYear: number, month: number, day: number, field: string): CalendarDate {
  const written = formatEraDate(era, eraYear, month, day);
  if (!Number.isInteger(eraYear) || eraYear < 1) throw new NormalizationError(field, `${written}: era years start at 1 (元年)`);
  if (era.end && eraYear > era.end.year - era.firstYear + 1) {
    const lastYear = era.end.year - era.firstYear + 1;
    throw new NormalizationError(field, `${written}: ${era.name} has no year ${eraYear}, it ended in ${era.name}${lastYear}年 (${era.end.year})`);
  }
  const date = checkCalendarDate({ year: era.firstYear + eraYear - 1, month, day }, field, written);
  if (compareDates(date, GREGORIAN_ADOPTION) < 0) {
    throw new NormalizationError(
      field,
      `${written}: before 明治6年1月1日 (1873-01-01), when Japan adopted the Gregorian calendar; earlier dates are lunisolar (旧暦)`,
    );
  }
  if (compareDates(date, era.start) < 0) {
    throw new NormalizationError(field, `${written}: before ${era.name} began on ${formatIsoDate(era.start)}${inOtherEra(date)}`);
  }
  if (era.end && compareDates(date, era.end) > 0) {
    throw new NormalizationError(field, `${written}: after ${era.name} ended on ${formatIsoDate(era.end)}${inOtherEra(date)}`);
  }
  return date;
}

/** 昭和60年1月2日; the first year is written 元年. */
export function formatEraDate(era: JapaneseEra, eraYear: number, month: number, day: number): string {
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
}

/** The era date that `date` is, for error messages: " (1989-01-07 is 昭和64年1月7日)". */
function inOtherEra(date: CalendarDate): string {
  const era = [...JAPANESE_ERAS]
    .reverse()
    .find((e) => compareDates(date, e.start) >= 0 && (!e.end || compareDates(date, e.end) <= 0));
  return era
    ? ` (${formatIsoDate(date)} is ${formatEraDate(era, date.year - era.firstYear + 1, date.month, date.day)})`
    : '';
}
