/**
 * What the HTTP benchmarks share: a log of the fast synthetic lives loaded into a fresh database, a server in
 * its own process (`himotoki serve`) over it, and latency measured per response from concurrent connections.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import autocannon from 'autocannon';
import { migrate, openClient, openDatabase, openPool } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { subjectAppends, subjectIdOf, worldAppend } from '#synthetic-population';
import { TokenService } from '#api';
import { DATABASE_SCHEMA } from '#app';
import { cliOf } from './bench-support.js';

/** The platform secret of the benchmarks' servers, and tokens signed with it. */
export const SECRET = 'bench-secret-bench-secret-bench-secret';
export const tokens = new TokenService(Buffer.from(SECRET, 'utf8'));

/** Who sends a benchmark's queries: the bearer token of a request about subject number `n`. */
export type Caller = (n: number) => string;

/** Every query sent with one token (an auditor's, an organization's). */
export const everyQueryAs =
  (token: string): Caller =>
  () =>
    token;

/**
 * Each citizen asking about themselves: a SUBJECT token per subject, minted up front, so that a query about
 * subject n carries n's own token (and, as with real citizens, few requests find their token already verified).
 */
export async function eachCitizen(subjects: number): Promise<Caller> {
  const own: string[] = [];
  for (let from = 0; from < subjects; from += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, subjects - from) }, (_, i) => from + i);
    own.push(...(await Promise.all(batch.map((n) => tokens.mint({ role: 'SUBJECT', id: `citizen-${n}`, subjectId: subjectIdOf(n) })))));
  }
  return (n) => own[n]!;
}

export async function loadSubjects(url: string, subjects: number): Promise<void> {
  const db = await openDatabase({ url, poolSize: 2 }, DATABASE_SCHEMA);
  await migrate(db);
  const store = new PostgresEventStore(db);
  await store.appendToStreams([worldAppend()]);
  for (let n = 0; n < subjects; n += 100) await store.appendToStreams(subjectAppends(n, Math.min(n + 100, subjects)));
  await store.close();
  await db.close();
}

export interface BenchServer {
  base: string;
  /** The processes that run: the server's, and the projector's when it runs in its own (null in-server). */
  pids: { server: number; projector: number | null };
  stop(): Promise<void>;
}

/**
 * Where the read models and the journal sealer follow the log: in a `himotoki project` process beside the server
 * (the server with HIMOTOKI_PROJECTOR=off: the deployment for production), or inside the server process
 * (BENCH_PROJECTOR=in-server). Either way on the same two cores.
 */
export type ProjectorPlacement = 'own-process' | 'in-server';
export const projectorPlacement = (): ProjectorPlacement => (process.env.BENCH_PROJECTOR === 'in-server' ? 'in-server' : 'own-process');

const CLI = cliOf();

/** The queries the HTTP benchmarks send, each about one subject (`$s`). */
export const QUERIES = {
  accessHistory: `query ($s: ID!) { accessHistory(subjectId: $s, first: 50) { totalCount edges { cursor node { id kind occurredAt organization { id name } staffCode counterparty { id } items purpose legalBasis outcome } } pageInfo { hasNextPage endCursor } } }`,
  whoAccessed: `query ($s: ID!) { whoAccessed(subjectId: $s, item: "INCOME") { organization { id name } staffCode occurredAt kind purpose outcome } }`,
  exposure: `query ($s: ID!) { exposure(subjectId: $s) {
  uniquelyMatchableDatasets lowestUniqueLevel
  records { recordId dataset { id name } classSizes { level classSize } uniquelyMatchableIn { dataset { id } lowestLevel fields } }
  bestMatch { from { id } to { id } probability agreeingFields }
  linkage { hygiene { liveTies overdueTies myNumberTiesAcrossOrganizations identifiersPastLifetime } components { datasetCount domains } }
  explanations { topic ja en } } }`,
} as const;

/** `himotoki serve` over the database; resolves once every projection and the journal have caught up with the log. */
export async function startServer(url: string, auditorToken: string, placement = projectorPlacement()): Promise<BenchServer> {
  const { bases, pids, stop } = await startServers(url, auditorToken, [CLI], placement);
  return { base: bases[0]!, pids: { server: pids.servers[0]!, projector: pids.projector }, stop };
}

/**
 * One `himotoki serve` per CLI script given (builds of different code, say) over the same database, each on a
 * port of its own, with one projector (in a `himotoki project` process of this build, or in the one server);
 * resolves once every projection and the journal have caught up with the log.
 */
export async function startServers(
  url: string,
  auditorToken: string,
  clis: readonly string[],
  placement = projectorPlacement(),
): Promise<{ bases: string[]; pids: { servers: number[]; projector: number | null }; stop(): Promise<void> }> {
  if (placement === 'in-server' && clis.length > 1) throw new Error('servers side by side share one projector in its own process');
  const env = { ...process.env, DATABASE_URL: url, HIMOTOKI_SECRET: SECRET, NODE_ENV: 'production' };
  // BENCH_PROFILE=DIR writes a CPU profile of each server process, and of the projector's, there.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const serverEnv = { ...env, HIMOTOKI_POOL_SIZE: '16', ...(placement === 'own-process' ? { HIMOTOKI_PROJECTOR: 'off' } : {}) };
  const ports = clis.map((_, i) => 3900 + ((process.pid + i) % 90));
  const processes: ChildProcess[] = clis.map((cli, i) => spawn(process.execPath, [...profile, cli, 'serve'], { env: { ...serverEnv, PORT: String(ports[i]) }, stdio: ['ignore', 'ignore', 'inherit'] }));
  const projector = placement === 'own-process' ? spawn(process.execPath, [...profile, CLI, 'project'], { env: { ...env, HIMOTOKI_POOL_SIZE: '8' }, stdio: ['ignore', 'pipe', 'inherit'] }) : null;
  const monitorWalked = projector ? journalMonitorWalked(projector) : Promise.resolve();
  monitorWalked.catch(() => undefined); // stopped before it was awaited: not an unhandled rejection
  if (projector) processes.push(projector);
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  const stop = async () => {
    await Promise.all(
      processes.map(async (child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }),
    );
  };
  const counter = openPool({ connectionString: url, max: 1 }, 'bench counter');
  const events = await new PostgresEventStore({ pool: counter, url, deliversNotifications: false }).countEvents();
  await counter.end();
  try {
    // Caught up: every read model, and the journal sealed over the whole log (as a server in service would be).
    for (const base of bases) await caughtUp(base, auditorToken, events);
    // And the journal monitor's walk over every sealed leaf after its start, which would otherwise run inside the
    // measurement (in-server, the server prints no such line: not waited for).
    await monitorWalked;
    // As after any bulk load: vacuumed and analyzed now, rather than by autovacuum during the measurement
    // (it takes a core for a minute or more after a million inserts); and checkpointed, rather than by the
    // checkpoint the load's WAL set off, which otherwise writes the load's pages out during the first
    // measurement (in bench:compare, the first two rounds after the load wrote up to 3.6 times the WAL a request
    // of the later ones).
    const maintenance = openClient({ connectionString: url }, 'bench maintenance');
    await maintenance.connect();
    await maintenance.query('VACUUM ANALYZE');
    await maintenance.query('CHECKPOINT');
    await maintenance.end();
    return { bases, pids: { servers: processes.slice(0, clis.length).map((p) => p.pid!), projector: projector?.pid ?? null }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resolves when `himotoki project` says its journal monitor has checked every sealed leaf in order (rejects if it exits first). */
function journalMonitorWalked(projector: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending = '';
    projector.stdout!.setEncoding('utf8');
    projector.stdout!.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      if (lines.some((line) => line.startsWith('journal monitor: every sealed leaf checked'))) resolve();
    });
    projector.once('exit', (code) => reject(new Error(`the projector exited (${code}) before its journal monitor had checked the sealed leaves`)));
  });
}

/** Resolves once every projection of the server at `base` has caught up with the log, and its journal has sealed at least `sealed` events. */
export async function caughtUp(base: string, auditorToken: string, sealed = 0): Promise<void> {
  for (;;) {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auditorToken}` },
      body: JSON.stringify({ query: '{ projections { lagEvents } journal { sealedSize } }' }),
    }).catch(() => undefined);
    const body = (await response?.json().catch(() => undefined)) as { data?: { projections: { lagEvents: number }[]; journal: { sealedSize: string } } } | undefined;
    if (body?.data?.projections.every((p) => p.lagEvents === 0) && Number(body.data.journal.sealedSize) >= sealed) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export interface Latency {
  requests: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  /** Answers that were not a 200 or carried GraphQL errors (a refused or failed query answers 200 with `errors`). */
  failed: number;
}

/** A measured answer's verdict: a GraphQL error comes with status 200, so the body is read too. */
const failedAnswer = (status: number | undefined, body: string) => status !== 200 || body.includes('"errors":');

function percentiles(latencies: number[]): Pick<Latency, 'p50_ms' | 'p95_ms' | 'p99_ms'> {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
  return { p50_ms: pct(50), p95_ms: pct(95), p99_ms: pct(99) };
}

/** Seconds of each query sent untimed before its measurement: the server's JIT, pool and prepared statements warm up. */
const WARM_UP_SECONDS = 3;

/** A query about a random subject, sent as fast as `connections` clients can for `seconds` (after a warm-up); latency per response. */
export async function measure(base: string, caller: Caller, query: string, subjects: number, connections: number, seconds: number, warmUpSeconds = WARM_UP_SECONDS): Promise<Latency> {
  if (warmUpSeconds > 0) await load(base, caller, query, subjects, connections, warmUpSeconds, () => undefined);
  const latencies: number[] = [];
  let failed = 0;
  const summary = await load(base, caller, query, subjects, connections, seconds, (ms, answerFailed) => {
    latencies.push(ms);
    if (answerFailed) failed++;
  });
  return { requests: latencies.length, rps: Math.round(summary.requests.average), ...percentiles(latencies), failed };
}

/** One line for a figure of `measure`. */
export const latencyLine = (what: string, figure: Latency) =>
  `${what}: ${figure.requests} requests, p50 ${figure.p50_ms} ms, p95 ${figure.p95_ms} ms, p99 ${figure.p99_ms} ms, ${figure.rps} req/s, failed ${figure.failed}`;

/** The steady loads (requests a second) of BENCH_RATES=400,800 for `measureAtRate`; none unless asked. */
export function benchRates(): number[] {
  const rates = (process.env.BENCH_RATES ?? '').split(',').filter(Boolean).map(Number);
  if (rates.some((rate) => !(rate > 0 && Number.isFinite(rate)))) throw new Error(`BENCH_RATES: "${process.env.BENCH_RATES}" must be requests a second, comma-separated (400,800)`);
  return rates;
}

/** One line for a figure of `measureAtRate`: what was offered, how it was answered. */
export const atRateLine = (what: string, figure: Latency & { offered: number }) =>
  `${what} at ${figure.offered} requests/s offered: p50 ${figure.p50_ms} ms, p95 ${figure.p95_ms} ms, p99 ${figure.p99_ms} ms, ${figure.rps} req/s answered, failed ${figure.failed}`;

/** A request unanswered this long fails the measurement rather than hang it (autocannon's limit is 10 s). */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Latency at a steady offered load: `rate` requests a second, spread evenly, over `connections` kept-alive
 * connections. Each request is timed from the moment it was due, so one that waits for a free connection counts
 * its wait: a slow answer cannot hide the requests it held back (no coordinated omission). autocannon's own rate
 * limit is no use here: it sends each connection's quota for the second in a burst, and so measures bursts.
 */
export async function measureAtRate(base: string, caller: Caller, query: string, subjects: number, connections: number, rate: number, seconds: number): Promise<Latency & { offered: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  try {
    await paced(agent, base, caller, query, subjects, rate, WARM_UP_SECONDS);
    const { latencies, failed, elapsed } = await paced(agent, base, caller, query, subjects, rate, seconds);
    return { offered: rate, requests: latencies.length, rps: Math.round(latencies.length / elapsed), ...percentiles(latencies), failed };
  } finally {
    agent.destroy();
  }
}

async function paced(agent: http.Agent, base: string, caller: Caller, query: string, subjects: number, rate: number, seconds: number) {
  const url = new URL('/graphql', base);
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let failed = 0;
  const send = (due: number) =>
    new Promise<void>((resolve, reject) => {
      const n = Math.floor(Math.random() * subjects);
      const body = JSON.stringify({ query, variables: { s: subjectIdOf(n) } });
      const request = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${caller(n)}` } },
        (response) => {
          let answer = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (answer += chunk));
          response.on('end', () => {
            latencies.push(performance.now() - due);
            if (failedAnswer(response.statusCode, answer)) failed++;
            resolve();
          });
        },
      );
      request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
      request.on('error', reject);
      request.end(body);
    });
  const start = performance.now();
  const sent: Promise<void>[] = [];
  while (sent.length < total) {
    // Everything due by now goes out (the agent queues what finds no free connection); then sleep to the next.
    const now = performance.now();
    while (sent.length < total && start + (sent.length * 1000) / rate <= now) sent.push(send(start + (sent.length * 1000) / rate));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + (sent.length * 1000) / rate - performance.now())));
  }
  await Promise.all(sent);
  return { latencies, failed, elapsed: (performance.now() - start) / 1000 };
}

/** autocannon's load; `onAnswer` gets each answer's latency and whether it failed (`failedAnswer`). */
function load(base: string, caller: Caller, query: string, subjects: number, connections: number, seconds: number, onAnswer: (ms: number, failed: boolean) => void): Promise<autocannon.Result> {
  let lastFailed = false;
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}/graphql`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const n = Math.floor(Math.random() * subjects);
              return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${caller(n)}` }, body: JSON.stringify({ query, variables: { s: subjectIdOf(n) } }) };
            },
            // Called before the client's 'response' event for the same answer (autocannon's request iterator).
            onResponse: (status, body) => {
              lastFailed = failedAnswer(status, body);
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => onAnswer(responseTime, lastFailed));
  });
}
