import { NormalizationError } from '../normalization.errors.js';
import { checkCalendarDate, formatIsoDate } from './calendar-date.js';
import type { BirthDate } from './birth-date.parsing.js';

/** Generalization levels of a birth date (PRODUCT §6): the day, the year and month, the year. */
export const BIRTH_DATE_LEVELS = ['DAY', 'MONTH', 'YEAR'] as const;
export type BirthDateLevel = (typeof BIRTH_DATE_LEVELS)[number];

/** '1985-01-02' (DAY), '1985-01' (MONTH), '1985' (YEAR). A date that does not exist is a NormalizationError. */
export function generalizeBirthDate(date: BirthDate, level: BirthDateLevel, field = 'birthDate'): string {
  const iso = formatIsoDate(checkCalendarDate(date, field));
  switch (level) {
    case 'DAY':
      return iso;
    case 'MONTH':
      return iso.slice(0, 7);
    case 'YEAR':
      return iso.slice(0, 4);
  }
  throw new NormalizationError('level', `must be one of ${BIRTH_DATE_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
}
