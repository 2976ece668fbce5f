/** How many classes of each size a dataset's keys fall into at one level (the equivalence-class histogram). */
export interface ClassSizeCount {
  classSize: number;
  classes: number;
}

/** The prosecutor model's sample summary, as ARX reports it. */
export interface ProsecutorRisk {
  /** The threshold on a record's risk 1/f_k above which it counts as at risk (ARX default 0.2). */
  threshold: number;
  /** rA: the share of records whose risk 1/f_k exceeds the threshold. */
  recordsAtRisk: number;
  /** rB: the highest risk of any record, 1 / min f_k. */
  highestRisk: number;
  /** rC: the success rate of an attack on every record, (number of classes) / n. */
  successRate: number;
}

export interface DatasetRisk {
  records: number;
  classes: number;
  /** min f_k; 0 for an empty dataset. */
  k: number;
  /** (records in classes of size 1) / n. */
  sampleUniqueness: number;
  prosecutor: ProsecutorRisk;
  /** ER = Σ over records of 1/f_k (sdcMicro's global_risk_ER with every weight 1, where F_k = f_k). */
  expectedReidentifications: number;
  /** ER / n. */
  expectedReidentificationRate: number;
}

export const DEFAULT_RISK_THRESHOLD = 0.2;

/**
 * The risk figures of a dataset from its class-size histogram alone — which is why the projection keeps the
 * histogram and nothing per record: every figure here is a sum over classes.
 */
export function datasetRisk(histogram: readonly ClassSizeCount[], threshold = DEFAULT_RISK_THRESHOLD): DatasetRisk {
  const nonEmpty = histogram.filter((h) => h.classes > 0 && h.classSize > 0);
  const records = nonEmpty.reduce((n, h) => n + h.classSize * h.classes, 0);
  const classes = nonEmpty.reduce((n, h) => n + h.classes, 0);
  if (records === 0) {
    return { records: 0, classes: 0, k: 0, sampleUniqueness: 0, prosecutor: { threshold, recordsAtRisk: 0, highestRisk: 0, successRate: 0 }, expectedReidentifications: 0, expectedReidentificationRate: 0 };
  }
  const k = Math.min(...nonEmpty.map((h) => h.classSize));
  const unique = nonEmpty.find((h) => h.classSize === 1)?.classes ?? 0;
  const atRisk = nonEmpty.filter((h) => 1 / h.classSize > threshold).reduce((n, h) => n + h.classSize * h.classes, 0);
  // Each class of size f holds f records of risk 1/f: it contributes exactly 1 to ER.
  const expected = nonEmpty.reduce((sum, h) => sum + h.classes * h.classSize * (1 / h.classSize), 0);
  return {
    records,
    classes,
    k,
    sampleUniqueness: unique / records,
    prosecutor: { threshold, recordsAtRisk: atRisk / records, highestRisk: 1 / k, successRate: classes / records },
    expectedReidentifications: expected,
    expectedReidentificationRate: expected / records,
  };
}
