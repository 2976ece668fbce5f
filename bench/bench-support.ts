import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { DATABASE_SCHEMA } from '#app';
import { databaseUrl, migrate, openClient, openDatabase, runAdminStatement } from '#database';
import type { EventStore, EventToAppend } from '#event-store';
import { PostgresEventStore } from '#event-store-postgres';
import { HeadSigner, SealerThread, sealedLeavesAt, sealedSize } from '#journal';
import { EVENTS_PER_SUBJECT, subjectAppends } from '#synthetic-population';

/** The machine a figure was measured on, printed with every benchmark's result. */
export function machine(): Record<string, string | number> {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** A database of its own on the server in `DATABASE_URL`, dropped by the returned cleanup. */
export async function freshDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('set DATABASE_URL to the PostgreSQL server to benchmark against');
  const name = `${prefix}_${process.pid}`;
  await runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await runAdminStatement(serverUrl, `CREATE DATABASE ${name}`);
  return { url: databaseUrl(serverUrl, name), drop: () => runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** CPU time (user + system) of a process so far, in µs, from /proc (the kernel counts it in clock ticks of 10 ms); throws for one gone. */
export function cpuOfProcess(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** CPU seconds (user + system) of each of these processes so far; none for one gone. */
export function cpuSeconds(pids: readonly number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    try {
      seconds.set(pid, cpuOfProcess(pid) / 1e6);
    } catch {
      // exited
    }
  }
  return seconds;
}

/** CPU seconds the processes alive at the end spent since `before` (a process that exited in between is not counted). */
export function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, now] of after) seconds += now - (before.get(pid) ?? 0);
  return Math.round(seconds * 100) / 100;
}

/**
 * The processes of a PostgreSQL cluster (`postgres: 15/name: …` in their command line), or only the backends
 * serving one of its databases (`postgres: 15/name: user database …`).
 */
export function postgresProcesses(cluster: string, database?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (title.startsWith(`postgres: ${cluster}`) && (database === undefined || title.split(' ')[3] === database)) pids.push(Number(entry));
    } catch {
      // exited
    }
  }
  return pids;
}

/** The command-line entry point as built in a tree's dist/ (this tree's by default). */
export const cliOf = (folder = process.cwd()) => join(folder, 'dist/apps/cli/src/main.js');

/** One side of the comparison: a tree with its build in dist/, and the commit it was checked out from (if it was). */
export interface Side {
  name: string;
  folder: string;
  commit?: string;
}

/** The revision checked out beside this one and built there; removed again by `remove`. */
export function buildRevision(revision: string, role: string): Side & { commit: string; remove(): void } {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${revision}^{commit}`], { encoding: 'utf8' }).trim();
  const folder = mkdtempSync(join(tmpdir(), 'himotoki-baseline-'));
  execFileSync('git', ['worktree', 'add', '--detach', folder, commit], { stdio: 'ignore' });
  const remove = () => execFileSync('git', ['worktree', 'remove', '--force', folder], { stdio: 'ignore' });
  try {
    // The same dependencies: a revision whose lock file differs is compared with this tree's packages.
    symlinkSync(join(process.cwd(), 'node_modules'), join(folder, 'node_modules'));
    execFileSync(process.execPath, [join(process.cwd(), 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: folder, stdio: 'inherit' });
    // The SQL files the adapter loads, where a revision has them (its build script copies them into dist/).
    if (existsSync(join(folder, 'libs/event-store-postgres/sql'))) {
      execFileSync('sh', ['-c', 'mkdir -p dist/libs/event-store-postgres/sql && cp libs/event-store-postgres/sql/*.sql dist/libs/event-store-postgres/sql/'], { cwd: folder });
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { name: `${role} ${commit.slice(0, 7)}`, folder, commit, remove };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `workers` loops that share one queue of jobs; resolves when every job is done. */
export async function runWorkers<T>(jobs: T[], workers: number, work: (job: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < jobs.length) await work(jobs[next++]!);
    }),
  );
}

/**
 * The share of the machine's CPU time spent busy (not idle, not waiting for I/O) since `busyShare` was called,
 * from /proc/stat: whether a rate was bound by the cores or by something else. Undefined off Linux.
 */
export function busyShare(): () => number | undefined {
  const read = () => {
    try {
      const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
      return { total: ticks.reduce((a, b) => a + b, 0), idle: ticks[3]! + ticks[4]! };
    } catch {
      return undefined;
    }
  };
  const start = read();
  return () => {
    const end = read();
    if (!start || !end || end.total === start.total) return undefined;
    return Math.round((1 - (end.idle - start.idle) / (end.total - start.total)) * 100) / 100;
  };
}

/** What `loadWithinTarget` found: the highest steady load measured with its p95 within the target, and each load tried. */
export interface LoadWithinTarget<Figure extends AtLoad = AtLoad> {
  targetMs: number;
  /** The highest load tried whose p95 met the target with no failed answer; null when none did. */
  rps: number | null;
  tried: Figure[];
}

/** A load's latency, as far as `loadWithinTarget` reads it. */
interface Measured {
  p95_ms: number;
  failed: number;
}
type AtLoad = Measured & { offered: number };

/**
 * The highest steady load (requests a second) at which p95 stays within `targetMs`, to about a twentieth of the
 * range searched. A latency target holds up to some load, and this is that load: saturated from a fixed number of
 * connections, each request queues behind the others, so p95 there is set by how many connections the client
 * opened (Little's law: twice the connections at the same rate, twice the p95). Bisection between a
 * quarter of the saturated rate (halved while even that misses) and the saturated rate, `steps` times, each load
 * measured by `at` (`measureAtRate`: each request timed from when it was due).
 */
export async function loadWithinTarget<Figure extends AtLoad>(
  targetMs: number,
  saturated: Measured & { rps: number },
  at: (rate: number) => Promise<Figure>,
  steps = 4,
): Promise<LoadWithinTarget<Figure>> {
  if (saturated.p95_ms <= targetMs && saturated.failed === 0) return { targetMs, rps: saturated.rps, tried: [] };
  const tried: Figure[] = [];
  const meets = async (rate: number) => {
    const figure = await at(rate);
    tried.push(figure);
    return figure.p95_ms <= targetMs && figure.failed === 0;
  };
  // `low` met the target, `high` is the lowest load known to miss it (at first: saturation, as measured).
  let [low, high] = [Math.max(1, Math.round(saturated.rps / 4)), saturated.rps];
  while (!(await meets(low))) {
    if (low === 1) return { targetMs, rps: null, tried };
    [low, high] = [Math.max(1, Math.round(low / 2)), low];
  }
  for (let step = 0; step < steps && high - low > 1; step++) {
    const middle = Math.round((low + high) / 2);
    if (await meets(middle)) low = middle;
    else high = middle;
  }
  return { targetMs, rps: low, tried };
}

/** One line for a figure of `loadWithinTarget`. */
export const withinTargetLine = (what: string, found: LoadWithinTarget, saturated: { rps: number }) =>
  found.rps === null
    ? `${what}: p95 over ${found.targetMs} ms at every load tried (${found.tried.map((t) => t.offered).join(', ')} requests/s)`
    : `${what}: p95 within ${found.targetMs} ms up to ${found.rps} requests/s (${Math.round((100 * found.rps) / saturated.rps)}% of the saturated rate; loads tried: ${found.tried.map((t) => `${t.offered}/s p95 ${t.p95_ms} ms`).join(', ') || 'none, met saturated'})`;

/** Percentiles of latencies in ms, to a tenth. */
export function latencyPercentiles(latencies: number[]): { p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
  return { p50_ms: pct(50), p95_ms: pct(95), p99_ms: pct(99), max_ms: pct(100) };
}

/**
 * Appends `samples` single events one at a time, each an access (the last event of a synthetic life), and times
 * each append and each wait from its commit until the access shows in the access history of the database at
 * `url` (kept by a projector elsewhere). Paced a few milliseconds apart, as independent writers would be.
 */
export async function appendAndWatch(url: string, writer: EventStore, samples: number, accessOf: (n: number) => { streamId: string; event: EventToAppend }): Promise<{ appendMs: number[]; visibleMs: number[] }> {
  const reader = openClient({ connectionString: url }, 'bench reader');
  await reader.connect();
  const appendMs: number[] = [];
  const visibleMs: number[] = [];
  try {
    for (let n = 0; n < samples; n++) {
      const { streamId, event } = accessOf(n);
      // Looked up by the history's key, as a reader of the subject's history would: by the event id alone it
      // is a scan of the whole history, which would time the scan rather than the projector.
      const { subjectId } = event.data as { subjectId: string };
      const started = performance.now();
      await writer.appendToStream(streamId, [event]);
      const committed = performance.now();
      appendMs.push(committed - started);
      for (;;) {
        const { rowCount } = await reader.query('SELECT 1 FROM access_history.entries WHERE subject_id = $1 AND event_id = $2', [subjectId, event.id]);
        if (rowCount) break;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      visibleMs.push(performance.now() - committed);
      await new Promise((resolve) => setTimeout(resolve, 5 + (n % 7) * 3));
    }
  } finally {
    await reader.end();
  }
  return { appendMs, visibleMs };
}

/**
 * A journal of about `events` events of the fast synthetic log on the (empty) database at `url`: appended by 4
 * writers while the sealer follows on its thread, as a server runs it, then a head signed over them all. Gives
 * the tree's size and a way to name the events at leaves.
 */
export async function sealedJournal(url: string, events: number, key: KeyObject): Promise<{ size: number; eventIdsAt(leaves: number[]): Promise<string[]> }> {
  const subjects = Math.ceil(events / EVENTS_PER_SUBJECT);
  const size = subjects * EVENTS_PER_SUBJECT;
  const db = await openDatabase({ url, poolSize: 8 }, DATABASE_SCHEMA);
  try {
    await migrate(db);
    const store = new PostgresEventStore(db);
    const sealer = new SealerThread(url, (error) => console.error(error));
    sealer.start();
    const jobs = Array.from({ length: Math.ceil(subjects / 100) }, (_, i) => [i * 100, Math.min((i + 1) * 100, subjects)] as const);
    await runWorkers(jobs, 4, async ([from, to]) => void (await store.appendToStreams(subjectAppends(from, to))));
    while ((await sealedSize(db.pool)) < size) await new Promise((resolve) => setTimeout(resolve, 20));
    await sealer.stop();
    await store.close();
    await new HeadSigner(db.pool, key).signIfDue();
  } finally {
    await db.close();
  }
  return {
    size,
    eventIdsAt: async (leaves) => {
      const db = await openDatabase({ url, poolSize: 1 }, DATABASE_SCHEMA);
      try {
        return (await sealedLeavesAt(db.pool, leaves)).map((leaf) => leaf.eventId);
      } finally {
        await db.close();
      }
    },
  };
}
