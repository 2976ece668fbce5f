/**
 * npm run bench:journal:costs — where the journal's cost an event goes on PostgreSQL (DATABASE_URL), in core-µs an
 * event: CPU time read from /proc for this process and for each PostgreSQL backend doing the work, so that other
 * load on the machine slows a part but is not counted in it (bench:journal's ratio, by contrast, counts whatever
 * the cores gave each side).
 *   (1) the append with the journal's commitments on, and off (switchJournalCommitments), in alternate rounds (BENCH_COSTS_ROUNDS, 3) of
 *       BENCH_COSTS_SUBJECTS (1,000) subjects each, 100 subjects an append, one writer: its backend and its Node;
 *   (2) the sealer catching up over a log of BENCH_COSTS_SEALED (66,000) committed events, as the sealer thread runs
 *       it (a pool of two connections, batches of SEALER_BATCH_SIZE): its Node and its backends.
 * Run with --expose-gc (as the npm script does), the sealer's window opens on a collected heap.
 * BENCH_COSTS_PARTS (append,sealer) runs only the parts named; BENCH_COSTS_CPU_PROFILE=<file> writes a V8 CPU profile
 * of the sealer's catch-up (Node's side only) to that file.
 * Run it on two builds in turn to compare them. Last line: one JSON object.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import { migrate, openDatabase, openPool } from '#database';
import { PostgresEventStore, switchJournalCommitments } from '#event-store-postgres';
import { SEALER_BATCH_SIZE, journalProjection, sealedSize } from '#journal';
import { ProjectionRunner } from '#projections';
import { EVENTS_PER_SUBJECT, subjectAppends } from '#synthetic-population';
import { DATABASE_SCHEMA } from '#app';
import { cpuOfProcess, freshDatabase, machine, median } from './bench-support.js';

const ROUNDS = Number(process.env.BENCH_COSTS_ROUNDS ?? 3);
const SUBJECTS = Number(process.env.BENCH_COSTS_SUBJECTS ?? 1_000);
const SEALED_SUBJECTS = Math.ceil(Number(process.env.BENCH_COSTS_SEALED ?? 66_000) / EVENTS_PER_SUBJECT);
const SUBJECTS_PER_APPEND = 100;
const PARTS = new Set((process.env.BENCH_COSTS_PARTS ?? 'append,sealer').split(','));
const CPU_PROFILE = process.env.BENCH_COSTS_CPU_PROFILE;
const cpuOfThisProcess = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};
const backendOf = async (client: pg.Pool | pg.PoolClient) => (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
const round = (x: number) => Math.round(x * 10) / 10;

async function appendCosts(): Promise<{ on: { backend: number; node: number }[]; off: { backend: number; node: number }[] }> {
  const target = await freshDatabase('himotoki_bench_journal_costs');
  const db = await openDatabase({ url: target.url, poolSize: 2 }, DATABASE_SCHEMA);
  await migrate(db);
  const one = openPool({ connectionString: target.url, max: 1 }, 'journal-costs bench');
  const backend = await backendOf(one);
  const store = new PostgresEventStore({ pool: one, url: target.url, deliversNotifications: true, backend: 'postgres' });
  const costs = { on: [] as { backend: number; node: number }[], off: [] as { backend: number; node: number }[] };
  let next = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const on of [true, false]) {
      await switchJournalCommitments(one, on);
      const appends = Array.from({ length: SUBJECTS / SUBJECTS_PER_APPEND }, () => subjectAppends(next, (next += SUBJECTS_PER_APPEND)));
      const [backendBefore, nodeBefore] = [cpuOfProcess(backend), cpuOfThisProcess()];
      for (const append of appends) await store.appendToStreams(append);
      const events = SUBJECTS * EVENTS_PER_SUBJECT;
      costs[on ? 'on' : 'off'].push({ backend: (cpuOfProcess(backend) - backendBefore) / events, node: (cpuOfThisProcess() - nodeBefore) / events });
    }
  }
  await store.close();
  await one.end();
  await db.close();
  await target.drop();
  return costs;
}

async function sealerCosts(): Promise<{ events: number; backend: number; node: number }> {
  const target = await freshDatabase('himotoki_bench_journal_costs_sealer');
  const db = await openDatabase({ url: target.url, poolSize: 2 }, DATABASE_SCHEMA);
  await migrate(db);
  const writer = new PostgresEventStore(db);
  for (let n = 0; n < SEALED_SUBJECTS; n += SUBJECTS_PER_APPEND) await writer.appendToStreams(subjectAppends(n, Math.min(n + SUBJECTS_PER_APPEND, SEALED_SUBJECTS)));
  await writer.close();
  const pool = openPool({ connectionString: target.url, max: 2 }, 'journal-costs bench');
  const clients = [await pool.connect(), await pool.connect()];
  const backends = await Promise.all(clients.map(backendOf));
  for (const client of clients) client.release();
  const store = new PostgresEventStore({ pool, url: target.url, deliversNotifications: true, backend: 'postgres' });
  const sealer = new ProjectionRunner(pool, store, [journalProjection], SEALER_BATCH_SIZE);
  const backendsNow = () => backends.reduce((sum, pid) => sum + cpuOfProcess(pid), 0);
  const profiler = CPU_PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  // The garbage of the appends that built the log is collected first (with --expose-gc), and a moment left for the
  // work it leaves behind: else its collection lands, or not, within the catch-up and is counted against the sealer.
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const [backendBefore, nodeBefore] = [backendsNow(), cpuOfThisProcess()];
  await sealer.catchUp();
  const [backendAfter, nodeAfter] = [backendsNow(), cpuOfThisProcess()];
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(CPU_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
  }
  const events = await sealedSize(db.pool);
  if (events !== SEALED_SUBJECTS * EVENTS_PER_SUBJECT) throw new Error(`sealed ${events} of ${SEALED_SUBJECTS * EVENTS_PER_SUBJECT} events`);
  await store.close();
  await pool.end();
  await db.close();
  await target.drop();
  return { events, backend: (backendAfter - backendBefore) / events, node: (nodeAfter - nodeBefore) / events };
}

async function main(): Promise<void> {
  const append = PARTS.has('append') ? await appendCosts() : undefined;
  const medianOf = (rounds: { backend: number; node: number }[]) => ({ backend: round(median(rounds.map((r) => r.backend))), node: round(median(rounds.map((r) => r.node))) });
  const [on, off] = append ? [medianOf(append.on), medianOf(append.off)] : [undefined, undefined];
  const commitment = on && off ? round(on.backend - off.backend) : undefined;
  if (on && off) {
    console.log(`append, journal commitments on: backend ${on.backend} + Node ${on.node} core-µs an event; off: ${off.backend} + ${off.node} (medians of ${ROUNDS} rounds each)`);
    console.log(`the commitment at append: ${commitment} core-µs an event (backend, on − off)`);
  }
  const sealer = PARTS.has('sealer') ? await sealerCosts() : undefined;
  if (sealer) console.log(`the sealer over ${sealer.events.toLocaleString('en')} committed events: backends ${round(sealer.backend)} + Node ${round(sealer.node)} = ${round(sealer.backend + sealer.node)} core-µs an event`);
  console.log(
    JSON.stringify({
      journalCosts: {
        appendOn: on,
        appendOff: off,
        commitmentCoreMicroseconds: commitment,
        ...(sealer ? { sealer: { events: sealer.events, backendCoreMicroseconds: round(sealer.backend), nodeCoreMicroseconds: round(sealer.node) } } : {}),
        ...(append ? { rounds: { on: append.on.map((r) => round(r.backend)), off: append.off.map((r) => round(r.backend)), nodeOn: append.on.map((r) => round(r.node)), nodeOff: append.off.map((r) => round(r.node)) } } : {}),
      },
      machine: machine(),
    }),
  );
}

await main();
