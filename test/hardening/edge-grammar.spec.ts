import { checkInstant, checkItem, checkText, parseItem } from '#ingestion';

describe('the edge grammar', () => {
  describe('instants', () => {
    it.each([
      ['2024-04-01T09:00:00+09:00', '2024-04-01T00:00:00.000Z'],
      ['2024-04-01T00:00Z', '2024-04-01T00:00:00.000Z'],
      ['2024-02-29T23:59:59.999999999-14:00', '2024-03-01T13:59:59.999Z'],
      ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
      ['2199-12-31T23:59:59.999Z', '2199-12-31T23:59:59.999Z'],
    ])('accepts %s as %s', (value, utc) => {
      expect(checkInstant(value)).toEqual({ ok: true, value: utc });
    });

    it.each([
      ['0000-01-01T00:00:00Z', /1900 to 2199/],
      ['1899-12-31T23:59:59.999Z', /1900 to 2199/],
      ['1900-01-01T08:59:59+09:00', /1900 to 2199/],
      ['2199-12-31T20:00:00-05:00', /1900 to 2199/],
      ['9999-12-31T23:00:00-05:00', /1900 to 2199/],
      ['+010000-01-01T00:00:00Z', /ISO 8601/],
      ['2024-02-30T00:00:00Z', /not a calendar date/],
      ['2023-02-29T00:00:00Z', /not a calendar date/],
      ['2024-13-01T00:00:00Z', /not a calendar date/],
      ['2024-04-01T24:00:00Z', /not a time of day/],
      ['2024-04-01T23:60:00Z', /not a time of day/],
      ['2024-04-01T23:59:60Z', /not a time of day/],
      ['2024-04-01T09:00:00+15:00', /offset/],
      ['2024-04-01T09:00:00+09:60', /offset/],
      ['2024-04-01T09:00:00', /time zone/],
      ['2024-04-01', /time zone/],
      ['2024-04-01 09:00:00Z', /ISO 8601/],
      ['2024-04-01T09:00:00z', /ISO 8601/],
      ['２０２４-04-01T09:00:00Z', /ISO 8601/],
      ['', /ISO 8601/],
    ])('refuses %s', (value, reason) => {
      const verdict = checkInstant(value);
      expect(verdict.ok).toBe(false);
      expect(!verdict.ok && verdict.reason).toMatch(reason);
    });

    it('refuses what is not a string', () => {
      for (const value of [null, 0, 1711929600000, {}, []]) expect(checkInstant(value).ok).toBe(false);
    });
  });

  describe('text', () => {
    it.each(['山田太郎', 'ヤマダ タロウ', '𠮷野家', '👨‍👩‍👧'.replace(/\u200d/g, ''), 'Café', '髙橋'])('accepts %s', (value) => {
      expect(checkText(value)).toEqual({ ok: true, value });
    });

    it.each([
      ['a\u0000b', 'U+0000', /control or format/],
      ['a\u0007b', 'U+0007', /control or format/],
      ['a\u007fb', 'U+007F', /control or format/],
      ['a\u0085b', 'U+0085', /control or format/],
      ['a\u200bb', 'U+200B', /control or format/],
      ['a\u200db', 'U+200D', /control or format/],
      ['a\u202eb', 'U+202E', /control or format/],
      ['a\u2066b', 'U+2066', /control or format/],
      ['a\ufeffb', 'U+FEFF', /control or format/],
      ['a\u00adb', 'U+00AD', /control or format/],
      ['a\u2028b', 'U+2028', /control or format/],
      ['a\ud800b', 'U+D800', /lone surrogate/],
      ['a\udc00', 'U+DC00', /lone surrogate/],
      ['\udbff', 'U+DBFF', /lone surrogate/],
    ])('refuses %j, naming %s', (value, codePoint, reason) => {
      const verdict = checkText(value);
      expect(verdict.ok).toBe(false);
      expect(!verdict.ok && verdict.reason).toMatch(reason);
      expect(!verdict.ok && verdict.reason).toContain(codePoint);
    });
  });

  describe('items', () => {
    it("accepts the catalogue's codes and names, answered as codes, and refuses anything else, naming the field", () => {
      expect(checkItem('TAX_AMOUNT')).toEqual({ ok: true, value: 'TAX_AMOUNT' });
      expect(checkItem('地方税関係情報')).toEqual({ ok: true, value: 'LOCAL_TAX_INCOME' });
      expect(parseItem('地方税関係情報', 'item')).toBe('LOCAL_TAX_INCOME');
      expect(checkItem('tax amount')).toEqual({ ok: true, value: 'TAX_AMOUNT' });
      for (const value of ['NOT_AN_ITEM', '地方税', '', '_TAX', 'TAX-AMOUNT!', 'A'.repeat(65)]) expect(checkItem(value).ok).toBe(false);
      expect(() => parseItem('NOT_AN_ITEM', 'item')).toThrow(/^item: is not an item of the catalogue/);
    });
  });
});
