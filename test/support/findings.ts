import { FindingQueries, type Finding, type FindingsQuery } from '#findings';
import { LogInsider } from '#event-store-postgres/testing';
import type { IngestionFixture } from './ingestion-fixture.js';

/** Every finding standing for the query, all pages. */
export async function allFindings(f: IngestionFixture, query: FindingsQuery): Promise<Finding[]> {
  const queries = new FindingQueries(f.database.pool);
  const found: Finding[] = [];
  for (let after: string | null = null; ; ) {
    const page = await queries.list({ ...query, first: 500, after });
    found.push(...page.findings.map((p) => p.finding));
    if (!page.hasNextPage) return found;
    after = page.findings.at(-1)!.cursor;
  }
}

/** The command each stored event came from. */
export async function commandsOfEvents(f: IngestionFixture): Promise<Map<string, string>> {
  return new Map((await new LogInsider(f.database.pool).storedEvents()).map((e) => [e.event_id, e.metadata.commandId as string]));
}
