/**
 * npm run bench:query — GraphQL over HTTP on loopback against a server in its own process (`himotoki
 * serve`), with 1,100,000 events for 100,000 subjects on the PostgreSQL in DATABASE_URL: `accessHistory`
 * (first page) and `whoAccessed` of a random subject from 16 concurrent connections (autocannon). As an
 * auditor every query also stores its audit event, as in production; an organization's query (no audit
 * record) is measured beside it. The read models and the journal follow the log in a `himotoki project` process
 * beside the server (BENCH_PROJECTOR=in-server: inside it). Latencies are taken per response (p50/p95/p99).
 * BENCH_RATES=400,800 adds each query's latency at those steady loads (requests a second, `measureAtRate`):
 * the connections' saturation above is a throughput test as much as a latency one.
 * Last line: one JSON object.
 */
import { eventLogSize } from '#synthetic-population';
import { freshDatabase, machine } from './bench-support.js';
import { QUERIES, atRateLine, benchRates, loadSubjects, measure, measureAtRate, projectorPlacement, startServer, tokens, type Latency } from './graphql-server.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RATES = benchRates();

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_query');
  const started = performance.now();
  await loadSubjects(target.url, SUBJECTS);
  const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
  const organization = await tokens.mint({ role: 'ORGANIZATION', id: 'pension', organizationId: 'pension' });
  const server = await startServer(target.url, auditor);
  try {
    const events = eventLogSize(SUBJECTS);
    console.log(`loaded and projected ${events.toLocaleString('en')} events for ${SUBJECTS.toLocaleString('en')} subjects in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const results: Record<string, unknown> = {};
    for (const [who, token] of [['auditor', auditor], ['organization', organization]] as const) {
      for (const name of ['accessHistory', 'whoAccessed'] as const) {
        const query = QUERIES[name];
        const figure = await measure(server.base, token, query, SUBJECTS, CONNECTIONS, SECONDS);
        results[`${name}_as_${who}`] = figure;
        console.log(`${name} as ${who}: ${figure.requests} requests, p50 ${figure.p50_ms} ms, p95 ${figure.p95_ms} ms, p99 ${figure.p99_ms} ms, ${figure.rps} req/s, non-200 ${figure.non200}`);
      }
    }
    const atRates: Record<string, Latency[]> = {};
    for (const rate of RATES) {
      for (const [who, token] of [['auditor', auditor], ['organization', organization]] as const) {
        for (const name of ['accessHistory', 'whoAccessed'] as const) {
          const figure = await measureAtRate(server.base, token, QUERIES[name], SUBJECTS, CONNECTIONS, rate, SECONDS);
          (atRates[`${name}_as_${who}`] ??= []).push(figure);
          console.log(atRateLine(`${name} as ${who}`, figure));
        }
      }
    }
    console.log(JSON.stringify({ query: results, ...(RATES.length > 0 ? { atRates } : {}), projector: projectorPlacement(), events, subjects: SUBJECTS, connections: CONNECTIONS, seconds: SECONDS, machine: machine() }));
  } finally {
    await server.stop();
    await target.drop();
  }
}

await main();
