/**
 * npm run bench:freshness — while the server runs (its projector live, on the PostgreSQL in DATABASE_URL),
 * another client appends events one at a time; each is timed from its commit until it shows in the access
 * history. The wake-up crosses processes the way an agency's writes do: by NOTIFY, not an in-process signal.
 * Last line: one JSON object.
 */
import { PostgresEventStore } from '#event-store-postgres';
import { openPool } from '#database';
import { createApp, openRuntime } from '#app';
import { appendAndWatch, freshDatabase, latencyPercentiles, machine } from './bench-support.js';
import { subjectAppends } from '#synthetic-population';

const SAMPLES = 300;

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_freshness');
  const runtime = await openRuntime({ ...process.env, DATABASE_URL: target.url, HIMOTOKI_SECRET: 'bench-secret-bench-secret-bench-secret' });
  const app = await createApp(runtime, { logger: false });
  await app.listen(0, '127.0.0.1');

  const writerPool = openPool({ connectionString: target.url, max: 1 }, 'freshness bench writer');
  const writer = new PostgresEventStore({ pool: writerPool, url: target.url, deliversNotifications: true });
  const { visibleMs } = await appendAndWatch(target.url, writer, SAMPLES, (n) => ({ streamId: `fresh-${n}`, event: subjectAppends(n, n + 1)[0]!.events.at(-1)! }));
  const result = { freshness: { samples: SAMPLES, ...latencyPercentiles(visibleMs) }, machine: machine() };
  console.log(`append → visible in the access history: p50 ${result.freshness.p50_ms} ms, p95 ${result.freshness.p95_ms} ms, p99 ${result.freshness.p99_ms} ms`);

  await writer.close();
  await writerPool.end();
  await app.close();
  await target.drop();
  console.log(JSON.stringify(result));
}

await main();
