import { hiraganaToKatakana, unifyLongVowelMarks } from './kana.folding.js';

describe('hiraganaToKatakana', () => {
  it('maps each hiragana to its katakana', () => {
    expect(hiraganaToKatakana('ぁあいうゔゕゖゝゞん')).toBe('ァアイウヴヵヶヽヾン');
  });

  it('leaves katakana, kanji, Latin and the long-vowel mark alone', () => {
    expect(hiraganaToKatakana('タナカ田中Tanakaー')).toBe('タナカ田中Tanakaー');
  });
});

describe('unifyLongVowelMarks', () => {
  it.each([
    ['hyphen-minus', 'ラ-メン'],
    ['tilde (from full-width ～ by NFKC)', 'ラ~メン'],
    ['hyphen ‐ U+2010', 'ラ\u2010メン'],
    ['non-breaking hyphen ‑ U+2011', 'ラ\u2011メン'],
    ['figure dash ‒ U+2012', 'ラ\u2012メン'],
    ['en dash – U+2013', 'ラ\u2013メン'],
    ['em dash — U+2014', 'ラ\u2014メン'],
    ['horizontal bar ― U+2015', 'ラ\u2015メン'],
    ['minus − U+2212', 'ラ\u2212メン'],
    ['wave dash 〜 U+301C', 'ラ\u301Cメン'],
    ['long-vowel mark ー', 'ラーメン'],
  ])('turns a %s after a kana into ー', (_name, input) => {
    expect(unifyLongVowelMarks(input)).toBe('ラーメン');
  });

  it('turns every dash of a run into ー', () => {
    expect(unifyLongVowelMarks('ア〜〜')).toBe('アーー');
  });

  it('also applies after hiragana', () => {
    expect(unifyLongVowelMarks('らーめん ら-めん')).toBe('らーめん らーめん');
  });

  it('leaves dashes that do not follow a kana', () => {
    expect(unifyLongVowelMarks('A-1 山田-太郎 -タ')).toBe('A-1 山田-太郎 -タ');
  });
});
