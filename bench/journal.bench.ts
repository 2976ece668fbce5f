/**
 * npm run bench:journal — the journal on PostgreSQL (DATABASE_URL):
 *   (a) sealing while ingesting: 4 writers append the fast synthetic log (1,100 events per append) while the
 *       sealer follows it live on its own thread, as in a server; the append rate, the sealing rate and the
 *       sealer's lag when the writers stop;
 *   (b) inclusion proofs at the full size (BENCH_JOURNAL_EVENTS, default 1,000,000): p50/p95/p99 of
 *       `JournalProofs.inclusion` for 1,000 random events (index lookup, the event, the newest head, the path),
 *       each proof checked once.
 * Last line: one JSON object.
 */
import { createPublicKey } from 'node:crypto';
import { migrate, openDatabase } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { HeadSigner, JournalProofs, SealerThread, loadJournalKey, verifyProofDocument } from '#journal';
import { EVENTS_PER_SUBJECT, subjectAppends } from '#synthetic-population';
import { DATABASE_SCHEMA } from '#app';
import { busyShare, freshDatabase, machine, runWorkers } from './bench-support.js';

const EVENTS = Number(process.env.BENCH_JOURNAL_EVENTS ?? 1_000_000);
const SUBJECTS_PER_APPEND = 100;
const WRITERS = 4;
const PROOFS = 1_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_journal');
  const db = await openDatabase({ url: target.url, poolSize: 8 }, DATABASE_SCHEMA);
  await migrate(db);
  const store = new PostgresEventStore(db);
  const key = await loadJournalKey({ platformKey: Buffer.alloc(32, 7) });
  // As a server on PostgreSQL runs it: on a thread of its own.
  const sealer = new SealerThread(target.url, (error) => console.error(error));
  const sealed = async () => Number((await db.pool.query<{ n: string }>(`SELECT coalesce(max(leaf_index) + 1, 0) AS n FROM journal_tree.leaves`)).rows[0]!.n);

  const subjects = Math.ceil(EVENTS / EVENTS_PER_SUBJECT);
  const total = subjects * EVENTS_PER_SUBJECT;
  const jobs = Array.from({ length: Math.ceil(subjects / SUBJECTS_PER_APPEND) }, (_, i) => [i * SUBJECTS_PER_APPEND, Math.min((i + 1) * SUBJECTS_PER_APPEND, subjects)] as const);
  sealer.start();
  const busy = busyShare();
  const started = performance.now();
  await runWorkers(jobs, WRITERS, async ([from, to]) => void (await store.appendToStreams(subjectAppends(from, to))));
  const appendSeconds = (performance.now() - started) / 1000;
  const lagAtAppendEnd = total - (await sealed());
  while ((await sealed()) < total) await new Promise((resolve) => setTimeout(resolve, 20));
  const sealSeconds = (performance.now() - started) / 1000;
  const machineBusy = busy();
  await sealer.stop();
  const ingest = {
    events: total,
    appendEventsPerSecond: Math.round(total / appendSeconds),
    sealEventsPerSecond: Math.round(total / sealSeconds),
    sealerLagWhenAppendsEnded: lagAtAppendEnd,
    secondsToSealAfterAppendsEnded: round(sealSeconds - appendSeconds),
    machineBusy,
  };
  console.log(
    `ingest of ${total.toLocaleString('en')} events: appended at ${ingest.appendEventsPerSecond.toLocaleString('en')} events/s, sealed at ` +
      `${ingest.sealEventsPerSecond.toLocaleString('en')} events/s; ${lagAtAppendEnd.toLocaleString('en')} events behind when the writers stopped, caught up ${ingest.secondsToSealAfterAppendsEnded} s later; ` +
      `the machine's cores ${machineBusy === undefined ? '(not measured)' : `${Math.round(machineBusy * 100)}% busy`}`,
  );

  await new HeadSigner(db.pool, key).signIfDue();
  const proofs = new JournalProofs(db.pool, store, key);
  const publicKey = createPublicKey(key);
  const { rows } = await db.pool.query<{ event_id: string }>(
    `SELECT event_id FROM journal_tree.leaves WHERE leaf_index = ANY($1::bigint[])`,
    [Array.from({ length: PROOFS }, () => Math.floor(Math.random() * total))],
  );
  const timings: number[] = [];
  for (const { event_id } of rows) {
    const at = performance.now();
    const proof = await proofs.inclusion(event_id);
    timings.push(performance.now() - at);
    if (!verifyProofDocument(proof, publicKey).valid) throw new Error(`the proof of ${event_id} does not verify`);
  }
  timings.sort((a, b) => a - b);
  const inclusion = { treeSize: total, proofs: timings.length, p50Ms: round(percentile(timings, 50)), p95Ms: round(percentile(timings, 95)), p99Ms: round(percentile(timings, 99)) };
  console.log(`inclusion proof at ${total.toLocaleString('en')} events: p50 ${inclusion.p50Ms} ms, p95 ${inclusion.p95Ms} ms, p99 ${inclusion.p99Ms} ms (${timings.length} proofs)`);
  const storage = (await db.pool.query<{ leaves: string; nodes: string; bytes: string }>(
    `SELECT (SELECT count(*) FROM journal_tree.leaves) AS leaves, (SELECT count(*) FROM journal_tree.nodes) AS nodes,
            pg_total_relation_size('journal_tree.leaves') + pg_total_relation_size('journal_tree.nodes') AS bytes`,
  )).rows[0]!;

  await store.close();
  await db.close();
  await target.drop();
  console.log(JSON.stringify({ journal: { ingest, inclusion, storage: { leaves: Number(storage.leaves), nodes: Number(storage.nodes), MB: Math.round(Number(storage.bytes) / 2 ** 20) } }, writers: WRITERS, machine: machine() }));
}

await main();
