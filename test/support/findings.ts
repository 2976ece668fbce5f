import { FindingQueries, type Finding, type FindingsQuery } from '#findings';
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
  const { rows } = await f.database.pool.query<{ event_id: string; command_id: string }>(`SELECT event_id, metadata->>'commandId' AS command_id FROM event_store.events`);
  return new Map(rows.map((r) => [r.event_id, r.command_id]));
}
