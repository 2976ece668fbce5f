import { componentExplanation, matchabilityExplanation, sharedIdentifierExplanation } from './explanations.js';

describe('linkage explanations, as a citizen reads them', () => {
  it('name the domains in words, not by their codes', () => {
    expect(componentExplanation(['課税台帳', '年金記録', '避難行動要支援者名簿'], ['DISASTER', 'SOCIAL_SECURITY', 'TAX'])).toEqual({
      topic: 'LINKAGE',
      ja: '「課税台帳」・「年金記録」・「避難行動要支援者名簿」の3件のデータセット（分野：災害対策・社会保障・税）にあるあなたの記録は、紐付けか共通の番号によって、すでに一つにつなげられる状態です。',
      en: 'Your records in the 3 datasets "課税台帳", "年金記録" and "避難行動要支援者名簿" (domains: disaster relief, social security, tax) can already be joined into one profile through ties or shared identifiers.',
    });
    expect(componentExplanation(['会員台帳', '購買履歴'], ['PRIVATE']).en).toContain('"会員台帳" and "購買履歴" (domain: private sector)');
    expect(componentExplanation(['会員台帳', '購買履歴'], ['PRIVATE']).ja).toContain('（分野：民間）');
  });

  it('say "both" of two datasets only, and list more as a list', () => {
    expect(sharedIdentifierExplanation(['課税台帳', '年金記録'], 'MY_NUMBER')).toEqual({
      topic: 'LINKAGE',
      ja: '「課税台帳」と「年金記録」のあなたの記録は、どれも同じマイナンバー（個人番号）で管理されています。両方を持つ人は、照合の手間なしにこれらを結び付けられます。',
      en: 'Your records in "課税台帳" and "年金記録" are all keyed by the same My Number: whoever holds them can join them without any matching.',
    });
    expect(sharedIdentifierExplanation(['A', 'B', 'C'], 'INTERNAL_ID')).toEqual({
      topic: 'LINKAGE',
      ja: '「A」・「B」・「C」のあなたの記録は、どれも同じ団体内統合宛名番号で管理されています。これらを併せて持つ人は、照合の手間なしにこれらを結び付けられます。',
      en: 'Your records in "A", "B" and "C" are all keyed by the same municipal internal id: whoever holds them can join them without any matching.',
    });
  });

  it('name an identifier of a kind never issued generically, never by a code', () => {
    const said = sharedIdentifierExplanation(['A', 'B'], undefined);
    expect(said.ja).toContain('どれも同じ番号で管理されています');
    expect(said.en).toContain('keyed by the same identifier:');
    expect(sharedIdentifierExplanation(['A', 'B'], 'SOME_NEW_KIND').en).toContain('keyed by the same identifier:');
  });
});

describe('matchability explanations', () => {
  const measuredAt = new Date('2026-12-04T16:00:00Z'); // 2026-12-05 01:00 in Japan

  it('a record matchable into one dataset: one plain sentence, dated as measured in Japan', () => {
    expect(matchabilityExplanation('課税台帳', [{ dataset: '年金記録', fields: ['NAME_KANJI', 'BIRTH_DATE'], level: 'VARIANT' }], measuredAt)).toEqual({
      topic: 'MATCHABILITY',
      ja: '2026年12月5日 01:00 JST時点で、「課税台帳」のあなたの記録は、氏名（漢字）・生年月日を異体字（髙→高 など）をそろえると「年金記録」のただ一つの記録と突き合わせられます（名寄せ）。',
      en: 'As of 2026-12-05 01:00 JST, your record in "課税台帳" can be matched to exactly one record in "年金記録" on name in kanji, date of birth once kanji variants (髙→高 and the like) are folded.',
    });
  });

  it('a record matchable into several datasets: those matched alike named together, the cheapest match first', () => {
    const said = matchabilityExplanation(
      '住民基本台帳',
      [
        { dataset: 'A', fields: ['BIRTH_DATE', 'ADDRESS'], level: 'MONTH_MUNICIPALITY' },
        { dataset: 'B', fields: ['NAME_KANA', 'BIRTH_DATE'], level: 'NFKC' },
        { dataset: 'C', fields: ['BIRTH_DATE', 'ADDRESS'], level: 'MONTH_MUNICIPALITY' },
        { dataset: 'D', fields: ['NAME_KANA', 'BIRTH_DATE'], level: 'NFKC' },
        { dataset: 'E', fields: ['NAME_KANA', 'BIRTH_DATE', 'SEX'], level: 'NFKC' },
      ],
      measuredAt,
    );
    expect(said.en).toBe(
      'As of 2026-12-05 01:00 JST, your record in "住民基本台帳" can be matched to exactly one record in each of "B" and "D" on name in kana, date of birth once character widths and spaces are normalized;' +
        ' in "E" on name in kana, date of birth, sex once character widths and spaces are normalized; and in "A" and "C" on date of birth, address even with only the birth month and the municipality.',
    );
    expect(said.ja).toBe(
      '2026年12月5日 01:00 JST時点で、「住民基本台帳」のあなたの記録は、氏名（カナ）・生年月日を文字幅と空白をそろえるだけで「B」と「D」の、氏名（カナ）・生年月日・性別を文字幅と空白をそろえるだけで「E」の、' +
        '生年月日・住所を生年月と市区町村だけでも「A」と「C」の、それぞれただ一つの記録と突き合わせられます（名寄せ）。',
    );
  });

  it('several datasets matched alike: "each of"', () => {
    const said = matchabilityExplanation('X', ['A', 'B', 'C'].map((dataset) => ({ dataset, fields: ['BIRTH_DATE'] as const, level: 'RAW' as const })), measuredAt);
    expect(said.en).toBe('As of 2026-12-05 01:00 JST, your record in "X" can be matched to exactly one record in each of "A", "B" and "C" on date of birth by comparing the values exactly as written.');
    expect(said.ja).toBe('2026年12月5日 01:00 JST時点で、「X」のあなたの記録は、生年月日を表記のまま比べるだけで「A」・「B」・「C」の、それぞれただ一つの記録と突き合わせられます（名寄せ）。');
  });
});
