/**
 * npm run bench:freshness — while the server runs (its projector live, on the PostgreSQL in DATABASE_URL),
 * another client appends events one at a time; each is timed from its commit until it shows in the access
 * history. The wake-up crosses processes the way an agency's writes do: by NOTIFY, not an in-process signal.
 * Last line: one JSON object.
 */
import { PostgresEventStore } from '#event-store-postgres';
import pg from 'pg';
import { createApp, openRuntime } from '#app';
import { freshDatabase, machine } from './bench-support.js';
import { subjectAppends } from '#synthetic-population';

const SAMPLES = 300;

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_freshness');
  const runtime = await openRuntime({ ...process.env, DATABASE_URL: target.url, HIMOTOKI_SECRET: 'bench-secret-bench-secret-bench-secret' });
  const app = await createApp(runtime, { logger: false });
  await app.listen(0, '127.0.0.1');

  const writerPool = new pg.Pool({ connectionString: target.url, max: 1 });
  const writer = new PostgresEventStore({ pool: writerPool, url: target.url, deliversNotifications: true });
  const reader = new pg.Client({ connectionString: target.url });
  await reader.connect();

  const latencies: number[] = [];
  for (let n = 0; n < SAMPLES; n++) {
    const [append] = subjectAppends(n, n + 1);
    const access = append!.events.at(-1)!;
    await writer.appendToStream(`fresh-${n}`, [access]);
    const committed = performance.now();
    for (;;) {
      const { rowCount } = await reader.query('SELECT 1 FROM access_history.entries WHERE event_id = $1', [access.id]);
      if (rowCount) break;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    latencies.push(performance.now() - committed);
    await new Promise((resolve) => setTimeout(resolve, 5 + (n % 7) * 3));
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
  const result = { freshness: { samples: SAMPLES, p50_ms: pct(50), p95_ms: pct(95), p99_ms: pct(99), max_ms: pct(100) }, machine: machine() };
  console.log(`append → visible in the access history: p50 ${result.freshness.p50_ms} ms, p95 ${result.freshness.p95_ms} ms, p99 ${result.freshness.p99_ms} ms`);

  await reader.end();
  await writer.close();
  await writerPool.end();
  await app.close();
  await target.drop();
  console.log(JSON.stringify(result));
}

await main();
