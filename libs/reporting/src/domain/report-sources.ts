import type { ReportDataset, ReportFinding } from './compliance-report.js';

/** A finding as its source gives it; the report names the organization. */
export type SourceFinding = Omit<ReportFinding, 'organization'> & { organizationId: string };

/**
 * Ports to the read models other contexts own (libs/findings, libs/exposure). The report uses their query
 * services through these, and says a section is not available when no adapter is bound.
 */
export interface FindingsSource {
  /** Findings detected in [from, to), evaluated as of `asOf`, optionally of one organization. */
  findings(query: { from: Date; to: Date; asOf: Date; organizationId: string | null }): Promise<SourceFinding[]>;
}

export interface ExposureFigures {
  distribution: { label: string; subjects: number }[];
  riskyDatasets: { dataset: ReportDataset; records: number; k: number; sampleUniqueness: number; reason: string }[];
  matchablePairs: { datasetA: ReportDataset; datasetB: ReportDataset; matchability: number; shareOfA: number; shareOfB: number; reason: string }[];
}

export interface ExposureSource {
  figures(query: { organizationId: string | null }): Promise<ExposureFigures>;
}
