import { isValidMyNumber } from '#ingestion';
import { IdentifierFactory, formatPensionNumber, groupMyNumber } from './identifiers.js';
import { hashString } from './prng.js';

describe('IdentifierFactory', () => {
  const ids = new IdentifierFactory(hashString('identifiers'));

  it('makes My Numbers whose 12th digit is the check digit, unique across subjects and generations', () => {
    const seen = new Set<string>();
    for (let subject = 0; subject < 5000; subject++) {
      for (const generation of [0, 1] as const) {
        const value = ids.myNumber(subject, generation);
        expect(isValidMyNumber(value)).toBe(true);
        seen.add(value);
      }
    }
    expect(seen.size).toBe(10_000);
  });

  it('makes unique resident codes, pension numbers and JPKI serials of the right shape', () => {
    const codes = new Set<string>();
    const serials = new Set<string>();
    for (let subject = 0; subject < 3000; subject++) {
      const code = ids.residentCode(subject);
      expect(code).toMatch(/^\d{11}$/);
      codes.add(code);
      expect(ids.pensionNumber(subject)).toMatch(/^\d{10}$/);
      for (const generation of [0, 1, 2]) for (const kind of ['SIGN', 'AUTH'] as const) serials.add(ids.jpkiSerial(subject, kind, generation));
    }
    expect(codes.size).toBe(3000);
    expect(serials.size).toBe(3000 * 6);
  });

  it('gives other numbers for another seed', () => {
    const other = new IdentifierFactory(hashString('other'));
    expect(other.myNumber(0, 0)).not.toBe(ids.myNumber(0, 0));
  });

  it('writes numbers the way forms do', () => {
    expect(groupMyNumber('123456789018', ' ')).toBe('1234 5678 9018');
    expect(formatPensionNumber('1234567890')).toBe('1234-567890');
  });
});
