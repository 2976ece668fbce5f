import type { EventStore } from '#event-store';
import { FINDING_RULES, FindingQueries } from '#findings';
import type { FindingsSource, SourceFinding } from '../domain/report-sources.js';

const PAGE = 1000;

/** The findings read model (libs/findings) as the report's source: every finding of the period, page by page. */
export class FindingsReadModelSource implements FindingsSource {
  constructor(
    private readonly queries: FindingQueries,
    private readonly store: EventStore,
  ) {}

  async findings({ from, to, asOf, organizationId }: { from: Date; to: Date; asOf: Date; organizationId: string | null }): Promise<SourceFinding[]> {
    const found: SourceFinding[] = [];
    let after: string | null = null;
    do {
      const page = await this.queries.list({ asOf: asOf.toISOString(), from: from.toISOString(), to: to.toISOString(), organizationId, first: PAGE, after });
      const items = await this.itemsOf(page.findings.flatMap(({ finding }) => finding.events.map((e) => e.eventId)));
      for (const { finding } of page.findings) {
        const rule = FINDING_RULES[finding.rule];
        found.push({
          items: [...new Set(finding.events.flatMap((e) => items.get(e.eventId) ?? []))],
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

  /** The items each event names, read from the log itself (the findings read model keeps only the events' ids). */
  private async itemsOf(eventIds: string[]): Promise<Map<string, string[]>> {
    const events = await this.store.readEvents(eventIds);
    return new Map(events.map((e) => [e.id, Array.isArray(e.data.items) ? e.data.items.filter((i): i is string => typeof i === 'string') : []]));
  }
}
