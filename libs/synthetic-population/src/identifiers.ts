import { myNumberCheckDigit } from '#ingestion';
import { mix, permuteDigits } from './prng.js';

/**
 * Identifier values. Every number is a keyed bijection of the subject's index (see permuteDigits), so two
 * subjects never share one, and the numbers change with the seed. Each kind has its own key.
 */
export class IdentifierFactory {
  constructor(private readonly seedHash: number) {}

  private readonly keys = new Map<string, number>();

  private key(kind: string): number {
    let h = this.keys.get(kind);
    if (h === undefined) {
      h = this.seedHash;
      for (let i = 0; i < kind.length; i++) h = mix(h, kind.charCodeAt(i));
      this.keys.set(kind, h);
    }
    return h;
  }

  /** Recent values (a subject asks for its own numbers many times); bounded, so memory does not grow. */
  private readonly recent = new Map<string, string>();

  private digits(kind: string, index: number, digits: number): string {
    const cacheKey = `${kind}|${index}`;
    let value = this.recent.get(cacheKey);
    if (value === undefined) {
      if (this.recent.size >= 256) this.recent.clear();
      value = String(permuteDigits(index, digits, this.key(kind))).padStart(digits, '0');
      this.recent.set(cacheKey, value);
    }
    return value;
  }

  /**
   * 個人番号: 11 digits and the check digit of 番号法施行令第8条. `generation` 0 is the number first assigned,
   * 1 the number assigned after a leak (番号の変更).
   */
  myNumber(subject: number, generation: 0 | 1): string {
    const first11 = this.digits('MY_NUMBER', subject * 2 + generation, 11);
    return first11 + String(myNumberCheckDigit(first11));
  }

  /** 住民票コード: 11 digits. */
  residentCode(subject: number): string {
    return this.digits('RESIDENT_CODE', subject, 11);
  }

  /** 団体内統合宛名番号: a municipality's own 10-digit number. */
  internalId(subject: number): string {
    return this.digits('INTERNAL_ID', subject, 10);
  }

  /** 基礎年金番号: 10 digits (written 4-6 on the 年金手帳). */
  pensionNumber(subject: number): string {
    return this.digits('PENSION_NUMBER', subject, 10);
  }

  /** 被保険者番号 within one insurer: an 8-digit 記号 of the insurer's office and an 8-digit 番号. */
  healthInsuranceNumber(subject: number, insurerSymbol: string): string {
    return `${insurerSymbol}-${this.digits('HEALTH_INSURANCE_NUMBER', subject, 8)}`;
  }

  /** A company's member, points-card or customer number, with the company's prefix. */
  memberNumber(subject: number, company: string, prefix: string, digits: number): string {
    return prefix + this.digits(`MEMBER_NUMBER:${company}`, subject, digits);
  }

  /**
   * 電子証明書のシリアル番号 (署名用 / 利用者証明用): 12 digits in hexadecimal-looking upper case. `generation`
   * counts renewals (0 = first certificate).
   */
  jpkiSerial(subject: number, kind: 'SIGN' | 'AUTH', generation: number): string {
    const n = this.digits('JPKI', subject * 8 + generation * 2 + (kind === 'SIGN' ? 0 : 1), 14);
    return `${kind === 'SIGN' ? 'S' : 'A'}${n}`;
  }
}

/** 1234 5678 9018 / 1234-5678-9018: how people write a My Number on forms. */
export function groupMyNumber(value: string, separator: ' ' | '-' | '　'): string {
  return `${value.slice(0, 4)}${separator}${value.slice(4, 8)}${separator}${value.slice(8)}`;
}

/** 1234-567890: the 基礎年金番号 as printed. */
export function formatPensionNumber(value: string): string {
  return `${value.slice(0, 4)}-${value.slice(4)}`;
}
