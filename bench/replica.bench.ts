/**
 * npm run bench:replica — `accessHistory` (first page) over HTTP at a steady load, answered by a server reading
 * the primary and by one reading the streaming replica (DATABASE_READ_URL, a replica of DATABASE_URL's server,
 * e.g. .ci/replica), in alternating rounds of the same run over the same data: 11 events a subject for
 * BENCH_SUBJECTS subjects (default 20,000), the projector in a process of its own, or in the server with
 * BENCH_PROJECTOR=in-server (its polls of the primary are then the server's own). With BENCH_BASELINE=<revision>,
 * a build of that revision reads the replica too, in the same rounds, the two replica readers' order alternating.
 * As an organization (no write: every read goes straight to the replica) and as an auditor (each query stores its
 * audit record, so the next read waits for the replica to replay it). Each figure says where the server's reads
 * went and how often a read asked the primary its WAL position first (its /metrics, counted over the warm-up
 * too). Last line: one JSON object.
 */
import { loadavg } from 'node:os';
import { eventLogSize } from '#synthetic-population';
import { buildRevision, cliOf, freshDatabase, machine } from './bench-support.js';
import { QUERIES, atRateLine, everyQueryAs, loadSubjects, measureAtRate, projectorPlacement, startServers, tokens, type Latency } from './graphql-server.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 20_000);
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CLI = cliOf();

/** Where a server's reads went, from its /metrics (the replica counters exist only with DATABASE_READ_URL). */
interface ReadsSeen {
  replica: number;
  primary: number;
  /** Absent from a build that does not count it. */
  primaryAsked?: number;
}

async function readsSeen(base: string): Promise<ReadsSeen> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const count = (pattern: RegExp) => {
    const found = pattern.exec(text);
    return found ? Number(found[1]) : undefined;
  };
  const asked = count(/^himotoki_replica_primary_asked_total (\d+)$/m);
  return {
    replica: count(/^himotoki_replica_reads_total\{served_by="replica"\} (\d+)$/m) ?? 0,
    primary: count(/^himotoki_replica_reads_total\{served_by="primary"\} (\d+)$/m) ?? 0,
    ...(asked === undefined ? {} : { primaryAsked: asked }),
  };
}

/** A figure with its reads: the share the primary answered, and primary WAL positions asked per read. */
type Figure = Latency & { offered: number; readsServedByPrimary?: number; primaryAskedPerRead?: number };

function withReads(latency: Latency & { offered: number }, before: ReadsSeen, after: ReadsSeen): Figure {
  const reads = after.replica + after.primary - before.replica - before.primary;
  if (reads === 0) return latency;
  const share = (n: number) => Math.round((n / reads) * 1000) / 1000;
  return {
    ...latency,
    readsServedByPrimary: share(after.primary - before.primary),
    ...(after.primaryAsked === undefined ? {} : { primaryAskedPerRead: share(after.primaryAsked - (before.primaryAsked ?? 0)) }),
  };
}

async function main(): Promise<void> {
  const replica = process.env.DATABASE_READ_URL;
  if (!replica) throw new Error('set DATABASE_READ_URL to a streaming replica of DATABASE_URL’s server (.ci/replica makes one on 127.0.0.1:5433)');
  const placement = projectorPlacement();
  const baseline = process.env.BENCH_BASELINE ? buildRevision(process.env.BENCH_BASELINE, 'baseline') : undefined;
  const target = await freshDatabase('replica_bench');
  try {
    await loadSubjects(target.url, SUBJECTS);
    const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
    const organization = await tokens.mint({ role: 'ORGANIZATION', id: 'pension', organizationId: 'pension' });
    const replicaReaders = [...(baseline ? [{ reads: `replica, baseline ${baseline.commit.slice(0, 7)}`, cli: cliOf(baseline.folder), readUrl: replica }] : []), { reads: 'replica', cli: CLI, readUrl: replica }];
    const figures: Record<string, Figure[]> = {};
    const loadBefore = loadavg();
    for (let round = 1; round <= ROUNDS; round++) {
      const readers = round % 2 === 1 ? replicaReaders : [...replicaReaders].reverse();
      for (const { reads, cli, readUrl } of [{ reads: 'primary', cli: CLI, readUrl: '' }, ...readers]) {
        // The server is a child process: it takes its read URL from the environment it is started with.
        process.env.DATABASE_READ_URL = readUrl;
        const server = await startServers(target.url, auditor, [cli], placement);
        const base = server.bases[0]!;
        try {
          for (const [who, token] of [['organization', organization], ['auditor', auditor]] as const) {
            const before = await readsSeen(base);
            const figure = withReads(await measureAtRate(base, everyQueryAs(token), QUERIES.accessHistory, SUBJECTS, CONNECTIONS, RATE, SECONDS), before, await readsSeen(base));
            (figures[`${who} from ${reads}`] ??= []).push(figure);
            const where = figure.readsServedByPrimary === undefined ? '' : `; reads answered by the primary ${figure.readsServedByPrimary}, primary asked per read ${figure.primaryAskedPerRead ?? 'not counted'}`;
            console.log(`${atRateLine(`round ${round}: accessHistory as ${who}, reads from the ${reads}`, figure)}${where}`);
          }
        } finally {
          await server.stop();
        }
      }
    }
    process.env.DATABASE_READ_URL = replica;
    console.log(
      JSON.stringify({
        replica: figures,
        baseline: baseline?.commit,
        projector: placement,
        rate: RATE,
        loadAverage: { before: loadBefore, after: loadavg() },
        events: eventLogSize(SUBJECTS),
        subjects: SUBJECTS,
        connections: CONNECTIONS,
        seconds: SECONDS,
        machine: machine(),
      }),
    );
  } finally {
    await target.drop();
    baseline?.remove();
  }
}

await main();
