import { chanceAgreement, matchScore } from './fellegi-sunter.js';

describe('Fellegi–Sunter match probability (Splink, exact comparisons with term-frequency adjustment)', () => {
  const frequencies = {
    NAME_KANJI: { records: 10, sumSquares: 2 * 2 + 8 }, // one name held twice, eight names once
    BIRTH_DATE: { records: 10, sumSquares: 10 },
    SEX: { records: 10, sumSquares: 7 * 7 + 3 * 3 },
  };

  it('u is the chance agreement Σ tf²', () => {
    expect(chanceAgreement(frequencies.SEX)).toBeCloseTo(0.58, 12);
  });

  it('agreement weighs m / tf(value); disagreement (1 − m) / (1 − u); a missing value nothing; prior 1 / (n + 1)', () => {
    const score = matchScore(
      [
        { field: 'NAME_KANJI', level: 'AGREE', valueRecords: 2 },
        { field: 'BIRTH_DATE', level: 'AGREE', valueRecords: 1 },
        { field: 'SEX', level: 'DISAGREE' },
        { field: 'ADDRESS', level: 'NULL' },
      ],
      frequencies,
      3,
    );
    const odds = (1 / 4 / (3 / 4)) * (0.95 / (2 / 10)) * (0.98 / (1 / 10)) * ((1 - 0.99) / (1 - 0.58));
    expect(score.probability).toBeCloseTo(odds / (1 + odds), 12);
    expect(score.matchWeight).toBeCloseTo(Math.log2(odds), 12);
    expect(score.bayesFactors.map((b) => b.bayesFactor)).toEqual([0.95 / 0.2, expect.closeTo(9.8, 12), expect.closeTo(0.01 / 0.42, 12), 1]);
  });

  it('a rare value weighs more than a common one', () => {
    const rare = matchScore([{ field: 'NAME_KANJI', level: 'AGREE', valueRecords: 1 }], frequencies, 9);
    const common = matchScore([{ field: 'NAME_KANJI', level: 'AGREE', valueRecords: 2 }], frequencies, 9);
    expect(rare.probability).toBeGreaterThan(common.probability);
  });
});
