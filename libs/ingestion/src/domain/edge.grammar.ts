import { z } from 'zod';
import { invalid } from './domain.errors.js';
import { readItem } from './items.catalogue.js';

/**
 * The one grammar of values every edge accepts (入力の文法): command payloads, GraphQL scalars and query
 * arguments, and `himotoki import` all check their values here, so that nothing one door refuses enters by
 * another, and nothing accepted is a value some read model cannot hold. Each check answers a reason in words;
 * the caller names the field.
 *
 * Stored events keep the schemas they were written under (vocabulary.ts); this grammar is the narrower gate
 * in front of them.
 */

/** A check's verdict: the value (normalized), or why it is refused. */
export type Verdict<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The domain window of instants: years 1900 to 2199 in UTC. Inside what PostgreSQL `timestamptz` (4713 BC to
 * 294276 AD) and a JavaScript Date (±275760 years) hold, and wide enough for every record the platform keeps.
 */
export const INSTANT_WINDOW = { from: Date.UTC(1900, 0, 1), until: Date.UTC(2200, 0, 1) } as const;

/** Years a birth date may fall in: from 明治元年 (1868), the oldest era the birth-date parser reads, to the window's end. */
export const BIRTH_YEARS = { from: 1868, until: 2199 } as const;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * An instant: ISO 8601 with a zone (`Z` or ±hh:mm), a real calendar date and time of day, an offset of at most
 * 14 hours, inside `INSTANT_WINDOW`. Answered in UTC milliseconds (`2024-04-01T00:00:00.000Z`).
 */
export function checkInstant(value: unknown): Verdict<string> {
  const shape = 'must be an ISO 8601 date-time with a time zone, e.g. 2024-04-01T09:00:00+09:00';
  if (typeof value !== 'string') return { ok: false, reason: shape };
  const m = INSTANT.exec(value);
  if (!m) return { ok: false, reason: `${shape}, got ${JSON.stringify(value.slice(0, 60))}` };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { ok: false, reason: `${value.slice(0, 10)} is not a calendar date` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `${value.slice(11, 19)} is not a time of day` };
  if (m[8] !== 'Z' && (Number(m[9]) * 60 + Number(m[10]) > 14 * 60 || Number(m[10]) > 59)) return { ok: false, reason: `the offset ${m[8]} is not a time zone (at most ±14:00)` };
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return { ok: false, reason: shape };
  if (ms < INSTANT_WINDOW.from || ms >= INSTANT_WINDOW.until) return { ok: false, reason: 'must fall in the years 1900 to 2199 (UTC)' };
  return { ok: true, value: new Date(ms).toISOString() };
}

/** A lone UTF-16 surrogate: not Unicode text, and nothing PostgreSQL can store as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Control (Cc) and format (Cf: zero-width, bidi overrides, BOM) characters, and line or paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Text as people read it: well-formed Unicode with no control or format characters, so that what is stored
 * is what is shown (no NUL, no bidi override reversing an organization's name, no zero-width variant of it).
 */
export function checkText(value: string): Verdict<string> {
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return { ok: false, reason: `is not well-formed Unicode (a lone surrogate U+${codePoint(lone[0])} at ${lone.index})` };
  const invisible = INVISIBLE.exec(value);
  if (invisible) return { ok: false, reason: `must not contain control or format characters (U+${codePoint(invisible[0])} at ${invisible.index})` };
  return { ok: true, value };
}

const codePoint = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/**
 * An item of personal information (特定個人情報の項目) as a command or a query names it: a code or a name of the
 * item catalogue (`LOCAL_TAX_INCOME`, 「地方税関係情報」), answered as its code. The one place items are checked,
 * in queries as in commands.
 */
export function checkItem(value: string): Verdict<string> {
  const read = readItem(value);
  return read.ok ? { ok: true, value: read.item.code } : { ok: false, reason: read.reason };
}

/** A zod schema of strings that a verdict-returning check accepts, answering its normalized value. */
const checked = <T>(check: (value: string) => Verdict<T>) =>
  z.string().transform((value, ctx): T => {
    const verdict = check(value);
    if (verdict.ok) return verdict.value;
    ctx.addIssue({ code: 'custom', message: verdict.reason });
    return z.NEVER;
  });

/** An instant at the edge (see `checkInstant`). */
export const edgeInstant = checked((value) => checkInstant(value));

/** Free text at the edge (a purpose, a procedure, a name): trimmed, 1 to `max` characters, `checkText`. */
export const edgeText = (max = 500) =>
  // Checked before trimming: a line break or a BOM at an end is refused, as it is where nothing trims it.
  checked(checkText).pipe(z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

/** A raw value read by a person (a name, an address, an identifier's value): at most `max` characters, `checkText`. */
export const edgeString = (max: number) => z.string().max(max, `must be at most ${max} characters`).pipe(checked(checkText));

/** An item at the edge (see `checkItem`). */
export const edgeItem = checked(checkItem);
export const edgeItems = z.array(edgeItem).min(1, 'must name at least one item').max(64);

/** The item a query or command names, or a refusal naming `field` (BAD_USER_INPUT at the API). */
export function parseItem(value: string, field: string): string {
  const verdict = checkItem(value);
  if (!verdict.ok) throw invalid(field, verdict.reason);
  return verdict.value;
}

/** The instant a query or command gives, in UTC, or a refusal naming `field`. */
export function parseInstant(value: string, field: string): string {
  const verdict = checkInstant(value);
  if (!verdict.ok) throw invalid(field, verdict.reason);
  return verdict.value;
}
