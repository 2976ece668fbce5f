import { z } from 'zod';

/** Identifier kinds (番号の種類). Only fingerprints of their values ever reach the store. */
export const IDENTIFIER_KINDS = [
  'MY_NUMBER', // 個人番号
  'RESIDENT_CODE', // 住民票コード
  'AGENCY_CODE', // 機関別符号: what agencies exchange instead of the My Number
  'JPKI_SIGN_SERIAL', // 署名用電子証明書のシリアル番号
  'JPKI_AUTH_SERIAL', // 利用者証明用電子証明書のシリアル番号
  'PENSION_NUMBER', // 基礎年金番号
  'HEALTH_INSURANCE_NUMBER', // 被保険者番号
  'MEMBER_NUMBER', // a company's member or points-card number
  'INTERNAL_ID', // 団体内統合宛名番号
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Kinds whose values only mean something within one organization, so the scope is part of the identity. */
export const SCOPED_IDENTIFIER_KINDS: readonly IdentifierKind[] = ['AGENCY_CODE', 'MEMBER_NUMBER', 'INTERNAL_ID', 'HEALTH_INSURANCE_NUMBER'];

export const ORGANIZATION_KINDS = [
  'MUNICIPALITY',
  'MINISTRY',
  'PENSION',
  'TAX',
  'HEALTH_INSURER',
  'EMPLOYER',
  'PRIVATE_BUSINESS',
] as const;

export const DOMAINS = ['TAX', 'SOCIAL_SECURITY', 'DISASTER', 'PRIVATE'] as const;
export type Domain = (typeof DOMAINS)[number];

/** 基本4情報: name (kanji and kana), address, sex, date of birth. */
export const BASIC4_FIELDS = ['NAME_KANJI', 'NAME_KANA', 'ADDRESS', 'SEX', 'BIRTH_DATE'] as const;
export type Basic4Field = (typeof BASIC4_FIELDS)[number];

export const SEXES = ['MALE', 'FEMALE', 'OTHER', 'UNKNOWN'] as const;
export const RETIREMENT_REASONS = ['ROTATED', 'LEAKED', 'EXPIRED'] as const;
export const PROVISION_OUTCOMES = ['PROVIDED', 'REFUSED', 'NO_DATA'] as const;
export const ACCESS_OUTCOMES = ['GRANTED', 'DENIED'] as const;
export const ACCESS_CHANNELS = ['TERMINAL', 'BATCH', 'API', 'PAPER', 'COUNTER'] as const;

/** Ids chosen by clients (organizations, datasets, records, ties…): short, printable, never a personal number. */
export const entityId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1–128 letters, digits or . _ : - (starting with a letter or digit)');

/** Staff codes identify the official who acted (職員コード), as the organization knows them. */
export const staffCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits or . _ -');

/** A point in time, ISO 8601 with an offset (UTC `Z` or ±hh:mm), normalized to UTC milliseconds. */
export const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2024-04-01T09:00:00+09:00' })
  .transform((value) => new Date(value).toISOString());

/** Keyed fingerprint: HMAC-SHA-256, lowercase hex. */
export const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'must be a fingerprint (64 lowercase hex digits)');

/** Items of personal information (特定個人情報の項目), e.g. `TAX_AMOUNT`, `PENSION_RECORD`. */
export const item = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be an item code in UPPER_SNAKE_CASE');
export const items = z.array(item).min(1, 'must name at least one item').max(64);

/** Free text such as a purpose (利用目的), a procedure (事務) or a legal basis (根拠法令). */
export const text = (max = 500) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'must not contain control characters');
