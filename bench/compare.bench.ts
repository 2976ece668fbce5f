/**
 * npm run bench:compare — the code of a git revision (BENCH_BASELINE, default HEAD) against the working tree's
 * build, over HTTP, in paired rounds: both servers run side by side over one database (the fast synthetic log,
 * BENCH_SUBJECTS subjects, 90,910 by default: 1,000,116 events), with one projector beside them, and the query
 * (BENCH_QUERY: accessHistory, whoAccessed or exposure; as an auditor, or BENCH_AS=citizen: each subject with their own
 * token) is sent to each in turn for BENCH_SECONDS
 * (6) from 16 connections, BENCH_ROUNDS (6) rounds, the order alternating. On a machine whose speed drifts
 * within minutes, the figures of two whole runs say little; rounds taken side by side do. Each round also
 * counts the write-ahead log written meanwhile (pg_stat_wal: bytes and full page images per request): not tied
 * to the CPU's speed, but swinging with where a round falls between checkpoints, so read its medians. Last line:
 * one JSON object, with each side's rounds and medians.
 */
import { join } from 'node:path';
import pg from 'pg';
import { eventLogSize } from '#synthetic-population';
import { buildBaseline, freshDatabase, machine, median } from './bench-support.js';
import { QUERIES, eachCitizen, everyQueryAs, loadSubjects, measure, startServers, tokens, type Latency } from './graphql-server.js';

const BASELINE = process.env.BENCH_BASELINE ?? 'HEAD';
const QUERY = (process.env.BENCH_QUERY ?? 'accessHistory') as keyof typeof QUERIES;
const AS = process.env.BENCH_AS ?? 'auditor';
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 90_910);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = 16;
/** Untimed seconds before each round: the side about to be timed warms up, and the WAL is counted after. */
const WARM_UP_SECONDS = 3;

/** A round's latency, and the write-ahead log written during it, per request. */
type Round = Latency & { walBytesPerRequest: number; fullPageImagesPerRequest: number };

const summary = (rounds: Round[]) => ({
  rounds,
  median: {
    rps: median(rounds.map((r) => r.rps)),
    p50_ms: median(rounds.map((r) => r.p50_ms)),
    p95_ms: median(rounds.map((r) => r.p95_ms)),
    p99_ms: median(rounds.map((r) => r.p99_ms)),
    walBytesPerRequest: median(rounds.map((r) => r.walBytesPerRequest)),
    fullPageImagesPerRequest: median(rounds.map((r) => r.fullPageImagesPerRequest)),
  },
});

/** The server's WAL counters (every database's: the two servers' rounds take turns, so a round's delta is its own). */
async function walCounters(client: pg.Client): Promise<{ bytes: number; fullPageImages: number }> {
  const { rows } = await client.query<{ wal_bytes: string; wal_fpi: string }>('SELECT wal_bytes, wal_fpi FROM pg_stat_wal');
  return { bytes: Number(rows[0]!.wal_bytes), fullPageImages: Number(rows[0]!.wal_fpi) };
}

async function main(): Promise<void> {
  if (AS !== 'auditor' && AS !== 'citizen') throw new Error('BENCH_AS must be auditor or citizen');
  if (!(QUERY in QUERIES)) throw new Error(`BENCH_QUERY must be one of ${Object.keys(QUERIES).join(', ')}`);
  const baseline = buildBaseline(BASELINE);
  const target = await freshDatabase('himotoki_bench_compare');
  try {
    await loadSubjects(target.url, SUBJECTS);
    const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
    const caller = AS === 'citizen' ? await eachCitizen(SUBJECTS) : everyQueryAs(auditor);
    const sides = [
      { name: `baseline ${baseline.commit.slice(0, 7)}`, cli: baseline.cli, rounds: [] as Round[] },
      { name: 'working tree', cli: join(process.cwd(), 'dist/apps/cli/src/main.js'), rounds: [] as Round[] },
    ];
    const servers = await startServers(target.url, auditor, sides.map((s) => s.cli), 'own-process');
    const stats = new pg.Client({ connectionString: target.url });
    await stats.connect();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const i of order) {
          await measure(servers.bases[i]!, caller, QUERIES[QUERY], SUBJECTS, CONNECTIONS, WARM_UP_SECONDS, 0);
          const before = await walCounters(stats);
          const latency = await measure(servers.bases[i]!, caller, QUERIES[QUERY], SUBJECTS, CONNECTIONS, SECONDS, 0);
          const after = await walCounters(stats);
          const figure = {
            ...latency,
            walBytesPerRequest: Math.round((after.bytes - before.bytes) / latency.requests),
            fullPageImagesPerRequest: Math.round(((after.fullPageImages - before.fullPageImages) / latency.requests) * 100) / 100,
          };
          sides[i]!.rounds.push(figure);
          console.log(
            `round ${round + 1}, ${sides[i]!.name}: p50 ${figure.p50_ms} ms, p95 ${figure.p95_ms} ms, ${figure.rps} req/s, ` +
              `WAL ${figure.walBytesPerRequest} bytes and ${figure.fullPageImagesPerRequest} full page images a request`,
          );
        }
      }
    } finally {
      await stats.end();
      await servers.stop();
    }
    const [before, after] = sides.map((s) => summary(s.rounds));
    // A median of an even number of rounds is a mean of two: printed to the hundredth, as the rounds are.
    const ms = (value: number) => Math.round(value * 100) / 100;
    console.log(`medians: ${QUERY} p95 ${ms(before!.median.p95_ms)} → ${ms(after!.median.p95_ms)} ms, ${before!.median.rps} → ${after!.median.rps} requests/s`);
    console.log(
      JSON.stringify({
        compare: { query: QUERY, as: AS, baseline: { commit: baseline.commit, ...before }, workingTree: after },
        events: eventLogSize(SUBJECTS),
        subjects: SUBJECTS,
        connections: CONNECTIONS,
        rounds: ROUNDS,
        seconds: SECONDS,
        machine: machine(),
      }),
    );
  } finally {
    await target.drop();
    baseline.remove();
  }
}

await main();
