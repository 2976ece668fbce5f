/**
 * npm run bench:query — GraphQL over HTTP on loopback against a server in its own process (`himotoki
 * serve`), with 1,100,000 events for 100,000 subjects on the PostgreSQL in DATABASE_URL: `accessHistory`
 * (first page) and `whoAccessed` of a random subject from 16 concurrent connections (autocannon). As an
 * auditor every query also stores its audit event, as in production; an organization's query and a citizen's
 * about themselves (no audit record for either) are measured beside it. The read models and the journal follow the log in a `himotoki project` process
 * beside the server (BENCH_PROJECTOR=in-server: inside it). Latencies are taken per response (p50/p95/p99).
 * Each is then measured at steady loads for the highest at which p95 stays within the target (15 ms, PRODUCT §8;
 * `loadWithinTarget`): the connections' saturation above is a throughput test as much as a latency one.
 * BENCH_RATES=400,800 adds each query's latency at those steady loads (requests a second, `measureAtRate`).
 * Last line: one JSON object.
 */
import { eventLogSize } from '#synthetic-population';
import { freshDatabase, loadWithinTarget, machine, withinTargetLine, type LoadWithinTarget } from './bench-support.js';
import { QUERIES, atRateLine, benchRates, eachCitizen, everyQueryAs, latencyLine, loadSubjects, measure, measureAtRate, projectorPlacement, startServer, tokens, type Latency } from './graphql-server.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** PRODUCT §8: the access history's first page, p95 ≤ 15 ms (`whoAccessed` held to the same). */
const TARGET_MS = 15;
const RATES = benchRates();

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_query');
  const started = performance.now();
  await loadSubjects(target.url, SUBJECTS);
  const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
  const organization = await tokens.mint({ role: 'ORGANIZATION', id: 'pension', organizationId: 'pension' });
  const server = await startServer(target.url, auditor);
  try {
    const callers = [
      ['auditor', everyQueryAs(auditor)],
      ['organization', everyQueryAs(organization)],
      ['citizen', await eachCitizen(SUBJECTS)],
    ] as const;
    const events = eventLogSize(SUBJECTS);
    console.log(`loaded and projected ${events.toLocaleString('en')} events for ${SUBJECTS.toLocaleString('en')} subjects in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const results: Record<string, unknown> = {};
    const withinTarget: Record<string, LoadWithinTarget> = {};
    for (const [who, caller] of callers) {
      for (const name of ['accessHistory', 'whoAccessed'] as const) {
        const query = QUERIES[name];
        const figure = await measure(server.base, caller, query, SUBJECTS, CONNECTIONS, SECONDS);
        results[`${name}_as_${who}`] = figure;
        console.log(latencyLine(`${name} as ${who}`, figure));
        const found = (withinTarget[`${name}_as_${who}`] = await loadWithinTarget(TARGET_MS, figure, (rate) => measureAtRate(server.base, caller, query, SUBJECTS, CONNECTIONS, rate, SECONDS)));
        console.log(withinTargetLine(`${name} as ${who}`, found, figure));
      }
    }
    const atRates: Record<string, Latency[]> = {};
    for (const rate of RATES) {
      for (const [who, caller] of callers) {
        for (const name of ['accessHistory', 'whoAccessed'] as const) {
          const figure = await measureAtRate(server.base, caller, QUERIES[name], SUBJECTS, CONNECTIONS, rate, SECONDS);
          (atRates[`${name}_as_${who}`] ??= []).push(figure);
          console.log(atRateLine(`${name} as ${who}`, figure));
        }
      }
    }
    console.log(JSON.stringify({ query: results, withinTarget, ...(RATES.length > 0 ? { atRates } : {}), projector: projectorPlacement(), events, subjects: SUBJECTS, connections: CONNECTIONS, seconds: SECONDS, machine: machine() }));
  } finally {
    await server.stop();
    await target.drop();
  }
}

await main();
