import { componentExplanation, sharedIdentifierExplanation } from './explanations.js';

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
