import { parseKanjiNumeral } from './kanji-numeral.parsing.js';

describe('parseKanjiNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['百', 100],
    ['百五', 105],
    ['三百十二', 312],
    ['二〇', 20],
    ['千', 1000],
    ['二千百四十', 2140],
    ['一〇二三', 1023],
  ])('%s = %d', (text, value) => {
    expect(parseKanjiNumeral(text)).toBe(value);
  });

  it.each(['', '十百', '百千', '十十', '二三十', '〇十', '十二三', '丁'])('rejects %j', (text) => {
    expect(parseKanjiNumeral(text)).toBeUndefined();
  });
});
