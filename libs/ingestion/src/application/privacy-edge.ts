import { z } from 'zod';
import {
  ADDRESS_LEVELS,
  BIRTH_DATE_LEVELS,
  NAME_LEVELS,
  NormalizationError,
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

/** An identifier as a command names it: raw, never stored. */
export const identifierInput = z.strictObject({
  kind: z.enum(IDENTIFIER_KINDS),
  value: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  scope: entityId.nullish(),
});
export type IdentifierInput = z.output<typeof identifierInput>;

/** Basic-4 information (基本4情報) as a command gives it: raw, never stored. */
export const basic4Input = z.strictObject({
  nameKanji: z.string().max(100, 'must be at most 100 characters').optional(),
  nameKana: z.string().max(100, 'must be at most 100 characters').optional(),
  birthDate: z.string().max(40, 'must be at most 40 characters').optional(),
  sex: z.enum(SEXES).optional(),
  address: z.string().max(300, 'must be at most 300 characters').optional(),
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

  basic4(input: Basic4Input, field: string): Basic4Fingerprints {
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

function translateNormalizationErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof NormalizationError) throw invalid(error.field, error.reason);
    throw error;
  }
}
