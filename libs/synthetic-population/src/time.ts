import type { Rng } from './prng.js';

/** Times are whole seconds since the Unix epoch; they are written in Japan Standard Time (+09:00). */
export type Seconds = number;

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;
const JST_OFFSET = 9 * HOUR;

/** 2019-04-01T00:00:00+09:00 — the start of every generated timeline (FY2019). */
export const TIMELINE_START: Seconds = Date.UTC(2019, 3, 1) / 1000 - JST_OFFSET;

/** `2024-04-01T09:30:00+09:00`. */
export function formatJst(t: Seconds): string {
  return new Date((t + JST_OFFSET) * 1000).toISOString().slice(0, 19) + '+09:00';
}

/** Parses an ISO 8601 instant with an offset into seconds. */
export function parseInstant(text: string): Seconds {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms) || !/(Z|[+-]\d{2}:\d{2})$/.test(text)) throw new RangeError(`not an ISO 8601 instant with an offset: ${JSON.stringify(text)}`);
  return Math.floor(ms / 1000);
}

/** The JST calendar day number (days since 1970-01-01 in JST). */
export function jstDay(t: Seconds): number {
  return Math.floor((t + JST_OFFSET) / DAY);
}

/** The instant of JST midnight starting `day`. */
export function jstMidnight(day: number): Seconds {
  return day * DAY - JST_OFFSET;
}

/** 0 = Sunday … 6 = Saturday, in JST. */
export function jstWeekday(t: Seconds): number {
  return (jstDay(t) + 4) % 7;
}

/** The JST calendar date of `t`. */
export function jstDate(t: Seconds): { year: number; month: number; day: number } {
  const d = new Date((t + JST_OFFSET) * 1000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The same JST wall-clock time `years` years later (29 February → 28 February). */
export function addYears(t: Seconds, years: number): Seconds {
  const d = new Date((t + JST_OFFSET) * 1000);
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0);
  return d.getTime() / 1000 - JST_OFFSET;
}

/**
 * A time on a weekday between 08:30 and 17:15 JST (office hours), on a day drawn uniformly from [from, to).
 * Never earlier than `from`; if the window holds no office hours, a time just after `from`.
 */
export function officeTime(rng: Rng, from: Seconds, to: Seconds): Seconds {
  const firstDay = jstDay(from);
  const lastDay = jstDay(Math.max(from, to - 1));
  let day = firstDay + rng.int(lastDay - firstDay + 1);
  const weekday = (day + 4) % 7;
  if (weekday === 6) day += 2;
  else if (weekday === 0) day += 1;
  const t = jstMidnight(day) + 8 * HOUR + 30 * MINUTE + rng.int(8 * HOUR + 45 * MINUTE);
  if (t < from) return from + 1 + rng.int(10 * MINUTE);
  return t;
}

/** A time of day between 07:00 and 23:00 JST on a day drawn uniformly from [from, to) (online services). */
export function wakingTime(rng: Rng, from: Seconds, to: Seconds): Seconds {
  const firstDay = jstDay(from);
  const lastDay = jstDay(Math.max(from, to - 1));
  const day = firstDay + rng.int(lastDay - firstDay + 1);
  const t = jstMidnight(day) + 7 * HOUR + rng.int(16 * HOUR);
  if (t < from) return from + 1 + rng.int(10 * MINUTE);
  return t;
}
