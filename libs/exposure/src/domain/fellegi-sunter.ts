import type { Basic4Field } from '#vocabulary';

/**
 * m probabilities: how often a field agrees between two records of the same person. Fixed, not trained: the
 * platform sees fingerprints only, so it cannot label pairs to estimate them. They follow Splink's defaults
 * in spirit — names and birth dates rarely disagree for one person, addresses do (people move).
 */
export const M_PROBABILITIES: Readonly<Record<Basic4Field, number>> = {
  NAME_KANJI: 0.95,
  NAME_KANA: 0.95,
  BIRTH_DATE: 0.98,
  SEX: 0.99,
  ADDRESS: 0.8,
};

/** How common each value of a field is among all records that hold the field (at the comparison level). */
export interface FieldFrequencies {
  /** Records holding a value of the field. */
  records: number;
  /** Σ over values of (records with the value)²: chance agreement u = sumSquares / records². */
  sumSquares: number;
}

export interface Comparison {
  field: Basic4Field;
  /** AGREE: equal values; DISAGREE: both present and different; NULL: either lacks the field (Bayes factor 1). */
  level: 'AGREE' | 'DISAGREE' | 'NULL';
  /** For AGREE: the records holding this very value (term frequency numerator). */
  valueRecords?: number;
}

export interface MatchScore {
  /** log2 of the posterior odds. */
  matchWeight: number;
  probability: number;
  bayesFactors: { field: Basic4Field; level: Comparison['level']; bayesFactor: number }[];
}

/** u: the chance that two records of different people agree on the field. */
export const chanceAgreement = (f: FieldFrequencies): number => (f.records === 0 ? 0 : f.sumSquares / (f.records * f.records));

/**
 * Splink's Fellegi–Sunter model with exact-match comparisons and full term-frequency adjustment: agreeing on
 * value v has Bayes factor m / tf(v), where tf(v) is the share of records holding v (a rare surname weighs
 * more than a common one); disagreeing has (1 − m) / (1 − u); a missing value has 1. The prior λ — the
 * chance that one record of B is the person's — is 1 / (n_B + 1): the person is any one of B's n_B records,
 * or in none, all alike.
 */
export function matchScore(comparisons: readonly Comparison[], frequencies: Readonly<Partial<Record<Basic4Field, FieldFrequencies>>>, candidateRecords: number): MatchScore {
  const prior = 1 / (candidateRecords + 1);
  let weight = Math.log2(prior / (1 - prior));
  const bayesFactors: MatchScore['bayesFactors'] = [];
  for (const c of comparisons) {
    const m = M_PROBABILITIES[c.field];
    const f = frequencies[c.field] ?? { records: 0, sumSquares: 0 };
    let bayesFactor = 1;
    if (c.level === 'AGREE') bayesFactor = m / (c.valueRecords! / f.records);
    else if (c.level === 'DISAGREE') bayesFactor = (1 - m) / (1 - chanceAgreement(f));
    weight += Math.log2(bayesFactor);
    bayesFactors.push({ field: c.field, level: c.level, bayesFactor });
  }
  return { matchWeight: weight, probability: 1 / (1 + 2 ** -weight), bayesFactors };
}
