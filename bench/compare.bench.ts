/**
 * npm run bench:compare — the code of a git revision (BENCH_BASELINE, default HEAD), checked out and built in a
 * worktree beside this one, against the working tree's build (or BENCH_CANDIDATE's, another revision built likewise),
 * in paired rounds on one machine, the order alternating round by round. On a machine whose speed drifts within minutes, the figures of two whole runs say little; rounds
 * taken side by side do. What is compared (BENCH_COMPARE):
 *
 * - `query` (default): over HTTP. Both servers run side by side over one database (the fast synthetic log,
 *   BENCH_SUBJECTS subjects, 90,910 by default: 1,000,116 events), with one projector beside them, and the query
 *   (BENCH_QUERY: accessHistory, whoAccessed or exposure; as an auditor, or BENCH_AS=citizen: each subject with their
 *   own token) is sent to each in turn for BENCH_SECONDS (6) from 16 connections. Each round also counts the
 *   write-ahead log written meanwhile (pg_stat_wal: bytes and full page images per request): not tied to the CPU's
 *   speed, but swinging with where a round falls between checkpoints, so read its medians.
 * - `append`, `rebuild`: each side's own benchmark script as built in its tree (dist/bench/append.bench.js,
 *   rebuild.bench.js), a whole run a round, each run on a fresh database of its own; the round's figures are read
 *   from the run's JSON line. The append runs time Emmett's store beside Himotoki's: the same code on both sides,
 *   so its ratio shows how far the machine alone moved the figures.
 * - `tokens`: bearer-token verification in this process, each side's TokenService (as built in its tree) over the same SUBJECT tokens
 *   (BENCH_TOKENS, 20,000, more than either cache holds): each token seen first, tokens already verified, and
 *   tokens drawn at random as the citizens' queries draw them.
 *
 * - `proofs`: inclusion proofs in this process, each side's JournalProofs (as built in its tree) over one journal
 *   of BENCH_JOURNAL_EVENTS (1,000,000) events appended and sealed by this tree's code, the same 1,000 events a
 *   round, each proof checked once: p50, p95 and p99 in ms.
 *
 * BENCH_ROUNDS rounds (6; rebuild 4; tokens 20; proofs 10). Each round's figures, each side's medians (and range), and the
 * candidate's figure over the baseline's, per round and of the medians. Last line: one JSON object.
 */
import { spawn } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import { openClient } from '#database';
import { DATABASE_SCHEMA } from '#app';
import { loadJournalKey, verifyProofDocument, type InclusionDocument } from '#journal';
import { eventLogSize, subjectIdOf } from '#synthetic-population';
import { buildRevision, cliOf, freshDatabase, latencyPercentiles, machine, median, sealedJournal, type Side } from './bench-support.js';
import { QUERIES, SECRET, eachCitizen, everyQueryAs, loadSubjects, measure, startServers, tokens } from './graphql-server.js';

const BASELINE = process.env.BENCH_BASELINE ?? 'HEAD';
const CANDIDATE = process.env.BENCH_CANDIDATE;
const COMPARE = process.env.BENCH_COMPARE ?? 'query';
const QUERY = (process.env.BENCH_QUERY ?? 'accessHistory') as keyof typeof QUERIES;
const AS = process.env.BENCH_AS ?? 'auditor';
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 90_910);
const DEFAULT_ROUNDS: Record<string, number> = { query: 6, append: 6, rebuild: 4, tokens: 20, proofs: 10 };
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? DEFAULT_ROUNDS[COMPARE] ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = 16;
/** Untimed seconds before each round: the side about to be timed warms up, and the WAL is counted after. */
const WARM_UP_SECONDS = 3;
const TOKENS = Number(process.env.BENCH_TOKENS ?? 20_000);
const PROOF_EVENTS = Number(process.env.BENCH_JOURNAL_EVENTS ?? 1_000_000);
const PROOFS = 1_000;
const JOURNAL_KEY = await loadJournalKey({ platformKey: Buffer.alloc(32, 7) });

/** A round's figures: numbers by name. */
type Figures = Record<string, number>;

/**
 * `rounds` rounds of `measure` on each side, the order alternating (baseline first in odd rounds, the candidate
 * first in even ones), so that a drift of the machine's speed falls on both sides alike.
 */
async function alternating(sides: readonly [Side, Side], rounds: number, measure: (side: Side, round: number) => Promise<Figures>): Promise<[Figures[], Figures[]]> {
  const figures: [Figures[], Figures[]] = [[], []];
  for (let round = 0; round < rounds; round++) {
    for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const figure = await measure(sides[i]!, round);
      figures[i]!.push(figure);
      console.log(`round ${round + 1}, ${sides[i]!.name}: ${Object.entries(figure).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
  }
  return figures;
}

const hundredths = (value: number) => Math.round(value * 100) / 100;

/** Each figure's median and range over a side's rounds. */
function summary(rounds: Figures[]) {
  const keys = Object.keys(rounds[0] ?? {});
  const over = (f: (values: number[]) => number) => Object.fromEntries(keys.map((k) => [k, hundredths(f(rounds.map((r) => r[k]!)))]));
  return { rounds, median: over(median), min: over((v) => Math.min(...v)), max: over((v) => Math.max(...v)) };
}

/** The candidate's figure over the baseline's: of the medians, and round by round (its median and range); not of counts that are 0. */
function ratios(before: Figures[], after: Figures[]) {
  return Object.fromEntries(
    Object.keys(before[0] ?? {})
      .filter((k) => before.every((b) => b[k]! > 0))
      .map((k) => {
      const perRound = before.map((b, r) => hundredths(after[r]![k]! / b[k]!));
      return [k, { ofMedians: hundredths(median(after.map((a) => a[k]!)) / median(before.map((b) => b[k]!))), perRound, perRoundMedian: hundredths(median(perRound)), perRoundMin: Math.min(...perRound), perRoundMax: Math.max(...perRound) }];
    }),
  );
}

/** The query over HTTP, both servers side by side over one database. */
async function compareQuery(sides: readonly [Side, Side]): Promise<[Figures[], Figures[], Record<string, unknown>]> {
  if (AS !== 'auditor' && AS !== 'citizen') throw new Error('BENCH_AS must be auditor or citizen');
  if (!(QUERY in QUERIES)) throw new Error(`BENCH_QUERY must be one of ${Object.keys(QUERIES).join(', ')}`);
  const target = await freshDatabase('himotoki_bench_compare');
  try {
    await loadSubjects(target.url, SUBJECTS);
    const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
    const caller = AS === 'citizen' ? await eachCitizen(SUBJECTS) : everyQueryAs(auditor);
    const servers = await startServers(target.url, auditor, sides.map((s) => cliOf(s.folder)), 'own-process');
    const stats = openClient({ connectionString: target.url }, 'bench stats');
    await stats.connect();
    try {
      const figures = await alternating(sides, ROUNDS, async (side) => {
        const base = servers.bases[sides.indexOf(side)]!;
        await measure(base, caller, QUERIES[QUERY], SUBJECTS, CONNECTIONS, WARM_UP_SECONDS, 0);
        const before = await walCounters(stats);
        const latency = await measure(base, caller, QUERIES[QUERY], SUBJECTS, CONNECTIONS, SECONDS, 0);
        const after = await walCounters(stats);
        return {
          ...latency,
          walBytesPerRequest: Math.round((after.bytes - before.bytes) / latency.requests),
          fullPageImagesPerRequest: hundredths((after.fullPageImages - before.fullPageImages) / latency.requests),
        };
      });
      return [...figures, { query: QUERY, as: AS, events: eventLogSize(SUBJECTS), subjects: SUBJECTS, connections: CONNECTIONS, seconds: SECONDS }];
    } finally {
      await stats.end();
      await servers.stop();
    }
  } finally {
    await target.drop();
  }
}

/** The server's WAL counters (every database's: the two servers' rounds take turns, so a round's delta is its own). */
async function walCounters(client: pg.Client): Promise<{ bytes: number; fullPageImages: number }> {
  const { rows } = await client.query<{ wal_bytes: string; wal_fpi: string }>('SELECT wal_bytes, wal_fpi FROM pg_stat_wal');
  return { bytes: Number(rows[0]!.wal_bytes), fullPageImages: Number(rows[0]!.wal_fpi) };
}

/** What the two scripts print on their last line, as far as the comparison reads it. */
interface AppendResult {
  batched: { himotoki_eps: number; emmett_eps: number };
  concurrent: { himotoki_eps: number; emmett_eps: number; lost: number; revisionGaps: number };
}
interface RebuildResult {
  /** The CPU figures are missing from a revision whose script did not measure them yet. */
  rebuild: Record<string, { events: number; eventsPerSecond: number; peakRssMB: number; nodeCoreMicroseconds?: number; backendCoreMicroseconds?: number }>;
}

/** A benchmark script of each side's build, a whole run a round; a round's figures are read from its JSON line. */
const SCRIPTS: Record<string, { file: string; nodeOptions: string[]; figures(result: unknown): Figures }> = {
  append: {
    file: 'dist/bench/append.bench.js',
    nodeOptions: [],
    figures: (result) => {
      const r = result as AppendResult;
      return {
        batched_eps: r.batched.himotoki_eps,
        batched_emmett_eps: r.batched.emmett_eps,
        concurrent_eps: r.concurrent.himotoki_eps,
        concurrent_emmett_eps: r.concurrent.emmett_eps,
        lost: r.concurrent.lost,
        revisionGaps: r.concurrent.revisionGaps,
      };
    },
  },
  rebuild: {
    file: 'dist/bench/rebuild.bench.js',
    nodeOptions: ['--expose-gc'],
    figures: (result) =>
      Object.fromEntries(
        Object.values((result as RebuildResult).rebuild).flatMap((f) => [
          [`eps_at_${f.events}`, f.eventsPerSecond],
          [`peakRssMB_at_${f.events}`, f.peakRssMB],
          ...(f.nodeCoreMicroseconds === undefined || f.backendCoreMicroseconds === undefined
            ? []
            : [[`cpuCoreUs_at_${f.events}`, Math.round((f.nodeCoreMicroseconds + f.backendCoreMicroseconds) * 10) / 10] as const]),
        ]),
      ),
  },
};

/**
 * For a side built from an old revision only: lets its script's run outlive the end of its pool connections by its
 * own DROP DATABASE, which its pools had no listener for. A build with libs/database's listener needs none.
 */
const DROPPED_CONNECTIONS = pathToFileURL(join(process.cwd(), 'dist/bench/dropped-connections.preload.js')).href;
const preloadsOf = (side: Side): string[] => (existsSync(join(side.folder, 'dist/libs/database/src/lost-connections.js')) ? [] : ['--import', DROPPED_CONNECTIONS]);

async function compareScript(sides: readonly [Side, Side], script: (typeof SCRIPTS)[string]): Promise<[Figures[], Figures[], Record<string, unknown>]> {
  const figures = await alternating(sides, ROUNDS, async (side) => {
    const output = await run(process.execPath, [...preloadsOf(side), ...script.nodeOptions, script.file], side.folder);
    const last = output.trim().split('\n').at(-1) ?? '';
    return script.figures(JSON.parse(last));
  });
  return [...figures, { script: script.file }];
}

/** A child process's standard output once it has exited, or its output in the error when it failed. */
function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve(output) : reject(new Error(`${args.join(' ')} in ${cwd} ended with ${code ?? signal}:\n${output}`))));
  });
}

/** What either side's TokenService answers; the revisions' classes differ only inside. */
interface Verifier {
  verify(token: string): Promise<unknown>;
}

/** A side's TokenService class, from its build (where the revision keeps it). */
async function tokenServiceOf(side: Side): Promise<new (key: Buffer) => Verifier> {
  const where = ['dist/libs/api/src/auth/token.service.js', 'dist/apps/api/src/auth/token.service.js'].map((p) => join(side.folder, p)).find(existsSync);
  if (!where) throw new Error(`no TokenService in ${side.name}'s build`);
  return ((await import(pathToFileURL(where).href)) as { TokenService: new (key: Buffer) => Verifier }).TokenService;
}

/** Verification of the same tokens by each side's TokenService (a new one, its cache empty, each round). */
async function compareTokens(sides: readonly [Side, Side]): Promise<[Figures[], Figures[], Record<string, unknown>]> {
  const classes = await Promise.all(sides.map(tokenServiceOf));
  const verifierOf = (side: Side): Verifier => new classes[sides.indexOf(side)]!(Buffer.from(SECRET, 'utf8'));
  const own: string[] = [];
  for (let n = 0; n < TOKENS; n++) own.push(await tokens.mint({ role: 'SUBJECT', id: `citizen-${n}`, subjectId: subjectIdOf(n) }));
  // The same random draws for both sides: the citizens' queries, each about a random subject with that subject's token.
  let seed = 1;
  const drawn = Array.from({ length: TOKENS * 2 }, () => ((seed = (seed * 48_271) % 2_147_483_647), seed % TOKENS));
  const REMEMBERED = 1_000;
  const microseconds = async (verifier: Verifier, order: Iterable<number>, count: number) => {
    const started = performance.now();
    for (const n of order) {
      const principal = (await verifier.verify(own[n]!)) as { subjectId?: string };
      if (principal.subjectId !== subjectIdOf(n)) throw new Error(`token ${n} verified as ${JSON.stringify(principal)}`);
    }
    return hundredths(((performance.now() - started) * 1000) / count);
  };
  const figures = await alternating(sides, ROUNDS, async (side) => {
    const verifier = verifierOf(side);
    const firstSight_us = await microseconds(verifier, own.keys(), TOKENS);
    const rememberedOrder = Array.from({ length: 10 * REMEMBERED }, (_, i) => i % REMEMBERED);
    const remembered_us = await microseconds(verifier, rememberedOrder, rememberedOrder.length);
    const random_us = await microseconds(verifierOf(side), drawn, drawn.length);
    return { firstSight_us, remembered_us, random_us };
  });
  return [...figures, { tokens: TOKENS, remembered: REMEMBERED, randomDraws: drawn.length }];
}

/** What either side's JournalProofs answers, as far as the comparison reads it. */
interface Prover {
  inclusion(eventId: string): Promise<InclusionDocument>;
}

/** A side's journal library and its store's, from its build: each side proves with its own code, over its own pool. */
async function proverOf(side: Side, url: string): Promise<{ proofs: Prover; close(): Promise<void> }> {
  const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(side.folder, path)).href)) as T;
  const { openDatabase } = await load<typeof import('#database')>('dist/libs/database/src/index.js');
  const { PostgresEventStore } = await load<typeof import('#event-store-postgres')>('dist/libs/event-store-postgres/src/index.js');
  const { JournalProofs } = await load<typeof import('#journal')>('dist/libs/journal/src/index.js');
  const db = await openDatabase({ url, poolSize: 8 }, DATABASE_SCHEMA);
  const store = new PostgresEventStore(db);
  return {
    proofs: new JournalProofs(db.pool, store, JOURNAL_KEY),
    close: async () => {
      await store.close();
      await db.close();
    },
  };
}

/** Inclusion proofs of the same events under the same head by each side's JournalProofs, over one sealed journal. */
async function compareProofs(sides: readonly [Side, Side]): Promise<[Figures[], Figures[], Record<string, unknown>]> {
  const target = await freshDatabase('himotoki_bench_compare_proofs');
  try {
    const { size, eventIdsAt } = await sealedJournal(target.url, PROOF_EVENTS, JOURNAL_KEY);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(PROOFS, size)) chosen.add(Math.floor(Math.random() * size));
    const events = await eventIdsAt([...chosen]);
    const provers = await Promise.all(sides.map((side) => proverOf(side, target.url)));
    try {
      const publicKey = createPublicKey(JOURNAL_KEY);
      const figures = await alternating(sides, ROUNDS, async (side) => {
        const { proofs } = provers[sides.indexOf(side)]!;
        const timings: number[] = [];
        for (const event of events) {
          const at = performance.now();
          const proof = await proofs.inclusion(event);
          timings.push(performance.now() - at);
          if (!verifyProofDocument(proof, publicKey).valid) throw new Error(`${side.name}'s proof of ${event} does not verify`);
        }
        const { p50_ms, p95_ms, p99_ms } = latencyPercentiles(timings);
        return { p50_ms, p95_ms, p99_ms };
      });
      return [...figures, { events: size, proofs: events.length }];
    } finally {
      await Promise.all(provers.map((p) => p.close()));
    }
  } finally {
    await target.drop();
  }
}

async function main(): Promise<void> {
  if (!(COMPARE in DEFAULT_ROUNDS)) throw new Error(`BENCH_COMPARE must be one of ${Object.keys(DEFAULT_ROUNDS).join(', ')}`);
  const baseline = buildRevision(BASELINE, 'baseline');
  const candidate: Side & { remove(): void } = CANDIDATE ? buildRevision(CANDIDATE, 'candidate') : { name: 'working tree', folder: process.cwd(), remove: () => undefined };
  try {
    const sides = [baseline, candidate] as const;
    const [before, after, setup] =
      COMPARE === 'query'
        ? await compareQuery(sides)
        : COMPARE === 'tokens'
          ? await compareTokens(sides)
          : COMPARE === 'proofs'
            ? await compareProofs(sides)
            : await compareScript(sides, SCRIPTS[COMPARE]!);
    const [baselineSummary, candidateSummary] = [summary(before), summary(after)];
    const ratio = ratios(before, after);
    for (const key of Object.keys(ratio)) {
      const r = ratio[key]!;
      console.log(`medians: ${key} ${baselineSummary.median[key]} → ${candidateSummary.median[key]} (${r.ofMedians}×; per round ${r.perRoundMedian}×, ${r.perRoundMin}–${r.perRoundMax})`);
    }
    console.log(
      JSON.stringify({
        compare: { what: COMPARE, ...setup, baseline: { commit: baseline.commit, ...baselineSummary }, candidate: { name: candidate.name, commit: candidate.commit, ...candidateSummary }, ratio },
        rounds: ROUNDS,
        machine: machine(),
      }),
    );
  } finally {
    baseline.remove();
    candidate.remove();
  }
}

await main();
