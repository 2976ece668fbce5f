import canonicalize from 'canonicalize';
import { z } from 'zod';
import {
  ADDRESS_LEVELS,
  BIRTH_DATE_LEVELS,
  NAME_LEVELS,
  NormalizationError,
  compareDates,
  formatIsoDate,
  type CalendarDate,
  generalizeAddress,
  generalizeBirthDate,
  normalizeAddress,
  normalizeNameAtAllLevels,
  parseBirthDate,
} from '#normalization';
import type { Fingerprinter } from '#privacy';
import { invalid } from '../domain/domain.errors.js';
import { type Basic4Fingerprints, entityId, IDENTIFIER_KINDS, type IdentifierKind, SEXES } from '#vocabulary';
import { checkIdentifierScope, normalizeIdentifierValue } from '../domain/identifiers/identifier-value.js';
import { BIRTH_YEARS, edgeInstant, edgeString } from '../domain/edge.grammar.js';

/** An identifier as a command names it: raw, never stored. */
export const identifierInput = z.strictObject({
  kind: z.enum(IDENTIFIER_KINDS),
  value: z.string().min(1, 'must not be empty').pipe(edgeString(100)),
  scope: entityId.nullish(),
});
export type IdentifierInput = z.output<typeof identifierInput>;

/** An identifier being issued, with the end of its validity where it has one. */
export const issuedIdentifierInput = identifierInput.extend({ validUntil: edgeInstant.nullish() });

/** Basic-4 information (基本4情報) as a command gives it: raw, never stored. */
export const basic4Input = z.strictObject({
  nameKanji: edgeString(100).optional(),
  nameKana: edgeString(100).optional(),
  birthDate: edgeString(40).optional(),
  sex: z.enum(SEXES).optional(),
  address: edgeString(300).optional(),
});
export type Basic4Input = z.output<typeof basic4Input>;

export interface FingerprintedIdentifier {
  kind: IdentifierKind;
  scope: string | null;
  fingerprint: string;
}

/**
 * Privacy at the edge (PRODUCT §4): raw identifiers and basic-4 values are normalized and replaced by keyed
 * fingerprints before any event is built — names at each normalization level, birth dates and addresses at
 * each generalization level — so that equality can still be measured and nothing readable is kept.
 */
export class PrivacyEdge {
  constructor(private readonly fingerprinter: Fingerprinter) {}

  identifier(input: IdentifierInput, field: string): FingerprintedIdentifier {
    const value = normalizeIdentifierValue(input.kind, input.value, `${field}.value`);
    const scope = checkIdentifierScope(input.kind, input.scope, `${field}.scope`);
    return { kind: input.kind, scope, fingerprint: this.fingerprinter.fingerprint('identifier', input.kind, scope ?? '', value) };
  }

  /**
   * What makes two sends of one commandId the same command: a keyed digest (HMAC, so that it says nothing of
   * the raw identifiers inside) of its type and its payload as validated (instants in UTC, text trimmed, absent
   * and null alike), serialized canonically (RFC 8785, keys in order).
   */
  commandDigest(type: string, payload: unknown): string {
    return this.fingerprinter.fingerprint('command', type, canonicalize(payload) ?? 'null');
  }

  /** `asOf`: the record's own time (an instant in UTC); its birth date may not fall after it. */
  basic4(input: Basic4Input, field: string, asOf: string): Basic4Fingerprints {
    return translateNormalizationErrors(() => {
      const fp = (name: string, level: string, value: string) => this.fingerprinter.fingerprint('basic4', name, level, value);
      const names = (name: 'nameKanji' | 'nameKana', raw: string) => {
        const levels = normalizeNameAtAllLevels(raw, `${field}.${name}`);
        return Object.fromEntries(NAME_LEVELS.map((level) => [level, fp(name, level, levels[level])])) as Record<(typeof NAME_LEVELS)[number], string>;
      };
      const result: Basic4Fingerprints = {};
      if (input.nameKanji !== undefined) result.nameKanji = names('nameKanji', input.nameKanji);
      if (input.nameKana !== undefined) result.nameKana = names('nameKana', input.nameKana);
      if (input.birthDate !== undefined) {
        const date = parseBirthDate(input.birthDate, `${field}.birthDate`);
        checkBirthDate(date, asOf, `${field}.birthDate`);
        result.birthDate = Object.fromEntries(
          BIRTH_DATE_LEVELS.map((level) => [level, fp('birthDate', level, generalizeBirthDate(date, level))]),
        ) as Record<(typeof BIRTH_DATE_LEVELS)[number], string>;
      }
      if (input.sex !== undefined) result.sex = fp('sex', 'RAW', input.sex);
      if (input.address !== undefined) {
        const address = normalizeAddress(input.address, `${field}.address`);
        result.address = Object.fromEntries(
          ADDRESS_LEVELS.map((level) => [level, fp('address', level, generalizeAddress(address, level))]),
        ) as Record<(typeof ADDRESS_LEVELS)[number], string>;
      }
      return result;
    });
  }
}

/** Japan's calendar date at an instant: birth dates are registered in Japanese time (+09:00). */
const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

/** A birth date inside `BIRTH_YEARS` and not after the record's own date (its date in Japan at `asOf`). */
function checkBirthDate(date: CalendarDate, asOf: string, field: string): void {
  if (date.year < BIRTH_YEARS.from || date.year > BIRTH_YEARS.until) throw invalid(field, `${formatIsoDate(date)}: must fall in the years ${BIRTH_YEARS.from} to ${BIRTH_YEARS.until}`);
  const today = new Date(Date.parse(asOf) + JAPAN_OFFSET_MS);
  const recordDate = { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() };
  if (compareDates(date, recordDate) > 0) throw invalid(field, `${formatIsoDate(date)} is after the record's own date (${formatIsoDate(recordDate)} in Japan)`);
}

function translateNormalizationErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof NormalizationError) throw invalid(error.field, error.reason);
    throw error;
  }
}
