/**
 * npm run bench:replica — `accessHistory` (first page) over HTTP at a steady load, answered by a server reading
 * the primary and by one reading the streaming replica (DATABASE_READ_URL, a replica of DATABASE_URL's server,
 * e.g. .ci/replica), in alternating rounds of the same run over the same data: 11 events a subject for
 * BENCH_SUBJECTS subjects (default 20,000), the projector in a process of its own. As an organization (no write:
 * every read goes straight to the replica) and as an auditor (each query stores its audit record, so the next
 * read waits for the replica to replay it). Last line: one JSON object.
 */
import { loadavg } from 'node:os';
import { eventLogSize } from '#synthetic-population';
import { freshDatabase, machine } from './bench-support.js';
import { QUERIES, atRateLine, everyQueryAs, loadSubjects, measureAtRate, startServer, tokens, type Latency } from './graphql-server.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 20_000);
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

async function main(): Promise<void> {
  const replica = process.env.DATABASE_READ_URL;
  if (!replica) throw new Error('set DATABASE_READ_URL to a streaming replica of DATABASE_URL’s server (.ci/replica makes one on 127.0.0.1:5433)');
  const target = await freshDatabase('replica_bench');
  try {
    await loadSubjects(target.url, SUBJECTS);
    const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
    const organization = await tokens.mint({ role: 'ORGANIZATION', id: 'pension', organizationId: 'pension' });
    const figures: Record<string, Latency[]> = {};
    const loadBefore = loadavg();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [reads, readUrl] of [['primary', ''], ['replica', replica]] as const) {
        // The server is a child process: it takes its read URL from the environment it is started with.
        process.env.DATABASE_READ_URL = readUrl;
        const server = await startServer(target.url, auditor);
        try {
          for (const [who, token] of [['organization', organization], ['auditor', auditor]] as const) {
            const figure = await measureAtRate(server.base, everyQueryAs(token), QUERIES.accessHistory, SUBJECTS, CONNECTIONS, RATE, SECONDS);
            (figures[`${who}_from_${reads}`] ??= []).push(figure);
            console.log(atRateLine(`round ${round}: accessHistory as ${who}, reads from the ${reads}`, figure));
          }
        } finally {
          await server.stop();
        }
      }
    }
    process.env.DATABASE_READ_URL = replica;
    console.log(JSON.stringify({ replica: figures, rate: RATE, loadAverage: { before: loadBefore, after: loadavg() }, events: eventLogSize(SUBJECTS), subjects: SUBJECTS, connections: CONNECTIONS, seconds: SECONDS, machine: machine() }));
  } finally {
    await target.drop();
  }
}

await main();
