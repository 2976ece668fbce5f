import type pg from 'pg';
import { EVENT_STORE } from '#event-store';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { generatePopulation } from '#synthetic-population';
import { PROJECTIONS } from '#app';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { KurrentDbTestServer } from '../support/kurrentdb/kurrentdb-test-server.js';
import { readModelHash, settled } from '../support/read-models.js';
import { openTestRuntime } from '../support/test-runtime.js';
import { backendName } from '../support/test-database.js';

/** Every read-model table without the log positions it copies: those are the store's own (byte offsets on KurrentDB). */
async function answersHash(pool: pg.Pool): Promise<string> {
  const tables = PROJECTIONS.flatMap((p) => p.tables.map((table) => `${p.schema}.${table}`));
  const parts = tables.map(
    (table) => `(SELECT md5(coalesce(string_agg((to_jsonb(t) - 'global_position' - 'global_positions')::text, E'\\n' ORDER BY (to_jsonb(t) - 'global_position' - 'global_positions')::text), '')) FROM ${table} t)`,
  );
  const { rows } = await pool.query<{ hash: string }>(`SELECT md5(concat_ws('|', ${parts.join(', ')})) AS hash`);
  return rows[0]!.hash;
}

describe('the app on KurrentDB (the protocol test server), read models in PostgreSQL', () => {
  it(`builds read models live equal to a full rebuild, answering as the app on ${backendName} does for the same population`, async () => {
    const population = generatePopulation({ subjects: 60, seed: 'kurrentdb-replay' }).commands;
    const server = await KurrentDbTestServer.start();
    const onKurrent = await IngestionFixture.start({ ...(await openTestRuntime()), eventStore: { kind: 'kurrentdb', url: server.url } });
    const onSql = await IngestionFixture.start();
    try {
      await onKurrent.importCommands(population);
      await onSql.importCommands(population);
      const runner = onKurrent.context.get(ProjectionRunner);
      await settled(runner, 120_000);
      await settled(onSql.context.get(ProjectionRunner), 120_000);
      expect(server.eventCount()).toBeGreaterThan(300);
      expect(server.eventCount()).toBe(await onSql.context.get(EVENT_STORE).countEvents());

      const live = await readModelHash(onKurrent.database.pool);
      await rebuildProjections(onKurrent.database.pool, onKurrent.context.get(EVENT_STORE), runner, runner.projections, { batchSize: 97 });
      expect(await readModelHash(onKurrent.database.pool)).toBe(live);

      expect(await answersHash(onKurrent.database.pool)).toBe(await answersHash(onSql.database.pool));
    } finally {
      await onKurrent.close();
      await onSql.close();
      await server.close();
    }
  }, 300_000);
});
