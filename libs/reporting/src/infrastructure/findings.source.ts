import { FINDING_RULES, FindingQueries } from '#findings';
import type { FindingsSource, SourceFinding } from '../domain/report-sources.js';

const PAGE = 1000;

/** The findings read model (libs/findings) as the report's source: every finding of the period, page by page. */
export class FindingsReadModelSource implements FindingsSource {
  constructor(private readonly queries: FindingQueries) {}

  async findings({ from, to, asOf, organizationId }: { from: Date; to: Date; asOf: Date; organizationId: string | null }): Promise<SourceFinding[]> {
    const found: SourceFinding[] = [];
    let after: string | null = null;
    do {
      const page = await this.queries.list({ asOf: asOf.toISOString(), from: from.toISOString(), to: to.toISOString(), organizationId, first: PAGE, after });
      for (const { finding } of page.findings) {
        const rule = FINDING_RULES[finding.rule];
        found.push({
          rule: finding.rule, severity: finding.severity, organizationId: finding.organizationId, subjectIds: finding.subjectIds, staffCode: finding.staffCode,
          occurredAt: finding.occurredAt.toISOString(), detectedAt: finding.detectedAt.toISOString(), lastOccurredAt: finding.lastAt.toISOString(),
          title: rule.title.ja, titleEn: rule.title.en, description: rule.reason.ja, descriptionEn: rule.reason.en, statute: rule.statute.ja,
          party: typeof finding.detail.party === 'string' ? finding.detail.party : null,
          evidence: finding.events.map((e) => e.globalPosition),
        });
      }
      after = page.hasNextPage ? page.findings.at(-1)!.cursor : null;
    } while (after);
    return found.sort((a, b) => a.detectedAt.localeCompare(b.detectedAt) || a.rule.localeCompare(b.rule));
  }
}
