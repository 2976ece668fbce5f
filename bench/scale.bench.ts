/**
 * npm run bench:scale — the cost curve of the log's size, on the PostgreSQL in DATABASE_URL. One log of the fast
 * synthetic lives is loaded to each size of BENCH_SCALE_SIZES (default 1,000,000, 10,000,000, 25,000,000 events),
 * streaming (a hundred subjects an append, nothing kept) into a database that stays (BENCH_SCALE_DB, default
 * himotoki_bench_scale): a later run resumes where the log ends, so the larger sizes extend the smaller. At each
 * size, in one run:
 *   - batched append: events/s of appends of 10 subjects' lives (110 events, 10 streams) from 4 writers;
 *   - rebuild of every projection, events/s;
 *   - single-event append p95, and freshness p95 (from its commit until the access history shows it), one
 *     event at a time while a server and its projector run;
 *   - accessHistory and exposure p95 over HTTP (`himotoki serve`, projector in its own process) at a fixed
 *     paced load (BENCH_SCALE_RATE requests/s, default 50, `measureAtRate`);
 *   - bytes per event: the log's tables and indexes, and the whole database's.
 * Nothing else of ours runs while a figure is taken: at each size the read models are brought up to the log by the
 * rebuild (which is measured) and the journal sealed (`himotoki project --once`) before any server starts, the
 * database is vacuumed, analyzed and checkpointed, and the server's projector and journal monitor have caught up
 * (the monitor re-checks every sealed leaf after its start) before the first measurement. Each step is printed
 * with its time; each measured window with what ran in it: CPU seconds of the server, the projector and
 * PostgreSQL, autovacuum runs and checkpoints, and the statements that took the most time (pg_stat_statements,
 * when the cluster loads it).
 * Each figure is printed with its ratio to the first size's. BENCH_SCALE_PARTITION_SIZE (default 1,000,000)
 * sizes the log's partitions of a new database. Replica: with BENCH_SCALE_READ_URL (a streaming replica of
 * DATABASE_URL's server) the queries are measured again on a server reading there (DATABASE_READ_URL).
 * Last line: one JSON object.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { databaseUrl, migrate, openDatabase, runAdminStatement, type Database } from '#database';
import { logStorageBytes, PostgresEventStore, setPartitionSize } from '#event-store-postgres';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { EVENTS_PER_SUBJECT, eventLogSize, subjectAppends, worldAppend } from '#synthetic-population';
import { DATABASE_SCHEMA, PROJECTIONS } from '#app';
import { appendAndWatch, busyShare, cliOf, cpuSeconds, cpuSince, latencyPercentiles, machine, postgresProcesses, runWorkers } from './bench-support.js';
import { QUERIES, SECRET, everyQueryAs, measureAtRate, startServer, tokens, type BenchServer, type Latency } from './graphql-server.js';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '1000000,10000000,25000000').split(',').map(Number);
const DB_NAME = process.env.BENCH_SCALE_DB ?? 'himotoki_bench_scale';
const PARTITION_SIZE = Number(process.env.BENCH_SCALE_PARTITION_SIZE ?? 1_000_000);
const RATE = Number(process.env.BENCH_SCALE_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 16;
const SUBJECTS_PER_APPEND = 100;
const BATCH_APPENDS = 200;
const BATCH_WRITERS = 4;
const SINGLE_SAMPLES = 200;

interface AtSize {
  events: number;
  subjects: number;
  loadEventsPerSecond: number | null;
  batchedAppendEventsPerSecond: number;
  singleAppendP95Ms: number;
  freshnessP95Ms: number;
  accessHistoryP95Ms: number;
  exposureP95Ms: number;
  rebuildEventsPerSecond: number;
  logBytesPerEvent: number;
  databaseBytesPerEvent: number;
  replica: { accessHistoryP95Ms: number; exposureP95Ms: number } | null;
  loadAverage: number[];
  /** Seconds each step took, measured or not: what a size costs on this machine. */
  steps: Record<string, number>;
  windows: Window[];
}

/** What ran while one figure was measured. */
interface Window {
  what: string;
  seconds: number;
  loadAverage: number;
  /** CPU seconds of the server, the projector (its own process) and the cluster's processes; the machine's busy share. */
  cpu: { server: number; projector: number | null; postgres: number; machineBusy: number | null };
  autovacuumRuns: number;
  checkpoints: number;
  /** The statements that took the most time in the window, null when the cluster does not load pg_stat_statements. */
  statements: { query: string; calls: number; meanMs: number; totalMs: number; jitMs: number }[] | null;
}

/** Subjects whose lives are stored: the log is loaded by one writer in order, so they are a prefix, found by bisection. */
async function storedSubjects(store: PostgresEventStore): Promise<number> {
  const stored = async (n: number) => (await store.readStream(`bench-subject-${n}`, { maxCount: 1 })).length > 0;
  if (!(await stored(0))) return 0;
  let [low, high] = [0, 1];
  while (await stored(high)) [low, high] = [high, high * 2];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await stored(middle)) low = middle;
    else high = middle;
  }
  return high;
}

/** A synthetic life's events again, under new ids and in new streams: appends that add to the log without touching the loaded prefix. */
function freshLives(from: number, count: number) {
  return subjectAppends(from, from + count).map((append) => ({
    ...append,
    streamId: `bench-scale-${randomUUID()}`,
    events: append.events.map((e) => ({ ...e, id: randomUUID() })),
  }));
}

async function openScaleDatabase(): Promise<{ url: string; db: Database; created: boolean }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('set DATABASE_URL to the PostgreSQL server to benchmark against');
  const url = databaseUrl(serverUrl, DB_NAME);
  const created = await runAdminStatement(serverUrl, `CREATE DATABASE ${DB_NAME}`).then(
    () => true,
    (error: { code?: string }) => {
      if (error.code === '42P04') return false; // it exists: resume
      throw error;
    },
  );
  const db = await openDatabase({ url, poolSize: BATCH_WRITERS + 2 }, DATABASE_SCHEMA);
  await migrate(db);
  return { url, db, created };
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const { url, db, created } = await openScaleDatabase();
  const store = new PostgresEventStore(db);
  if (created) {
    await setPartitionSize(db.pool, PARTITION_SIZE);
    await store.appendToStreams([worldAppend()]);
  }
  const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
  let subjects = await storedSubjects(store);
  console.log(`${created ? 'new' : 'resumed'} database ${DB_NAME}: ${subjects.toLocaleString('en')} subjects stored (${eventLogSize(subjects).toLocaleString('en')} events of their lives)`);
  const results: AtSize[] = [];
  // Lives appended by the measurements take subject numbers far beyond any loaded ones.
  let fresh = 100_000_000 + Math.floor(Math.random() * 100_000_000);

  for (const size of SIZES) {
    const target = Math.ceil((size - eventLogSize(0)) / EVENTS_PER_SUBJECT);
    const steps: Record<string, number> = {};
    const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      console.log(`  ${step} …`);
      const result = await work();
      steps[step] = round((performance.now() - started) / 1000, 1);
      console.log(`  ${step}: ${steps[step]} s (load average ${round(os.loadavg()[0]!, 2)})`);
      return result;
    };
    let loadEventsPerSecond: number | null = null;
    if (subjects < target) {
      const from = subjects;
      await timed('load', async () => {
        for (; subjects < target; subjects = Math.min(subjects + SUBJECTS_PER_APPEND, target)) {
          await store.appendToStreams(subjectAppends(subjects, Math.min(subjects + SUBJECTS_PER_APPEND, target)));
          if (subjects % 100_000 === 0 && subjects > from) console.log(`  ${eventLogSize(subjects).toLocaleString('en')} events loaded`);
        }
      });
      loadEventsPerSecond = ((subjects - from) * EVENTS_PER_SUBJECT) / steps.load!;
      console.log(`loaded to ${eventLogSize(subjects).toLocaleString('en')} events at ${round(loadEventsPerSecond).toLocaleString('en')} events/s`);
    }

    const batchStarted = performance.now();
    const batches = Array.from({ length: BATCH_APPENDS }, () => (fresh += 10) - 10);
    await timed('batched append (measured)', () => runWorkers(batches, BATCH_WRITERS, async (from) => void (await store.appendToStreams(freshLives(from, 10)))));
    const batchedAppendEventsPerSecond = (BATCH_APPENDS * 10 * EVENTS_PER_SUBJECT) / ((performance.now() - batchStarted) / 1000);

    // The read models up to the log by a rebuild (measured), rather than by the server's projector catching up
    // live (slower, and not to be measured through); then the journal sealed over the same log.
    const events = Number(await store.lastPosition());
    const runner = new ProjectionRunner(db.pool, store, PROJECTIONS);
    const rebuildStarted = performance.now();
    await timed('rebuild (measured)', () => rebuildProjections(db.pool, store, runner, PROJECTIONS));
    const rebuildEventsPerSecond = events / ((performance.now() - rebuildStarted) / 1000);
    await timed('journal sealed (himotoki project --once)', () => projectOnce(url));
    // As after any bulk load: vacuumed and analyzed now rather than by autovacuum in a measured window, and
    // checkpointed rather than by the checkpoint the load's WAL would set off there.
    await timed('VACUUM ANALYZE', () => db.pool.query('VACUUM ANALYZE'));
    await timed('CHECKPOINT', () => db.pool.query('CHECKPOINT'));

    const server = await timed('server up, its projector and journal monitor caught up', () => startServer(url, auditor));
    const windows: Window[] = [];
    let watched: Awaited<ReturnType<typeof appendAndWatch>>;
    let history: Latency;
    let exposure: Latency;
    try {
      watched = await measuredWindow(db, server, 'single append and freshness', windows, () =>
        appendAndWatch(url, store, SINGLE_SAMPLES, () => {
          const [life] = freshLives(fresh++, 1);
          return { streamId: life!.streamId, event: life!.events.at(-1)! };
        }),
      );
      history = await measuredWindow(db, server, 'accessHistory', windows, () =>
        measureAtRate(server.base, everyQueryAs(auditor), QUERIES.accessHistory, subjects, CONNECTIONS, RATE, SECONDS),
      );
      exposure = await measuredWindow(db, server, 'exposure', windows, () => measureAtRate(server.base, everyQueryAs(auditor), QUERIES.exposure, subjects, CONNECTIONS, RATE, SECONDS));
      console.log(`  accessHistory p50 ${history.p50_ms} ms, ${history.rps} requests/s answered; exposure p50 ${exposure.p50_ms} ms, ${exposure.rps} requests/s answered`);
    } finally {
      await server.stop();
    }
    const replica = await replicaFigures(url, auditor, subjects);

    const { rows } = await db.pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    const figure: AtSize = {
      events,
      subjects,
      loadEventsPerSecond: loadEventsPerSecond === null ? null : round(loadEventsPerSecond),
      batchedAppendEventsPerSecond: round(batchedAppendEventsPerSecond),
      singleAppendP95Ms: latencyPercentiles(watched.appendMs).p95_ms,
      freshnessP95Ms: latencyPercentiles(watched.visibleMs).p95_ms,
      accessHistoryP95Ms: history.p95_ms,
      exposureP95Ms: exposure.p95_ms,
      rebuildEventsPerSecond: round(rebuildEventsPerSecond),
      logBytesPerEvent: round((await logStorageBytes(db.pool)) / events),
      databaseBytesPerEvent: round(Number(rows[0]!.bytes) / events),
      replica,
      loadAverage: os.loadavg().map((l) => round(l, 2)),
      steps,
      windows,
    };
    if (history.failed + exposure.failed > 0) throw new Error(`failed answers at ${events} events: ${history.failed} accessHistory, ${exposure.failed} exposure`);
    results.push(figure);
    printAtSize(figure, results[0]!);
  }
  await store.close();
  await db.close();
  console.log(JSON.stringify({ scale: results, rate: RATE, seconds: SECONDS, partitionSize: PARTITION_SIZE, database: DB_NAME, machine: machine() }));
}

/** `himotoki project --once` on the database: every projection caught up and the journal sealed and signed, then it exits. */
async function projectOnce(url: string): Promise<void> {
  const child = spawn(process.execPath, [cliOf(), 'project', '--once'], { env: { ...process.env, DATABASE_URL: url, HIMOTOKI_SECRET: SECRET, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`himotoki project --once exited with ${code}`);
}

/** Runs one measurement and says what ran beside it: CPU by process, autovacuum, checkpoints, the costliest statements. */
async function measuredWindow<T>(db: Database, server: BenchServer, what: string, windows: Window[], work: () => Promise<T>): Promise<T> {
  const counts = async () => {
    const { rows } = await db.pool.query<{ autovacuums: string; checkpoints: string; cluster: string }>(
      `SELECT (SELECT sum(autovacuum_count + autoanalyze_count) FROM pg_stat_all_tables) AS autovacuums,
              (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter) AS checkpoints, current_setting('cluster_name') AS cluster`,
    );
    return { autovacuums: Number(rows[0]!.autovacuums), checkpoints: Number(rows[0]!.checkpoints), cluster: rows[0]!.cluster };
  };
  const statementsKept = await db.pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').then(
    () => db.pool.query('SELECT pg_stat_statements_reset()').then(() => true),
    () => false,
  );
  const before = await counts();
  const ours = [server.pids.server, ...(server.pids.projector ? [server.pids.projector] : [])];
  const cpuBefore = cpuSeconds([...ours, ...postgresProcesses(before.cluster)]);
  const busy = busyShare();
  const loadAverage = round(os.loadavg()[0]!, 2);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const machineBusy = busy() ?? null;
  const cpuAfter = cpuSeconds([...ours, ...postgresProcesses(before.cluster)]);
  const only = (pids: number[]) => new Map([...cpuAfter].filter(([pid]) => pids.includes(pid)));
  const cpu = {
    server: cpuSince(cpuBefore, only([server.pids.server])),
    projector: server.pids.projector ? cpuSince(cpuBefore, only([server.pids.projector])) : null,
    postgres: cpuSince(cpuBefore, new Map([...cpuAfter].filter(([pid]) => !ours.includes(pid)))),
    machineBusy,
  };
  const after = await counts();
  const statements = statementsKept
    ? (
        await db.pool.query<{ query: string; calls: string; total: number; mean: number; jit: number }>(
          `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query, calls, total_exec_time AS total, mean_exec_time AS mean,
                  jit_generation_time + jit_inlining_time + jit_optimization_time + jit_emission_time AS jit
             FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT 6`,
        )
      ).rows.map((r) => ({ query: r.query, calls: Number(r.calls), meanMs: round(r.mean, 2), totalMs: round(r.total), jitMs: round(r.jit) }))
    : null;
  const window: Window = { what, seconds: round(seconds, 1), loadAverage, cpu, autovacuumRuns: after.autovacuums - before.autovacuums, checkpoints: after.checkpoints - before.checkpoints, statements };
  windows.push(window);
  console.log(
    [
      `  during ${what} (${window.seconds} s, load average ${loadAverage}): CPU s server ${cpu.server}, projector ${cpu.projector ?? 'in server'}, PostgreSQL ${cpu.postgres}; machine busy ${cpu.machineBusy ?? '?'}; autovacuum/analyze runs ${window.autovacuumRuns}, checkpoints ${window.checkpoints}`,
      ...(statements ?? [{ query: 'pg_stat_statements not loaded by the cluster', calls: 0, meanMs: 0, totalMs: 0, jitMs: 0 }]).map(
        (st) => `    ${st.totalMs} ms = ${st.calls} × ${st.meanMs} ms (JIT ${st.jitMs} ms): ${st.query}`,
      ),
    ].join('\n'),
  );
  return result;
}

/** The queries through a server reading from the replica in BENCH_SCALE_READ_URL (DATABASE_READ_URL); null without one. */
async function replicaFigures(url: string, auditor: string, subjects: number): Promise<AtSize['replica']> {
  const readUrl = process.env.BENCH_SCALE_READ_URL;
  if (!readUrl) return null;
  const primaryRead = process.env.DATABASE_READ_URL;
  process.env.DATABASE_READ_URL = databaseUrl(readUrl, DB_NAME);
  const server = await startServer(url, auditor);
  try {
    const history = await measureAtRate(server.base, everyQueryAs(auditor), QUERIES.accessHistory, subjects, CONNECTIONS, RATE, SECONDS);
    const exposure = await measureAtRate(server.base, everyQueryAs(auditor), QUERIES.exposure, subjects, CONNECTIONS, RATE, SECONDS);
    return { accessHistoryP95Ms: history.p95_ms, exposureP95Ms: exposure.p95_ms };
  } finally {
    await server.stop();
    if (primaryRead === undefined) delete process.env.DATABASE_READ_URL;
    else process.env.DATABASE_READ_URL = primaryRead;
  }
}

function printAtSize(figure: AtSize, first: AtSize): void {
  const ratio = (key: 'batchedAppendEventsPerSecond' | 'singleAppendP95Ms' | 'freshnessP95Ms' | 'accessHistoryP95Ms' | 'exposureP95Ms' | 'rebuildEventsPerSecond' | 'logBytesPerEvent' | 'databaseBytesPerEvent') =>
    `${figure[key].toLocaleString('en')} (×${(figure[key] / first[key]).toFixed(2)})`;
  console.log(
    [
      `at ${figure.events.toLocaleString('en')} events (load average ${figure.loadAverage.join(' ')}):`,
      `  batched append ${ratio('batchedAppendEventsPerSecond')} events/s; single-event append p95 ${ratio('singleAppendP95Ms')} ms`,
      `  accessHistory p95 ${ratio('accessHistoryP95Ms')} ms, exposure p95 ${ratio('exposureP95Ms')} ms at ${RATE} requests/s`,
      `  freshness p95 ${ratio('freshnessP95Ms')} ms; rebuild ${ratio('rebuildEventsPerSecond')} events/s`,
      `  bytes per event: log ${ratio('logBytesPerEvent')}, database ${ratio('databaseBytesPerEvent')}`,
      `  steps (s): ${Object.entries(figure.steps).map(([step, seconds]) => `${step} ${seconds}`).join(', ')}`,
      figure.replica ? `  through the replica: accessHistory p95 ${figure.replica.accessHistoryP95Ms} ms, exposure p95 ${figure.replica.exposureP95Ms} ms` : '  replica: not measured (BENCH_SCALE_READ_URL unset)',
    ].join('\n'),
  );
}

await main();
