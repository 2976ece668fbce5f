import type pg from 'pg';
import { EVENT_STORE } from '#event-store';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { generatePopulation } from '#synthetic-population';
import { PROJECTIONS } from '#app';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { kurrentDbName, startKurrentDb } from '../support/event-store-targets.js';
import { readModelHash, settled } from '../support/read-models.js';
import { openTestRuntime } from '../support/test-runtime.js';
import { backendName } from '../support/test-database.js';

/** The history and exposure read models without the log positions they copy (byte offsets on KurrentDB), table by table. */
async function answers(pool: pg.Pool): Promise<Record<string, string>> {
  const tables = PROJECTIONS.filter((p) => p.schema === 'access_history' || p.schema === 'exposure').flatMap((p) => p.tables.map((table) => `${p.schema}.${table}`));
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const row = `(to_jsonb(t) - 'global_position' - 'global_positions')::text`;
    const { rows } = await pool.query<{ hash: string }>(`SELECT md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS hash FROM ${table} t`);
    hashes[table] = rows[0]!.hash;
  }
  return hashes;
}

describe(`the app on ${kurrentDbName}, read models on ${backendName}`, () => {
  it(`builds read models live equal to a full rebuild, with the same access history and exposure as the app on ${backendName} for the same population`, async () => {
    const population = generatePopulation({ subjects: 60, seed: 'kurrentdb-replay' }).commands;
    const kurrent = await startKurrentDb();
    const onKurrent = await IngestionFixture.start({ ...(await openTestRuntime()), eventStore: { kind: 'kurrentdb', url: kurrent.url } });
    const onSql = await IngestionFixture.start();
    try {
      await onKurrent.importCommands(population);
      await onSql.importCommands(population);
      const runner = onKurrent.context.get(ProjectionRunner);
      await settled(runner, 120_000);
      await settled(onSql.context.get(ProjectionRunner), 120_000);
      const onKurrentCount = await onKurrent.context.get(EVENT_STORE).countEvents();
      expect(onKurrentCount).toBeGreaterThan(300);
      expect(onKurrentCount).toBe(await onSql.context.get(EVENT_STORE).countEvents());

      const live = await readModelHash(onKurrent.database.pool);
      await rebuildProjections(onKurrent.database.pool, onKurrent.context.get(EVENT_STORE), runner, runner.projections, { batchSize: 97 });
      expect(await readModelHash(onKurrent.database.pool)).toBe(live);

      const sqlAnswers = await answers(onSql.database.pool);
      expect(Object.keys(sqlAnswers).length).toBeGreaterThan(1);
      expect(await answers(onKurrent.database.pool)).toEqual(sqlAnswers);
    } finally {
      await onKurrent.close();
      await onSql.close();
      await kurrent.close();
    }
  }, 300_000);
});
