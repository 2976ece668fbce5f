import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReportInputError, renderReportCsv, renderReportHtml, reportPeriod, type ComplianceReports } from '#reporting';

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  from?: string;
  to?: string;
  organization?: string;
  format?: string;
  out?: string;
}

/** The options checked before the database is touched: every problem names its option. */
export function reportOptions(values: ReportOptions): { from: string; to: string; organizationId: string | null; format: ReportFormat; out: string | null } {
  if (!values.from) throw new ReportInputError('--from', 'is required (a date such as 2024-04-01, or an ISO 8601 date-time with a zone)');
  if (!values.to) throw new ReportInputError('--to', 'is required (the first day after the period, e.g. 2024-07-01)');
  try {
    reportPeriod(values.from, values.to);
  } catch (error) {
    if (error instanceof ReportInputError) throw new ReportInputError(`--${error.field}`, error.reason);
    throw error;
  }
  const format = (values.format ?? 'json') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new ReportInputError('--format', `must be ${REPORT_FORMATS.join(', ')}; got ${JSON.stringify(values.format)}`);
  if (format === 'csv' && !values.out) throw new ReportInputError('--out', 'csv writes one file per table: give the folder to write them into');
  return { from: values.from, to: values.to, organizationId: values.organization ?? null, format, out: values.out ?? null };
}

/**
 * Makes the report and writes it: JSON (the GraphQL answer's data) or HTML to `out` or stdout, CSV as one file
 * per table in the folder `out`. Answers the files written (none when written to stdout).
 */
export async function writeReport(reports: ComplianceReports, options: ReturnType<typeof reportOptions>, stdout: (text: string) => void): Promise<string[]> {
  const report = await reports.report(options);
  if (options.format === 'csv') {
    await mkdir(options.out!, { recursive: true });
    const files = renderReportCsv(report);
    for (const file of files) await writeFile(join(options.out!, file.name), file.content);
    return files.map((f) => join(options.out!, f.name));
  }
  const text = options.format === 'html' ? renderReportHtml(report) : JSON.stringify(report, null, 2) + '\n';
  if (!options.out) {
    stdout(text);
    return [];
  }
  await writeFile(options.out, text);
  return [options.out];
}
