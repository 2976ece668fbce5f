/**
 * npm run bench:rebuild — rebuild of every projection from position zero on PostgreSQL (DATABASE_URL),
 * at 250,000 and at 1,000,000 events (BENCH_REBUILD_SIZES): events/s and the process's peak RSS during each rebuild, to show that
 * memory does not grow with the log; and the CPU an event took in this process and in the database's backends
 * (core-µs, from /proc), which other load on the machine slows but does not add to, unlike events/s.
 * Last line: one JSON object.
 */
import { migrate, openDatabase } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { DATABASE_SCHEMA, PROJECTIONS } from '#app/read-models';
import { cpuSeconds, cpuSince, freshDatabase, machine, postgresProcesses } from './bench-support.js';
import { EVENTS_PER_SUBJECT, eventLogSize, subjectAppends, worldAppend } from '#synthetic-population';

/** BENCH_REBUILD_SIZES: the sizes, in ascending order (comma-separated). */
const SIZES = (process.env.BENCH_REBUILD_SIZES ?? '250000,1000000').split(',').map(Number);
const SUBJECTS_PER_APPEND = 100;

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_rebuild');
  const db = await openDatabase({ url: target.url, poolSize: 4 }, DATABASE_SCHEMA);
  await migrate(db);
  const store = new PostgresEventStore(db);
  const runner = new ProjectionRunner(db.pool, store, PROJECTIONS);
  const results: Record<string, { events: number; seconds: number; eventsPerSecond: number; peakRssMB: number; nodeCoreMicroseconds: number; backendCoreMicroseconds: number }> = {};
  const { cluster, database } = (await db.pool.query<{ cluster: string; database: string }>(`SELECT current_setting('cluster_name') AS cluster, current_database() AS database`)).rows[0]!;
  const backends = () => cpuSeconds(postgresProcesses(cluster, database));
  await store.appendToStreams([worldAppend()]);
  let subjects = 0;
  for (const size of SIZES) {
    const loadStarted = performance.now();
    while (subjects * EVENTS_PER_SUBJECT < size) {
      const next = Math.min(subjects + SUBJECTS_PER_APPEND, Math.ceil(size / EVENTS_PER_SUBJECT));
      await store.appendToStreams(subjectAppends(subjects, next));
      subjects = next;
    }
    const events = eventLogSize(subjects);
    console.log(`loaded ${events.toLocaleString('en')} events in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const [nodeBefore, backendsBefore] = [process.cpuUsage(), backends()];
    const started = performance.now();
    await rebuildProjections(db.pool, store, runner, PROJECTIONS);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const node = process.cpuUsage(nodeBefore);
    const coreMicroseconds = (total: number) => Math.round(total / events * 10) / 10;
    const figure = {
      events,
      seconds: Math.round(seconds * 100) / 100,
      eventsPerSecond: Math.round(events / seconds),
      peakRssMB: Math.round(peak / 2 ** 20),
      nodeCoreMicroseconds: coreMicroseconds(node.user + node.system),
      backendCoreMicroseconds: coreMicroseconds(cpuSince(backendsBefore, backends()) * 1e6),
    };
    results[String(size)] = figure;
    console.log(
      `rebuild of ${events.toLocaleString('en')} events: ${figure.eventsPerSecond.toLocaleString('en')} events/s, peak RSS ${figure.peakRssMB} MB; ` +
        `CPU an event: Node ${figure.nodeCoreMicroseconds} + the database's backends ${figure.backendCoreMicroseconds} core-µs`,
    );
  }
  await store.close();
  await db.close();
  await target.drop();
  console.log(JSON.stringify({ rebuild: results, projections: PROJECTIONS.map((p) => p.name), machine: machine() }));
}

await main();
