/**
 * npm run bench:append:kurrentdb — the KurrentDB adapter's appends against the in-process KurrentDB protocol
 * test server, counting the protocol round trips (gRPC calls the server receives) per append:
 *   (a) single-stream batches: 100 events per append at an exact revision, 4 concurrent writers over 200 streams;
 *   (b) multi-stream batches shaped like the ingestion's: 10 streams of 10 events, one atomic append each;
 *   (c) single events at an exact revision.
 * Throughput is the adapter, the client and the in-memory server on one machine: not a KurrentDB figure.
 * Last line: one JSON object.
 */
import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '#event-store';
import { openKurrentDbEventStore } from '#event-store-kurrentdb';
import { KurrentDbTestServer } from '../test/support/kurrentdb/kurrentdb-test-server.js';
import { machine, runWorkers } from './bench-support.js';

const STREAMS = 200;
const PER_APPEND = 100;
const WRITERS = 4;
const MULTI_APPENDS = 50;
const MULTI_STREAMS = 10;
const MULTI_EVENTS = 10;
const SINGLE_APPENDS = 200;

function accessEvent(i: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'InformationAccessed',
    schemaVersion: 1,
    data: {
      organizationId: `org-${i % 50}`,
      staffCode: `staff-${i % 700}`,
      subjectId: randomUUID(),
      datasetId: `dataset-${i % 120}`,
      items: ['NAME', 'ADDRESS', 'TAX_AMOUNT'],
      purpose: '地方税の賦課徴収に関する事務',
      occurredAt: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    },
    metadata: { sender: `org-${i % 50}`, commandId: randomUUID() },
  };
}

const batch = (n: number) => Array.from({ length: n }, (_, i) => accessEvent(i));
const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const server = await KurrentDbTestServer.start();
  const store = openKurrentDbEventStore(server.url);
  // Both of the client's connections ask for the server's features once; that is not part of an append.
  await store.appendToStream(`warm-${randomUUID()}`, batch(2), 'no_stream');
  await store.readStream(`warm-${randomUUID()}`);

  server.resetRoundTrips();
  const streams = Array.from({ length: STREAMS }, () => `bench-${randomUUID()}`);
  let started = performance.now();
  await runWorkers(streams, WRITERS, async (streamId) => void (await store.appendToStream(streamId, batch(PER_APPEND), 'no_stream')));
  const batchedSeconds = (performance.now() - started) / 1000;
  const batchedCalls = server.roundTrips();

  server.resetRoundTrips();
  started = performance.now();
  for (let n = 0; n < MULTI_APPENDS; n++) {
    await store.appendToStreams(
      Array.from({ length: MULTI_STREAMS }, () => ({ streamId: `bench-multi-${randomUUID()}`, events: batch(MULTI_EVENTS), expected: 'no_stream' as const })),
    );
  }
  const multiSeconds = (performance.now() - started) / 1000;
  const multiCalls = server.roundTrips();

  server.resetRoundTrips();
  const single = `bench-single-${randomUUID()}`;
  started = performance.now();
  for (let n = 0; n < SINGLE_APPENDS; n++) await store.appendToStream(single, [accessEvent(n)], n === 0 ? 'no_stream' : BigInt(n - 1));
  const singleSeconds = (performance.now() - started) / 1000;
  const singleCalls = server.roundTrips();

  await store.close();
  await server.close();

  const result = {
    batched: {
      appends: STREAMS,
      eventsPerAppend: PER_APPEND,
      roundTripsPerAppend: total(batchedCalls) / STREAMS,
      calls: batchedCalls,
      events_per_s: Math.round((STREAMS * PER_APPEND) / batchedSeconds),
    },
    multiStream: {
      appends: MULTI_APPENDS,
      streamsPerAppend: MULTI_STREAMS,
      eventsPerStream: MULTI_EVENTS,
      roundTripsPerAppend: total(multiCalls) / MULTI_APPENDS,
      calls: multiCalls,
      events_per_s: Math.round((MULTI_APPENDS * MULTI_STREAMS * MULTI_EVENTS) / multiSeconds),
    },
    single: { appends: SINGLE_APPENDS, roundTripsPerAppend: total(singleCalls) / SINGLE_APPENDS, calls: singleCalls, appends_per_s: Math.round(SINGLE_APPENDS / singleSeconds) },
    machine: machine(),
  };
  console.log(`batched (${PER_APPEND} events, one stream): ${result.batched.roundTripsPerAppend} round trips per append ${JSON.stringify(batchedCalls)}, ${result.batched.events_per_s} events/s`);
  console.log(`multi-stream (${MULTI_STREAMS}×${MULTI_EVENTS}): ${result.multiStream.roundTripsPerAppend} round trips per append ${JSON.stringify(multiCalls)}, ${result.multiStream.events_per_s} events/s`);
  console.log(`single event: ${result.single.roundTripsPerAppend} round trips per append ${JSON.stringify(singleCalls)}, ${result.single.appends_per_s} appends/s`);
  console.log(JSON.stringify(result));
}

await main();
