/**
 * npm run bench:journal — the journal on PostgreSQL (DATABASE_URL), side by side in one run, BENCH_JOURNAL_ROUNDS
 * rounds (2) of (a0) and (a), their order alternating round by round (a0 a, a a0, …), since the machine's speed
 * drifts within minutes, after an untimed warm-up; the ratio is each round's and the total events over the total
 * seconds of each:
 *   (a0) batched append alone: 4 writers append the fast synthetic log (1,100 events per append) to a fresh
 *        database whose journal is switched off (no commitments trigger, no sealer, no signer);
 *   (a)  append with the journal: the same writers and events, each event committed at append (v2), while the
 *        sealer follows live on its own thread and the head signer signs every second, as in a server; the
 *        append rate (and its ratio to a0), the sealing rate, sealed ÷ appended when the writers stop, and
 *        the sealer's lag then;
 *   (b)  inclusion proofs at the full size (BENCH_JOURNAL_EVENTS, default 1,000,000): p50/p95/p99 of
 *        `JournalProofs.inclusion` for 1,000 random events, each proof checked once;
 *   (c)  tiles at that size: p50/p95/p99 of `PublishedLog.tile` for 1,000 random tiles (full level-0 and
 *        level-1 tiles, entry bundles).
 * Last line: one JSON object.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { cpus } from 'node:os';
import { migrate, openDatabase } from '#database';
import { PostgresEventStore, switchJournalCommitments } from '#event-store-postgres';
import { HeadSigner, JournalProofs, PublishedLog, SealerThread, loadJournalKey, sealedLeavesAt, sealedSize, verifyProofDocument, type TileAddress } from '#journal';
import { EVENTS_PER_SUBJECT, subjectAppends } from '#synthetic-population';
import { DATABASE_SCHEMA } from '#app';
import { busyShare, freshDatabase, machine, runWorkers } from './bench-support.js';

const EVENTS = Number(process.env.BENCH_JOURNAL_EVENTS ?? 1_000_000);
const SUBJECTS_PER_APPEND = 100;
const WRITERS = 4;
const PROOFS = 1_000;
const ROUNDS = Number(process.env.BENCH_JOURNAL_ROUNDS ?? 2);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('BENCH_JOURNAL_ROUNDS must be an integer ≥ 1');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The whole machine's CPU an event (every process: quiet runs only), from its busy share over a phase. */
const machineCoreMicroseconds = (busy: number | undefined, seconds: number, events: number) => (busy === undefined ? undefined : round((busy * cpus().length * seconds * 1e6) / events, 1));

/** (a0): the same appends with the journal switched off, on a database of their own. */
async function appendAlone(jobs: (readonly [number, number])[], total: number): Promise<{ appendEventsPerSecond: number; seconds: number; machineCoreMicroseconds: number | undefined }> {
  const target = await freshDatabase('himotoki_bench_append_alone');
  const db = await openDatabase({ url: target.url, poolSize: 8 }, DATABASE_SCHEMA);
  await migrate(db);
  await switchJournalCommitments(db.pool, false);
  const store = new PostgresEventStore(db);
  const busy = busyShare();
  const started = performance.now();
  await runWorkers(jobs, WRITERS, async ([from, to]) => void (await store.appendToStreams(subjectAppends(from, to))));
  const seconds = (performance.now() - started) / 1000;
  const machineBusy = busy();
  await store.close();
  await db.close();
  await target.drop();
  return { appendEventsPerSecond: Math.round(total / seconds), seconds: round(seconds), machineCoreMicroseconds: machineCoreMicroseconds(machineBusy, seconds, total) };
}

/** (a): the same appends with the journal on, the sealer on its thread and the signer every second; the database kept for (b) and (c). */
async function appendWithJournal(jobs: (readonly [number, number])[], total: number, key: KeyObject) {
  const target = await freshDatabase('himotoki_bench_journal');
  const db = await openDatabase({ url: target.url, poolSize: 8 }, DATABASE_SCHEMA);
  await migrate(db);
  const store = new PostgresEventStore(db);
  // As a server on PostgreSQL runs it: on a thread of its own.
  const sealer = new SealerThread(target.url, (error) => console.error(error));
  const sealed = () => sealedSize(db.pool);
  sealer.start();
  const signer = new HeadSigner(db.pool, key, { intervalMs: 1000 });
  signer.start();
  const busy = busyShare();
  const started = performance.now();
  await runWorkers(jobs, WRITERS, async ([from, to]) => void (await store.appendToStreams(subjectAppends(from, to))));
  const appendSeconds = (performance.now() - started) / 1000;
  const lagAtAppendEnd = total - (await sealed());
  while ((await sealed()) < total) await new Promise((resolve) => setTimeout(resolve, 20));
  const sealSeconds = (performance.now() - started) / 1000;
  const machineBusy = busy();
  await sealer.stop();
  await signer.stop();
  const headsSigned = Number((await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM journal.signed_heads`)).rows[0]!.n);
  const figures = {
    appendEventsPerSecond: Math.round(total / appendSeconds),
    appendSeconds,
    sealedOverAppendedWhenAppendsEnded: round((total - lagAtAppendEnd) / total),
    headsSigned,
    sealEventsPerSecond: Math.round(total / sealSeconds),
    sealerLagWhenAppendsEnded: lagAtAppendEnd,
    secondsToSealAfterAppendsEnded: round(sealSeconds - appendSeconds),
    machineBusy,
    machineCoreMicroseconds: machineCoreMicroseconds(machineBusy, sealSeconds, total),
  };
  return { figures, db, store, drop: target.drop };
}

async function main(): Promise<void> {
  const subjects = Math.ceil(EVENTS / EVENTS_PER_SUBJECT);
  const total = subjects * EVENTS_PER_SUBJECT;
  const jobs = Array.from({ length: Math.ceil(subjects / SUBJECTS_PER_APPEND) }, (_, i) => [i * SUBJECTS_PER_APPEND, Math.min((i + 1) * SUBJECTS_PER_APPEND, subjects)] as const);
  const key = await loadJournalKey({ platformKey: Buffer.alloc(32, 7) });
  const rounds: { alone: Awaited<ReturnType<typeof appendAlone>>; journal: Awaited<ReturnType<typeof appendWithJournal>>['figures'] }[] = [];
  let kept: Omit<Awaited<ReturnType<typeof appendWithJournal>>, 'figures'> | undefined;
  // Untimed, a fifth of the appends alone first: the first run of a process is slower (Node's compiler warming
  // up), and it would fall on one side.
  const warmUp = jobs.slice(0, Math.ceil(jobs.length / 5));
  await appendAlone(warmUp, warmUp.reduce((n, [from, to]) => n + (to - from) * EVENTS_PER_SUBJECT, 0));
  for (let r = 0; r < ROUNDS; r++) {
    const runJournal = async () => {
      if (kept) {
        await kept.store.close();
        await kept.db.close();
        await kept.drop();
      }
      const { figures, ...rest } = await appendWithJournal(jobs, total, key);
      kept = rest;
      return figures;
    };
    let alone: Awaited<ReturnType<typeof appendAlone>>;
    let journal: Awaited<ReturnType<typeof appendWithJournal>>['figures'];
    if (r % 2 === 0) {
      alone = await appendAlone(jobs, total);
      journal = await runJournal();
    } else {
      journal = await runJournal();
      alone = await appendAlone(jobs, total);
    }
    rounds.push({ alone, journal });
    console.log(
      `round ${r + 1}: append alone ${alone.appendEventsPerSecond.toLocaleString('en')} events/s, with the journal (commit, seal, sign) ${journal.appendEventsPerSecond.toLocaleString('en')} = ` +
        `${round(journal.appendEventsPerSecond / alone.appendEventsPerSecond)} × alone; sealed ÷ appended when the writers stopped ${journal.sealedOverAppendedWhenAppendsEnded} ` +
        `(${journal.sealerLagWhenAppendsEnded.toLocaleString('en')} behind, caught up ${journal.secondsToSealAfterAppendsEnded} s later); ${journal.headsSigned} heads signed; ` +
        `the machine's cores ${journal.machineBusy === undefined ? '(not measured)' : `${Math.round(journal.machineBusy * 100)}% busy`}; the machine's CPU an event alone ${alone.machineCoreMicroseconds} ` +
        `and with the journal (until sealed) ${journal.machineCoreMicroseconds} core-µs`,
    );
  }
  const { db, store, drop } = kept!;
  const secondsAlone = rounds.reduce((sum, r) => sum + r.alone.seconds, 0);
  const secondsWithJournal = rounds.reduce((sum, r) => sum + r.journal.appendSeconds, 0);
  const ingest = {
    events: total,
    rounds: rounds.map((r) => ({
      appendAloneEventsPerSecond: r.alone.appendEventsPerSecond,
      appendAloneMachineCoreMicroseconds: r.alone.machineCoreMicroseconds,
      ...r.journal,
      appendSeconds: round(r.journal.appendSeconds),
      appendWithJournalOverAlone: round(r.journal.appendEventsPerSecond / r.alone.appendEventsPerSecond),
    })),
    appendWithJournalOverAlone: round(secondsAlone / secondsWithJournal),
    sealedOverAppendedWhenAppendsEnded: Math.min(...rounds.map((r) => r.journal.sealedOverAppendedWhenAppendsEnded)),
  };
  console.log(
    `append with the journal ÷ append alone over ${ROUNDS} rounds: ${ingest.appendWithJournalOverAlone} (rounds ${ingest.rounds.map((r) => r.appendWithJournalOverAlone).join(', ')}); ` +
      `sealed ÷ appended when the writers stopped, the least: ${ingest.sealedOverAppendedWhenAppendsEnded}`,
  );

  await new HeadSigner(db.pool, key).signIfDue();
  const proofs = new JournalProofs(db.pool, store, key);
  const publicKey = createPublicKey(key);
  // Distinct leaves: drawn with replacement, a thousand of a million repeat one about half the time, and
  // `= ANY` answers a repeated index once (so a run reported 998 proofs).
  const chosen = new Set<number>();
  while (chosen.size < Math.min(PROOFS, total)) chosen.add(Math.floor(Math.random() * total));
  const leaves = await sealedLeavesAt(db.pool, [...chosen]);
  const timings: number[] = [];
  for (const { eventId: event_id } of leaves) {
    const at = performance.now();
    const proof = await proofs.inclusion(event_id);
    timings.push(performance.now() - at);
    if (!verifyProofDocument(proof, publicKey).valid) throw new Error(`the proof of ${event_id} does not verify`);
  }
  timings.sort((a, b) => a - b);
  const inclusion = { treeSize: total, proofs: timings.length, p50Ms: round(percentile(timings, 50)), p95Ms: round(percentile(timings, 95)), p99Ms: round(percentile(timings, 99)) };
  console.log(`inclusion proof at ${total.toLocaleString('en')} events: p50 ${inclusion.p50Ms} ms, p95 ${inclusion.p95Ms} ms, p99 ${inclusion.p99Ms} ms (${timings.length} proofs)`);
  const log = new PublishedLog(db.pool, key, 'bench.example/journal');
  const fullTiles0 = Math.floor(total / 256);
  const fullTiles1 = Math.floor(total / 256 ** 2);
  const tileTimings: number[] = [];
  const byKind: Record<'level0' | 'level1' | 'entries', number[]> = { level0: [], level1: [], entries: [] };
  for (let i = 0; i < PROOFS; i++) {
    const kind = i % 3;
    const address: TileAddress =
      kind === 0 ? { level: 0, index: Math.floor(Math.random() * fullTiles0), width: 256 } : kind === 1 && fullTiles1 > 0 ? { level: 1, index: Math.floor(Math.random() * fullTiles1), width: 256 } : { level: 'entries', index: Math.floor(Math.random() * fullTiles0), width: 256 };
    const at = performance.now();
    const bytes = await log.tile(address);
    tileTimings.push(performance.now() - at);
    byKind[address.level === 'entries' ? 'entries' : address.level === 0 ? 'level0' : 'level1'].push(tileTimings.at(-1)!);
    if (bytes.length !== (address.level === 'entries' ? 256 * 34 : 256 * 32)) throw new Error(`tile ${JSON.stringify(address)} has ${bytes.length} bytes`);
  }
  tileTimings.sort((a, b) => a - b);
  const p95Of = (timings: number[]) => (timings.length === 0 ? null : round(percentile([...timings].sort((a, b) => a - b), 95)));
  const tiles = {
    tiles: tileTimings.length,
    p50Ms: round(percentile(tileTimings, 50)),
    p95Ms: round(percentile(tileTimings, 95)),
    p99Ms: round(percentile(tileTimings, 99)),
    p95MsByKind: { level0: p95Of(byKind.level0), level1: p95Of(byKind.level1), entries: p95Of(byKind.entries) },
  };
  console.log(`tile at ${total.toLocaleString('en')} events (level 0, level 1, entry bundles): p50 ${tiles.p50Ms} ms, p95 ${tiles.p95Ms} ms, p99 ${tiles.p99Ms} ms (${tiles.tiles} tiles); p95 by kind ${JSON.stringify(tiles.p95MsByKind)}`);
  const storage = (await db.pool.query<{ leaves: string; nodes: string; bytes: string }>(
    `SELECT (SELECT coalesce(sum(size), 0) FROM journal_tree.leaf_tiles) AS leaves, (SELECT count(*) FROM journal_tree.nodes) AS nodes,
            pg_total_relation_size('journal_tree.leaf_tiles') + pg_total_relation_size('journal_tree.nodes') AS bytes`,
  )).rows[0]!;

  await store.close();
  await db.close();
  await drop();
  console.log(JSON.stringify({ journal: { ingest, inclusion, tiles, storage: { leaves: Number(storage.leaves), nodes: Number(storage.nodes), MB: Math.round(Number(storage.bytes) / 2 ** 20) } }, writers: WRITERS, machine: machine() }));
}

await main();
