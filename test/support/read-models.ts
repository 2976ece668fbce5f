import type pg from 'pg';
import type { ProjectionRunner } from '#projections';
import { PROJECTIONS } from '#app';

/** A hash of every read-model table's content, rows in a fixed order: equal hashes, equal read models. */
export async function readModelHash(pool: pg.Pool): Promise<string> {
  const tables = PROJECTIONS.flatMap((p) => p.tables.map((table) => `${p.schema}.${table}`));
  const parts = tables.map((table) => `(SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM ${table} t)`);
  const { rows } = await pool.query<{ hash: string }>(`SELECT md5(concat_ws('|', ${parts.join(', ')})) AS hash`);
  return rows[0]!.hash;
}

/** Waits until every projection has applied every event in the log. */
export async function settled(runner: ProjectionRunner, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await runner.status();
    if (status.every((s) => s.lagEvents === 0)) return;
    if (status.some((s) => s.state === 'parked')) throw new Error(`a projection is parked: ${JSON.stringify(status)}`);
    if (Date.now() > deadline) throw new Error(`projections did not catch up: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
