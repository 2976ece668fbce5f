import { NormalizationError } from '../normalization.errors.js';
import { NAME_LEVELS, normalizeName, normalizeNameAtAllLevels, type NameLevel } from './name.normalization.js';

/** The first level at which all the names agree, or undefined. */
const firstAgreement = (...names: string[]): NameLevel | undefined =>
  NAME_LEVELS.find((level) => new Set(names.map((name) => normalizeName(name, level))).size === 1);

describe('name normalization levels', () => {
  it('are ordered from the cheapest match to the most forgiving', () => {
    expect(NAME_LEVELS).toEqual(['RAW', 'NFKC', 'KANA', 'VARIANT']);
  });

  it('RAW only trims', () => {
    expect(normalizeName('  山田　太郎\u3000', 'RAW')).toBe('山田　太郎');
    expect(normalizeName('ﾀﾅｶ', 'RAW')).toBe('ﾀﾅｶ');
  });

  describe('NFKC', () => {
    it('removes spaces of every width: 山田　太郎, 山田 太郎 and 山田太郎 agree', () => {
      expect(firstAgreement('山田　太郎', '山田 太郎', '山田太郎')).toBe('NFKC');
      expect(normalizeName('山田　太郎', 'NFKC')).toBe('山田太郎');
    });

    it('removes NBSP, tabs, en/em spaces and zero-width spaces', () => {
      expect(normalizeName('山田\u00A0太\t郎\u2003様\u200B', 'NFKC')).toBe('山田太郎様');
    });

    it('folds width: full-width Latin and half-width kana', () => {
      expect(normalizeName('ＹＡＭＡＤＡ', 'NFKC')).toBe('YAMADA');
      expect(normalizeName('ﾀﾅｶ', 'NFKC')).toBe('タナカ');
      expect(normalizeName('ｶﾞｯﾂ', 'NFKC')).toBe('ガッツ');
    });

    it('folds compatibility ideographs that have a decomposition (塚 U+FA10 → 塚)', () => {
      expect(firstAgreement('\uFA10本', '塚本')).toBe('NFKC');
    });

    it('keeps hiragana and katakana apart', () => {
      expect(normalizeName('たなか', 'NFKC')).not.toBe(normalizeName('タナカ', 'NFKC'));
    });
  });

  describe('KANA', () => {
    it('たなか, タナカ and ﾀﾅｶ agree at KANA, not before', () => {
      expect(firstAgreement('たなか', 'タナカ', 'ﾀﾅｶ')).toBe('KANA');
      expect(normalizeName('たなか', 'KANA')).toBe('タナカ');
    });

    it('ﾀﾅｶ and タナカ already agree at NFKC (width)', () => {
      expect(firstAgreement('ﾀﾅｶ', 'タナカ')).toBe('NFKC');
    });

    it('unifies long-vowel marks after a kana', () => {
      const spellings = ['ユーコ', 'ゆーこ', 'ﾕｰｺ', 'ユ−コ', 'ユ‐コ', 'ユ‑コ', 'ユ–コ', 'ユ—コ', 'ユ―コ', 'ユ～コ', 'ユ〜コ', 'ユ－コ', 'ユ-コ'];
      for (const spelling of spellings) expect([spelling, normalizeName(spelling, 'KANA')]).toEqual([spelling, 'ユーコ']);
    });

    it('leaves a dash that follows no kana', () => {
      expect(normalizeName('髙橋−ゆこ', 'KANA')).toBe('髙橋−ユコ');
    });

    it('leaves kanji alone: 髙橋 and 高橋 still differ', () => {
      expect(normalizeName('髙橋', 'KANA')).toBe('髙橋');
    });
  });

  describe('VARIANT', () => {
    it.each([
      [['髙橋', '高橋']],
      [['渡邊', '渡邉', '渡辺']],
      [['山﨑', '山崎']],
      [['齋藤', '齊藤', '斎藤']],
      [['澤田', '沢田']],
      [['濱田', '濵田', '浜田']],
      [['廣瀬', '広瀬']],
      [['國分', '国分']],
    ])('%j agree at VARIANT and not before', (names) => {
      expect(firstAgreement(...names)).toBe('VARIANT');
    });

    it('folds to the standard form', () => {
      expect(normalizeName('髙橋', 'VARIANT')).toBe('高橋');
      expect(normalizeName('渡邊', 'VARIANT')).toBe('渡辺');
      expect(normalizeName('山﨑', 'VARIANT')).toBe('山崎');
    });

    it('drops ideographic variation selectors', () => {
      expect(firstAgreement('辻\u{E0101}', '辻')).toBe('VARIANT');
    });

    it('includes the folds of the levels before', () => {
      expect(normalizeName(' わたなべ　髙橋ゆ−こ ', 'VARIANT')).toBe('ワタナベ高橋ユーコ');
    });
  });

  it('normalizeNameAtAllLevels returns each level', () => {
    expect(normalizeNameAtAllLevels(' 髙橋　ゆーこ ')).toEqual({
      RAW: '髙橋　ゆーこ',
      NFKC: '髙橋ゆーこ',
      KANA: '髙橋ユーコ',
      VARIANT: '高橋ユーコ',
    });
  });

  describe('errors', () => {
    it.each(['', '   ', '\u3000\t', '\u200B'])('an empty or white-space-only name (%j) is a NormalizationError', (value) => {
      for (const level of NAME_LEVELS) {
        expect(() => normalizeName(value, level)).toThrow(NormalizationError);
      }
    });

    it('names the field and the reason', () => {
      const error = captureError(() => normalizeName('　', 'KANA', 'subjects[2].familyName'));
      expect(error).toBeInstanceOf(NormalizationError);
      expect(error).toMatchObject({ field: 'subjects[2].familyName', reason: 'must not be empty or white space only' });
    });

    it("defaults the field to 'name'", () => {
      expect(captureError(() => normalizeName('', 'RAW'))).toMatchObject({ field: 'name' });
      expect(captureError(() => normalizeNameAtAllLevels(' '))).toMatchObject({ field: 'name' });
    });

    it('rejects a value that is not a string and an unknown level', () => {
      expect(captureError(() => normalizeName(null as unknown as string, 'RAW'))).toMatchObject({ field: 'name', reason: 'must be a string, got null' });
      expect(captureError(() => normalizeName('山田', 'ROMAJI' as NameLevel))).toMatchObject({ field: 'level' });
    });
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
