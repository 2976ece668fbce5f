/**
 * npm run bench:append — append throughput of Himotoki's event store against Emmett's PostgreSQL event
 * store (@event-driven-io/emmett-postgresql), on the same server, the same database and the same events,
 * side by side in one run:
 *   (a) batched: 100 events per append over 1,000 streams, from 4 concurrent writers;
 *   (b) single-event appends from 8 concurrent clients into 16 shared streams; Himotoki's events are then
 *       counted (none lost, revisions contiguous). Emmett raises a conflict when two appends race on a stream,
 *       even with no concurrency check asked for; its figure includes the retries a client must make.
 * Each measurement alternates the two stores over 3 rounds and reports the median. Last line: one JSON object.
 *
 * HIMOTOKI_EVENT_STORE=kurrentdb runs the appends on KurrentDB instead (KURRENTDB_URL, or the in-process KurrentDB
 * protocol test server) and reports the protocol round trips per append, which the test server counts:
 * (a) above at an exact revision, multi-stream batches shaped like the ingestion's, and single events. On the test
 * server the throughput is the adapter, the client and an in-memory server on one machine: not a KurrentDB figure.
 */
import { randomUUID } from 'node:crypto';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { migrate, openDatabase, openPool } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { openKurrentDbEventStore } from '#event-store-kurrentdb';
import type { EventStore } from '#event-store';
import { DATABASE_SCHEMA, eventStoreKindFromEnv } from '#app';
import { KurrentDbTestServer } from '../test/support/kurrentdb/kurrentdb-test-server.js';
import { busyShare, freshDatabase, machine, median, runWorkers } from './bench-support.js';

const STREAMS = 1_000;
const PER_APPEND = 100;
const BATCH_WRITERS = 4;
const CLIENTS = 8;
const SINGLE_APPENDS_PER_CLIENT = 500;
const SHARED_STREAMS = 16;
const ROUNDS = 3;
/** On KurrentDB: batched appends over this many streams. */
const KURRENTDB_STREAMS = 200;
/** On KurrentDB: multi-stream appends of MULTI_STREAMS streams × MULTI_EVENTS events, and single-event appends. */
const MULTI_APPENDS = 50;
const MULTI_STREAMS = 10;
const MULTI_EVENTS = 10;
const SINGLE_APPENDS = 200;

/** A realistic event: an access to a subject's information, fingerprinted as the platform stores it. */
function accessEvent(i: number) {
  return {
    type: 'InformationAccessed',
    data: {
      organizationId: `org-${i % 50}`,
      staffCode: `staff-${i % 700}`,
      subjectId: randomUUID(),
      datasetId: `dataset-${i % 120}`,
      items: ['NAME', 'ADDRESS', 'TAX_AMOUNT'],
      purpose: '地方税の賦課徴収に関する事務',
      channel: 'TERMINAL',
      outcome: 'GRANTED',
      occurredAt: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    },
    metadata: { sender: `org-${i % 50}`, commandId: randomUUID() },
  };
}

type Appender = (streamId: string, events: ReturnType<typeof accessEvent>[]) => Promise<void>;

/** What the port appends: the benchmark's events with ids. */
const toAppend = (events: ReturnType<typeof accessEvent>[]) => events.map((e) => ({ id: randomUUID(), schemaVersion: 1, ...e }));

async function main(): Promise<void> {
  // On KurrentDB: the server KURRENTDB_URL names (checked as the app checks it), else the protocol test server.
  if (process.env.HIMOTOKI_EVENT_STORE === 'kurrentdb') {
    const chosen = process.env.KURRENTDB_URL ? eventStoreKindFromEnv(process.env) : undefined;
    return onKurrentDb(chosen?.kind === 'kurrentdb' ? chosen.url : undefined);
  }
  const target = await freshDatabase('himotoki_bench_append');
  const db = await openDatabase({ url: target.url, poolSize: CLIENTS }, DATABASE_SCHEMA);
  await migrate(db);
  const himotoki = new PostgresEventStore(db);
  // Emmett gets a pool the benchmark owns and ends: its own pool kept connections open after close() (seen with
  // the conflicts of the shared-stream round), and dropping the database then crashed the run on their error.
  const emmettPool = openPool({ connectionString: target.url, max: CLIENTS }, 'emmett bench');
  const emmett = getPostgreSQLEventStore(target.url, { connectionOptions: { connectionString: target.url, pool: emmettPool } });
  await emmett.schema.migrate();

  let emmettRetries = 0;
  const appenders: Record<'himotoki' | 'emmett', Appender> = {
    himotoki: async (streamId, events) => {
      await himotoki.appendToStream(streamId, toAppend(events));
    },
    emmett: async (streamId, events) => {
      // Emmett refuses a write that races another on the same stream even without a concurrency check
      // (ExpectedVersionConflictError, "NO_CONCURRENCY_CHECK does not match"); a client retries it.
      for (;;) {
        try {
          await emmett.appendToStream(streamId, events);
          return;
        } catch (error) {
          // emmett-postgresql bundles its own copy of the error class, so `instanceof` cannot see it.
          if ((error as { errorCode?: number }).errorCode !== 412) throw error;
          emmettRetries++;
        }
      }
    },
  };

  const batched: Record<string, number[]> = { himotoki: [], emmett: [] };
  const concurrent: Record<string, number[]> = { himotoki: [], emmett: [] };
  // How busy the two cores were during each batched round: whether the rate is the machine's limit.
  const batchedBusy: Record<string, number[]> = { himotoki: [], emmett: [] };
  const batches = Array.from({ length: STREAMS }, (_, s) => Array.from({ length: PER_APPEND }, (_, i) => accessEvent(s * PER_APPEND + i)));

  for (const name of ['himotoki', 'emmett'] as const) {
    await runWorkers(batches.slice(0, 20), BATCH_WRITERS, (events) => appenders[name](`warmup-${randomUUID()}`, events));
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of ['himotoki', 'emmett'] as const) {
      const busy = busyShare();
      const started = performance.now();
      await runWorkers(batches, BATCH_WRITERS, (events) => appenders[name](`access-${round}-${randomUUID()}`, events));
      const eps = (STREAMS * PER_APPEND) / ((performance.now() - started) / 1000);
      const share = busy();
      batched[name]!.push(eps);
      if (share !== undefined) batchedBusy[name]!.push(share);
      console.log(`batched    round ${round + 1} ${name.padEnd(8)} ${Math.round(eps).toLocaleString('en')} events/s${share === undefined ? '' : `, cores ${Math.round(share * 100)}% busy`}`);
    }
    for (const name of ['himotoki', 'emmett'] as const) {
      const streams = Array.from({ length: SHARED_STREAMS }, (_, i) => `shared-${name}-${round}-${i}`);
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          for (let i = 0; i < SINGLE_APPENDS_PER_CLIENT; i++) {
            await appenders[name](streams[(client + i) % SHARED_STREAMS]!, [accessEvent(i)]);
          }
        }),
      );
      const eps = (CLIENTS * SINGLE_APPENDS_PER_CLIENT) / ((performance.now() - started) / 1000);
      concurrent[name]!.push(eps);
      console.log(`concurrent round ${round + 1} ${name.padEnd(8)} ${Math.round(eps).toLocaleString('en')} events/s`);
    }
  }

  // Nothing lost: every single-event append of Himotoki is stored, once, with contiguous revisions (read back through the port).
  let storedEvents = 0;
  let gaps = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < SHARED_STREAMS; i++) {
      const stored = await himotoki.readStream(`shared-himotoki-${round}-${i}`);
      storedEvents += stored.length;
      gaps += stored.filter((e, n) => e.revision !== BigInt(n)).length;
    }
  }
  const expected = ROUNDS * CLIENTS * SINGLE_APPENDS_PER_CLIENT;
  const lost = expected - storedEvents;

  const result = {
    batched: { ...summary(batched), machineBusy: batchedBusy.himotoki!.length > 0 ? { himotoki: median(batchedBusy.himotoki!), emmett: median(batchedBusy.emmett!) } : null },
    concurrent: { ...summary(concurrent), appended: expected, lost, revisionGaps: gaps, emmettConflictRetries: emmettRetries },
    setup: { streams: STREAMS, eventsPerAppend: PER_APPEND, batchWriters: BATCH_WRITERS, clients: CLIENTS, rounds: ROUNDS },
    machine: machine(),
  };
  // The result before the cleanup: a failure to close or drop (reported by its own error) cannot take the figures with it.
  console.log(JSON.stringify(result));
  if (lost !== 0) process.exitCode = 1;

  await himotoki.close();
  await emmett.close();
  await emmettPool.end();
  await db.close();
  await target.drop();
}

/** The appends on KurrentDB, with the protocol round trips each takes when the test server counts them. */
async function onKurrentDb(url: string | undefined): Promise<void> {
  const server = url ? undefined : await KurrentDbTestServer.start();
  const store = openKurrentDbEventStore(url ?? server!.url);
  const batch = (n: number, from = 0) => toAppend(Array.from({ length: n }, (_, i) => accessEvent(from + i)));
  // Both of the client's connections ask for the server's features once; that is not part of an append.
  await store.appendToStream(`warm-${randomUUID()}`, batch(2), 'no_stream');
  await store.readStream(`warm-${randomUUID()}`);

  const measure = async (appends: number, events: number, run: (store: EventStore) => Promise<void>) => {
    server?.resetRoundTrips();
    const started = performance.now();
    await run(store);
    const seconds = (performance.now() - started) / 1000;
    const calls = server?.roundTrips();
    const roundTripsPerAppend = calls ? Object.values(calls).reduce((a, b) => a + b, 0) / appends : null;
    return { appends, roundTripsPerAppend, calls: calls ?? null, events_per_s: Math.round(events / seconds) };
  };
  const streams = Array.from({ length: KURRENTDB_STREAMS }, () => `bench-${randomUUID()}`);
  const batched = await measure(streams.length, streams.length * PER_APPEND, (s) =>
    runWorkers(streams, BATCH_WRITERS, async (streamId) => void (await s.appendToStream(streamId, batch(PER_APPEND), 'no_stream'))),
  );
  const multiStream = await measure(MULTI_APPENDS, MULTI_APPENDS * MULTI_STREAMS * MULTI_EVENTS, async (s) => {
    for (let n = 0; n < MULTI_APPENDS; n++) {
      await s.appendToStreams(Array.from({ length: MULTI_STREAMS }, () => ({ streamId: `bench-multi-${randomUUID()}`, events: batch(MULTI_EVENTS), expected: 'no_stream' as const })));
    }
  });
  const single = `bench-single-${randomUUID()}`;
  const singleEvent = await measure(SINGLE_APPENDS, SINGLE_APPENDS, async (s) => {
    for (let n = 0; n < SINGLE_APPENDS; n++) await s.appendToStream(single, batch(1, n), n === 0 ? 'no_stream' : BigInt(n - 1));
  });
  await store.close();
  await server?.close();

  const result = {
    store: url ? 'kurrentdb' : 'kurrentdb (protocol test server)',
    batched: { ...batched, eventsPerAppend: PER_APPEND },
    multiStream: { ...multiStream, streamsPerAppend: MULTI_STREAMS, eventsPerStream: MULTI_EVENTS },
    single: singleEvent,
    machine: machine(),
  };
  const trips = (r: { roundTripsPerAppend: number | null; calls: Record<string, number> | null }) =>
    r.roundTripsPerAppend === null ? 'round trips not counted (a real server)' : `${r.roundTripsPerAppend} round trip(s) per append ${JSON.stringify(r.calls)}`;
  console.log(`batched (${PER_APPEND} events, one stream): ${trips(batched)}, ${batched.events_per_s} events/s`);
  console.log(`multi-stream (${MULTI_STREAMS}×${MULTI_EVENTS}): ${trips(multiStream)}, ${multiStream.events_per_s} events/s`);
  console.log(`single event: ${trips(singleEvent)}, ${singleEvent.events_per_s} appends/s`);
  console.log(JSON.stringify(result));
}

function summary(figures: Record<string, number[]>) {
  const himotoki = median(figures.himotoki!);
  const emmett = median(figures.emmett!);
  return { himotoki_eps: Math.round(himotoki), emmett_eps: Math.round(emmett), ratio: Math.round((himotoki / emmett) * 100) / 100 };
}

await main();
