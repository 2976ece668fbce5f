import { invalid } from '../domain.errors.js';
import { type IdentifierKind, SCOPED_IDENTIFIER_KINDS } from '#vocabulary';
import { isValidMyNumber } from './my-number.js';

/** Digits-only kinds and their lengths; other kinds are printable codes of up to 64 characters. */
const DIGITS: Partial<Record<IdentifierKind, number>> = { MY_NUMBER: 12, RESIDENT_CODE: 11, PENSION_NUMBER: 10 };

/**
 * The canonical form of an identifier's value, so that the ways people write one number give one
 * fingerprint: width folded (NFKC), spaces and hyphens removed, letters upper-cased. Checks the form of
 * each kind, and the My Number's check digit.
 */
export function normalizeIdentifierValue(kind: IdentifierKind, value: string, field: string): string {
  const canonical = value.normalize('NFKC').replace(/[\s\-‐‑–—―ー－]/g, '').toUpperCase();
  if (canonical.length === 0) throw invalid(field, 'must not be empty');
  const digits = DIGITS[kind];
  if (digits !== undefined) {
    if (!new RegExp(`^\\d{${digits}}$`).test(canonical)) throw invalid(field, `a ${kind} is ${digits} digits`);
    if (kind === 'MY_NUMBER' && !isValidMyNumber(canonical)) throw invalid(field, 'the My Number check digit (12th digit) is wrong');
    return canonical;
  }
  if (!/^[0-9A-Z._:/]{1,64}$/.test(canonical)) throw invalid(field, 'must be 1–64 letters, digits or . _ : /');
  return canonical;
}

/** Organization-scoped kinds need the organization they belong to; the others must not name one. */
export function checkIdentifierScope(kind: IdentifierKind, scope: string | null | undefined, field: string): string | null {
  const scoped = SCOPED_IDENTIFIER_KINDS.includes(kind);
  if (scoped && !scope) throw invalid(field, `a ${kind} belongs to an organization: give its scope`);
  if (!scoped && scope) throw invalid(field, `a ${kind} is nationwide and takes no scope`);
  return scope ?? null;
}
