import { NormalizationError } from '../normalization.errors.js';
import { removeSpaces } from '../text/white-space.folding.js';
import { checkCalendarDate, type CalendarDate } from './calendar-date.js';
import { eraDateToGregorian, findEra } from './japanese-era.js';

/** A birth date: a Gregorian calendar day. */
export type BirthDate = CalendarDate;

// Patterns apply after NFKC (full-width digits and separators become ASCII, ㍻ becomes 平成) and space removal.
/** 1985-01-02, 1985/1/2, 1985.01.02: one separator, used twice. */
const WESTERN_SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/u;
/** 19850102. */
const WESTERN_COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
/** 1985年1月2日. */
const WESTERN_KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u;
/** An era by name, first kanji or letter: 昭和, 昭, S, s. */
const ERA = '(明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHRmtshr])(元|\\d{1,2})';
/** 昭和60年1月2日, 平成元年1月8日. */
const ERA_KANJI = new RegExp(`^${ERA}年(\\d{1,2})月(\\d{1,2})日$`, 'u');
/** S60.1.2, H元/1/8, 昭60-1-2. */
const ERA_SEPARATED = new RegExp(`^${ERA}([-/.])(\\d{1,2})\\3(\\d{1,2})$`, 'u');

const FORMATS = 'YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, YYYY年M月D日, or an era date such as 昭和60年1月2日 or S60.1.2';

/**
 * 生年月日の解析: accepts 1985-01-02, 1985/01/02, 19850102, 1985年1月2日, full-width digits, and 和暦 dates of
 * 明治 (from 明治6年, the first Gregorian year) to 令和, by name or abbreviation, with 元年 for the first year
 * (昭和60年1月2日, 平成元年1月8日, S60.1.2, ㍻元年1月8日). A date that does not exist — 2023-02-29, month 13, 平成32年,
 * 平成元年1月7日 (still 昭和) — is a NormalizationError naming `field` and the reason.
 */
export function parseBirthDate(input: string, field = 'birthDate'): BirthDate {
  if (typeof input !== 'string') throw new NormalizationError(field, `must be a string, got ${input === null ? 'null' : typeof input}`);
  const text = removeSpaces(input.normalize('NFKC'));
  if (text === '') throw new NormalizationError(field, 'must not be empty');

  const western = WESTERN_SEPARATED.exec(text);
  if (western) return checkCalendarDate(toDate(western[1]!, western[3]!, western[4]!), field, text);
  const compact = WESTERN_COMPACT.exec(text) ?? WESTERN_KANJI.exec(text);
  if (compact) return checkCalendarDate(toDate(compact[1]!, compact[2]!, compact[3]!), field, text);

  const eraKanji = ERA_KANJI.exec(text);
  if (eraKanji) return fromEra(eraKanji[1]!, eraKanji[2]!, eraKanji[3]!, eraKanji[4]!, field);
  const eraSeparated = ERA_SEPARATED.exec(text);
  if (eraSeparated) return fromEra(eraSeparated[1]!, eraSeparated[2]!, eraSeparated[4]!, eraSeparated[5]!, field);

  throw new NormalizationError(field, `${JSON.stringify(input)} is not a date: expected ${FORMATS}`);
}

function toDate(year: string, month: string, day: string): CalendarDate {
  return { year: Number(year), month: Number(month), day: Number(day) };
}

function fromEra(designator: string, eraYear: string, month: string, day: string, field: string): CalendarDate {
  const era = findEra(designator)!; // the pattern only lets designators of known eras through
  return eraDateToGregorian(era, eraYear === '元' ? 1 : Number(eraYear), Number(month), Number(day), field);
}
