import type pg from 'pg';
import type { ProjectionRunner } from '#projections';
import { PROJECTIONS } from '#app';
import { ok, type GraphQLClient } from './graphql-client.js';

/** A hash of every read-model table's content, rows in a fixed order: equal hashes, equal read models. */
export async function readModelHash(pool: pg.Pool): Promise<string> {
  const tables = PROJECTIONS.flatMap((p) => p.tables.map((table) => `${p.schema}.${table}`));
  const parts = tables.map((table) => `(SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM ${table} t)`);
  const { rows } = await pool.query<{ hash: string }>(`SELECT md5(concat_ws('|', ${parts.join(', ')})) AS hash`);
  return rows[0]!.hash;
}

/** What a projection reports of its progress, in-process or over the API. */
interface ProjectionProgress {
  state: string;
  lagEvents: number;
}

/** Waits until every projection reports that it has applied every event in the log; throws if one is parked. */
async function settledBy(progress: () => Promise<ProjectionProgress[]>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await progress();
    if (status.every((s) => s.lagEvents === 0)) return;
    if (status.some((s) => s.state === 'parked')) throw new Error(`a projection is parked: ${JSON.stringify(status)}`);
    if (Date.now() > deadline) throw new Error(`projections did not catch up: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until every projection of this process has applied every event in the log. */
export function settled(runner: ProjectionRunner, timeoutMs = 30_000): Promise<void> {
  return settledBy(() => runner.status(), timeoutMs);
}

/**
 * The same over HTTP, as the server answers an operator's `projections` query: for a server in another process
 * (the CLI's demo), or a suite that uses the API as a reader does.
 */
export function settledOver(operator: GraphQLClient, timeoutMs = 30_000): Promise<void> {
  return settledBy(async () => ok(await operator.request<{ projections: ProjectionProgress[] }>('{ projections { name state lagEvents } }')).projections, timeoutMs);
}
