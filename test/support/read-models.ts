import type pg from 'pg';
import type { ProjectionRunner } from '#projections';

/** A hash of every read-model table's ordered content: equal hashes, equal read models. */
export async function readModelHash(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ hash: string }>(
    `SELECT md5(concat_ws('|',
       (SELECT string_agg(t::text, E'\\n' ORDER BY t.subject_id, t.event_id) FROM access_history.entries t),
       (SELECT string_agg(t::text, E'\\n' ORDER BY t.id) FROM registry.organizations t),
       (SELECT string_agg(t::text, E'\\n' ORDER BY t.id) FROM registry.datasets t),
       (SELECT string_agg(t::text, E'\\n' ORDER BY t.finding_id) FROM findings.findings t),
       (SELECT string_agg(t::text, E'\\n' ORDER BY t.link_id) FROM findings.ties t),
       (SELECT string_agg(t::text, E'\\n' ORDER BY t.event_id) FROM findings.staff_accesses t))) AS hash`,
  );
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
