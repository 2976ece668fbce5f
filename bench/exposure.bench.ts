/**
 * npm run bench:exposure — with 1,000,000 events (the fast synthetic lives: 91k subjects, three records each)
 * on the PostgreSQL in DATABASE_URL: p50/p95/p99 over HTTP on loopback of `exposure(subjectId)` for a random
 * subject from 16 concurrent connections, as an auditor (so each query also stores its audit record) and as the
 * citizens themselves (each asking about their own records: no audit record), and for each the highest steady
 * load at which p95 stays within the target (25 ms, PRODUCT §8; `loadWithinTarget`); then the cost of the
 * linkage and exposure projections in a rebuild (events/s over the whole log). Last line: one
 * JSON object. BENCH_RATES=200,400 adds the latency at those steady loads (requests a second, `measureAtRate`).
 */
import { migrate, openDatabase } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { exposureProjection, linkageProjection } from '#exposure';
import { ProjectionRunner, rebuildProjection } from '#projections';
import { EVENTS_PER_SUBJECT, eventLogSize } from '#synthetic-population';
import { DATABASE_SCHEMA, PROJECTIONS } from '#app';
import { freshDatabase, loadWithinTarget, machine, withinTargetLine, type LoadWithinTarget } from './bench-support.js';
import { QUERIES, atRateLine, benchRates, eachCitizen, everyQueryAs, latencyLine, loadSubjects, measure, measureAtRate, projectorPlacement, startServer, tokens, type Latency } from './graphql-server.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SUBJECTS = Math.ceil(EVENTS / EVENTS_PER_SUBJECT);
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** PRODUCT §8: the exposure of a subject, p95 ≤ 25 ms. */
const TARGET_MS = 25;
// Read before the load, so that a bad value fails at once rather than after minutes of loading.
const RATES = benchRates();

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_exposure');
  const started = performance.now();
  await loadSubjects(target.url, SUBJECTS);
  const events = eventLogSize(SUBJECTS);
  const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
  const server = await startServer(target.url, auditor);
  const latency: Record<string, Latency> = {};
  const withinTarget: Record<string, LoadWithinTarget> = {};
  const atRates: Record<string, Latency[]> = {};
  try {
    const callers = [
      ['auditor', everyQueryAs(auditor)],
      ['citizen', await eachCitizen(SUBJECTS)],
    ] as const;
    console.log(`loaded and projected ${events.toLocaleString('en')} events for ${SUBJECTS.toLocaleString('en')} subjects in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    for (const [who, caller] of callers) {
      const figure = (latency[`exposure_as_${who}`] = await measure(server.base, caller, QUERIES.exposure, SUBJECTS, CONNECTIONS, SECONDS));
      console.log(latencyLine(`exposure as ${who}`, figure));
      const found = (withinTarget[`exposure_as_${who}`] = await loadWithinTarget(TARGET_MS, figure, (rate) => measureAtRate(server.base, caller, QUERIES.exposure, SUBJECTS, CONNECTIONS, rate, SECONDS)));
      console.log(withinTargetLine(`exposure as ${who}`, found, figure));
    }
    for (const rate of RATES) {
      for (const [who, caller] of callers) {
        const figure = await measureAtRate(server.base, caller, QUERIES.exposure, SUBJECTS, CONNECTIONS, rate, SECONDS);
        (atRates[`exposure_as_${who}`] ??= []).push(figure);
        console.log(atRateLine(`exposure as ${who}`, figure));
      }
    }
  } finally {
    await server.stop();
  }

  const db = await openDatabase({ url: target.url, poolSize: 4 }, DATABASE_SCHEMA);
  await migrate(db);
  const store = new PostgresEventStore(db);
  const runner = new ProjectionRunner(db.pool, store, PROJECTIONS);
  const rebuild: Record<string, { seconds: number; eventsPerSecond: number }> = {};
  for (const projection of [linkageProjection, exposureProjection]) {
    const t0 = performance.now();
    await rebuildProjection(db.pool, store, runner, projection);
    const seconds = (performance.now() - t0) / 1000;
    rebuild[projection.name] = { seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(events / seconds) };
    console.log(`rebuild of ${projection.name}: ${rebuild[projection.name]!.eventsPerSecond.toLocaleString('en')} events/s (${seconds.toFixed(1)} s)`);
  }
  await store.close();
  await db.close();
  await target.drop();
  console.log(JSON.stringify({ exposure: latency, withinTarget, ...(RATES.length > 0 ? { atRates } : {}), projector: projectorPlacement(), rebuild, events, subjects: SUBJECTS, connections: CONNECTIONS, seconds: SECONDS, machine: machine() }));
}

await main();
