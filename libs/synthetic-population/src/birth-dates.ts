import type { Rng } from './prng.js';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * How a birth date is written: 1985-01-02 (ISO), 1985/01/02, 1985/1/2, 19850102, 1985年1月2日, １９８５年１月２日
 * (full-width), 昭和60年1月2日, S60.1.2, S60.01.02 and 昭60.1.2 (和暦, 元年 for the first year of an era).
 */
export const BIRTH_DATE_FORMATS = [
  'ISO',
  'SLASH',
  'SLASH_SHORT',
  'COMPACT',
  'KANJI',
  'FULL_WIDTH_KANJI',
  'ERA_KANJI',
  'ERA_LETTER',
  'ERA_LETTER_PADDED',
  'ERA_ABBREVIATED',
] as const;
export type BirthDateFormat = (typeof BIRTH_DATE_FORMATS)[number];

/** The eras a living person can be born in, with their first day (元年 is the Gregorian year of that day). */
const ERAS = [
  { name: '令和', letter: 'R', start: { year: 2019, month: 5, day: 1 } },
  { name: '平成', letter: 'H', start: { year: 1989, month: 1, day: 8 } },
  { name: '昭和', letter: 'S', start: { year: 1926, month: 12, day: 25 } },
  { name: '大正', letter: 'T', start: { year: 1912, month: 7, day: 30 } },
] as const;

const compare = (a: CalendarDate, b: CalendarDate) => a.year - b.year || a.month - b.month || a.day - b.day;

/** 和暦: the era a date is in (the later era on a day that belongs to two) and the era year. */
export function toJapaneseEra(date: CalendarDate): { name: string; letter: string; year: number } {
  const era = ERAS.find((e) => compare(date, e.start) >= 0);
  if (!era) throw new RangeError(`no era for ${date.year}-${date.month}-${date.day}`);
  return { name: era.name, letter: era.letter, year: date.year - era.start.year + 1 };
}

const pad = (n: number) => String(n).padStart(2, '0');
const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
export const toFullWidthDigits = (text: string) => text.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!);

export function formatBirthDate(date: CalendarDate, format: BirthDateFormat): string {
  const { year, month, day } = date;
  switch (format) {
    case 'ISO':
      return `${year}-${pad(month)}-${pad(day)}`;
    case 'SLASH':
      return `${year}/${pad(month)}/${pad(day)}`;
    case 'SLASH_SHORT':
      return `${year}/${month}/${day}`;
    case 'COMPACT':
      return `${year}${pad(month)}${pad(day)}`;
    case 'KANJI':
      return `${year}年${month}月${day}日`;
    case 'FULL_WIDTH_KANJI':
      return toFullWidthDigits(`${year}年${month}月${day}日`);
    default: {
      const era = toJapaneseEra(date);
      const eraYear = era.year === 1 ? '元' : String(era.year);
      if (format === 'ERA_KANJI') return `${era.name}${eraYear}年${month}月${day}日`;
      if (format === 'ERA_LETTER') return `${era.letter}${eraYear}.${month}.${day}`;
      if (format === 'ERA_LETTER_PADDED') return `${era.letter}${era.year === 1 ? '元' : pad(era.year)}.${pad(month)}.${pad(day)}`;
      return `${era.name[0]}${eraYear}.${month}.${day}`;
    }
  }
}

export function renderBirthDate(rng: Rng, date: CalendarDate, formats: readonly (readonly [BirthDateFormat, number])[]): string {
  return formatBirthDate(date, rng.weighted(formats));
}

export const isoDate = (date: CalendarDate) => formatBirthDate(date, 'ISO');
