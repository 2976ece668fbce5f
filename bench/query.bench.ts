/**
 * npm run bench:query — GraphQL over HTTP on loopback against a server in its own process (`himotoki
 * serve`), with 1,100,000 events for 100,000 subjects on the PostgreSQL in DATABASE_URL: `accessHistory`
 * (first page) and `whoAccessed` of a random subject from 16 concurrent connections (autocannon). As an
 * auditor every query also stores its audit event, as in production; an organization's query (no audit
 * record) is measured beside it. Latencies are taken per response (p50/p95/p99). Last line: one JSON object.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { migrate, openDatabase } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { TokenService } from '../apps/api/src/auth/token.service.js';
import { DATABASE_SCHEMA } from '../apps/api/src/database-schema.js';
import { freshDatabase, machine } from './bench-support.js';
import { eventLogSize, subjectAppends, subjectIdOf } from '#synthetic-population';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const SECRET = 'bench-secret-bench-secret-bench-secret';
const PORT = 3900 + (process.pid % 90);

const QUERIES = {
  accessHistory: `query ($s: ID!) { accessHistory(subjectId: $s, first: 50) { totalCount edges { cursor node { id kind occurredAt organization { id name } staffCode counterparty { id } items purpose legalBasis outcome } } pageInfo { hasNextPage endCursor } } }`,
  whoAccessed: `query ($s: ID!) { whoAccessed(subjectId: $s, item: "INCOME") { organization { id name } staffCode occurredAt kind purpose outcome } }`,
};

async function load(url: string): Promise<void> {
  const db = await openDatabase({ url, poolSize: 2 }, DATABASE_SCHEMA);
  await migrate(db);
  const store = new PostgresEventStore(db);
  for (let n = 0; n < SUBJECTS; n += 100) await store.appendToStreams(subjectAppends(n, n + 100));
  await store.close();
  await db.close();
}

async function caughtUp(base: string, token: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ projections { lagEvents } }' }),
    }).catch(() => undefined);
    const body = (await response?.json().catch(() => undefined)) as { data?: { projections: { lagEvents: number }[] } } | undefined;
    if (body?.data?.projections.every((p) => p.lagEvents === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function measure(base: string, token: string, query: string) {
  const latencies: number[] = [];
  let non200 = 0;
  const summary = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}/graphql`,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            setupRequest: (request) => ({ ...request, body: JSON.stringify({ query, variables: { s: subjectIdOf(Math.floor(Math.random() * SUBJECTS)) } }) }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (status !== 200) non200++;
    });
  });
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 100) / 100;
  return { requests: latencies.length, rps: Math.round(summary.requests.average), p50_ms: pct(50), p95_ms: pct(95), p99_ms: pct(99), non200 };
}

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_query');
  const started = performance.now();
  await load(target.url);
  const env = { ...process.env, DATABASE_URL: target.url, HIMOTOKI_SECRET: SECRET, HIMOTOKI_POOL_SIZE: '16', PORT: String(PORT), NODE_ENV: 'production' };
  // BENCH_PROFILE=DIR writes a CPU profile of the server process there.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const server = spawn(process.execPath, [...profile, join(process.cwd(), 'dist/apps/cli/src/main.js'), 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${PORT}`;
  const tokens = new TokenService(Buffer.from(SECRET, 'utf8'));
  const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
  const organization = await tokens.mint({ role: 'ORGANIZATION', id: 'pension', organizationId: 'pension' });
  try {
    await caughtUp(base, auditor);
    const events = eventLogSize(SUBJECTS);
    console.log(`loaded and projected ${events.toLocaleString('en')} events for ${SUBJECTS.toLocaleString('en')} subjects in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const results: Record<string, unknown> = {};
    for (const [who, token] of [['auditor', auditor], ['organization', organization]] as const) {
      for (const [name, query] of Object.entries(QUERIES)) {
        const figure = await measure(base, token, query);
        results[`${name}_as_${who}`] = figure;
        console.log(`${name} as ${who}: ${figure.requests} requests, p50 ${figure.p50_ms} ms, p95 ${figure.p95_ms} ms, p99 ${figure.p99_ms} ms, ${figure.rps} req/s, non-200 ${figure.non200}`);
      }
    }
    console.log(JSON.stringify({ query: results, events, subjects: SUBJECTS, connections: CONNECTIONS, seconds: SECONDS, machine: machine() }));
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await target.drop();
  }
}

await main();
