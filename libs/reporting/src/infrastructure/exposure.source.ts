import { ExposureQueries, type DatasetInfo, type ExposureLevel } from '#exposure';
import type { ExposureFigures, ExposureSource } from '../domain/report-sources.js';

/** The level a report measures at: names folded as far as the platform folds them, full birth date and address — a determined matcher's view. */
const LEVEL: ExposureLevel = 'VARIANT';
/** Datasets listed as risky: every dataset with k = 1, most unique first, up to this many. */
const RISKY_DATASETS = 20;
const MATCHABLE_PAIRS = 10;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The exposure read model (libs/exposure) as the report's source, at the VARIANT level. */
export class ExposureReadModelSource implements ExposureSource {
  constructor(private readonly queries: ExposureQueries) {}

  async figures({ organizationId }: { organizationId: string | null }): Promise<ExposureFigures> {
    const datasets = await this.queries.datasets();
    const reportDataset = (d: DatasetInfo | undefined, id: string) => ({ id, name: d?.name ?? null, holder: d?.holderId ? { id: d.holderId, name: d.holderName } : null });
    const ours = (id: string) => organizationId === null || datasets.get(id)?.holderId === organizationId;

    const [distribution, risks, pairs] = await Promise.all([
      this.queries.distribution(LEVEL),
      Promise.all([...datasets.values()].filter((d) => ours(d.id)).map(async (d) => ({ d, risk: (await this.queries.datasetRisk(d.id, LEVEL))! }))),
      this.queries.mostMatchablePairs(LEVEL, datasets.size * datasets.size),
    ]);
    return {
      distribution: distribution.subjectsBySmallestClass.map((b) => ({ label: `f = ${b.bucket}`, subjects: b.count })),
      riskyDatasets: risks
        .filter(({ risk }) => risk.records > 0 && risk.k === 1)
        .sort((a, b) => b.risk.sampleUniqueness - a.risk.sampleUniqueness || a.d.id.localeCompare(b.d.id))
        .slice(0, RISKY_DATASETS)
        .map(({ d, risk }) => ({
          dataset: reportDataset(d, d.id),
          records: risk.records,
          k: risk.k,
          sampleUniqueness: risk.sampleUniqueness,
          reason: `k = 1 at ${LEVEL}: ${percent(risk.sampleUniqueness)} of its records are alone in their class; rA = ${percent(risk.prosecutor.recordsAtRisk)}, ER/n = ${risk.expectedReidentificationRate.toFixed(3)}`,
        })),
      matchablePairs: pairs
        .filter((p) => p.matchableRecords > 0 && (ours(p.datasetA) || ours(p.datasetB)))
        .slice(0, MATCHABLE_PAIRS)
        .map((p) => ({
          datasetA: reportDataset(datasets.get(p.datasetA), p.datasetA),
          datasetB: reportDataset(datasets.get(p.datasetB), p.datasetB),
          matchability: Math.max(p.shareOfA, p.shareOfB),
          shareOfA: p.shareOfA,
          shareOfB: p.shareOfB,
          reason: `${p.matchableRecords} records match one-to-one on ${p.fields.join(', ')} at ${LEVEL} (${percent(p.shareOfA)} of A, ${percent(p.shareOfB)} of B)`,
        })),
    };
  }
}
