/** Bad input to a report: names the field and the reason, so a CLI user or an API client can fix it. */
export class ReportInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The period a report covers: [from, to), as instants. */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant from `2024-04-01` (the start of that day in Japan, where the reported agencies work) or an ISO 8601
 * date-time with a zone. A date that does not exist (2024-02-30) is refused rather than rolled over.
 */
export function reportInstant(value: string, field: string): Date {
  const text = value.trim();
  const iso = DATE_ONLY.test(text) ? `${text}T00:00:00+09:00` : text;
  if (!DATE_TIME.test(iso)) throw new ReportInputError(field, `must be a date (2024-04-01) or an ISO 8601 date-time with a time zone, got ${JSON.stringify(value)}`);
  const instant = new Date(iso);
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(instant.getTime()) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    throw new ReportInputError(field, `is not a real date: ${JSON.stringify(value)}`);
  }
  return instant;
}

export function reportPeriod(from: string, to: string): ReportPeriod {
  const period = { from: reportInstant(from, 'from'), to: reportInstant(to, 'to') };
  if (period.from >= period.to) throw new ReportInputError('to', `must be after from (${period.from.toISOString()}); the period is [from, to)`);
  return period;
}

/** A year before `instant`: the window of the PIA's "serious incident in the past year" and of staff counts. */
export function yearBefore(instant: Date): Date {
  const start = new Date(instant);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  return start;
}
