import { datasetRisk } from './dataset-risk.js';

describe('dataset risk from the class-size histogram (ARX prosecutor summary, sdcMicro ER)', () => {
  it('classes of sizes 1, 1, 2 and 5 (n = 9)', () => {
    // f_k per record: 1, 1, 2, 2, 5, 5, 5, 5, 5.
    const risk = datasetRisk([{ classSize: 1, classes: 2 }, { classSize: 2, classes: 1 }, { classSize: 5, classes: 1 }]);
    expect(risk.records).toBe(9);
    expect(risk.classes).toBe(4);
    expect(risk.k).toBe(1);
    expect(risk.sampleUniqueness).toBeCloseTo(2 / 9, 12);
    // 1/f > 0.2 for f = 1 and 2 (4 records); 1/5 = 0.2 is not above the threshold.
    expect(risk.prosecutor).toEqual({ threshold: 0.2, recordsAtRisk: 4 / 9, highestRisk: 1, successRate: 4 / 9 });
    // ER = 1 + 1 + 1/2 + 1/2 + 5 × 1/5 = 4.
    expect(risk.expectedReidentifications).toBeCloseTo(4, 12);
    expect(risk.expectedReidentificationRate).toBeCloseTo(4 / 9, 12);
  });

  it('a dataset whose smallest class has 3 records', () => {
    const risk = datasetRisk([{ classSize: 3, classes: 2 }, { classSize: 4, classes: 1 }], 0.3);
    expect(risk.k).toBe(3);
    expect(risk.sampleUniqueness).toBe(0);
    // With threshold 0.3: 1/3 > 0.3 (6 records), 1/4 is not.
    expect(risk.prosecutor.recordsAtRisk).toBeCloseTo(6 / 10, 12);
    expect(risk.prosecutor.highestRisk).toBeCloseTo(1 / 3, 12);
    expect(risk.expectedReidentifications).toBeCloseTo(3, 12);
  });

  it('an empty dataset has no risk figures to speak of', () => {
    expect(datasetRisk([])).toMatchObject({ records: 0, classes: 0, k: 0, sampleUniqueness: 0, expectedReidentifications: 0 });
  });
});
