import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventIdConflictError } from '#event-store';
import { PostgresEventStore, setPartitionSize } from '#event-store-postgres';
import { LogInsider } from '#event-store-postgres/testing';
import type { Database } from '#database';
import { DATABASE_SCHEMA } from '#app';
import { MIGRATIONS } from '#migrations';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { generatePopulation } from '#synthetic-population';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { readModelHash, settled } from '../support/read-models.js';
import { CollectingSubscriber } from '../support/subscriber.js';
import { openTestDatabase, backendName } from '../support/test-database.js';
import { event, stream } from './event-store.contract.js';

const onPostgres = process.env.DATABASE_URL ? it : it.skip;

const partitions = (db: Database) => new LogInsider(db.pool).partitions();
const inDefault = (db: Database) => new LogInsider(db.pool).inDefaultPartition();

/** Appends single events until the log's head is `position`. */
async function appendUpTo(store: PostgresEventStore, position: bigint): Promise<void> {
  while ((await store.lastPosition()) < position) await store.appendToStream(stream(), [event()]);
}

describe(`the partitioned log on ${backendName}`, () => {
  let db: Database;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await openTestDatabase();
    await setPartitionSize(db.pool, 10);
    store = new PostgresEventStore(db, { pollIntervalMs: 50 });
  });
  afterEach(async () => {
    await store.close();
    await db.close();
  });

  it('is one table partitioned by range of global position, with partitions prepared ahead of the head', async () => {
    expect(await new LogInsider(db.pool).partitioning()).toEqual({ relkind: 'p', key: 'RANGE (global_position)' });
    for (let i = 0; i < 12; i++) {
      await store.appendToStream(stream(), [event(), event(), event()]);
      await store.preparePartitions();
    }
    const head = await store.lastPosition();
    const parts = await partitions(db);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(parts.at(-1)!.upper).toBeGreaterThan(head + 10n);
    // Contiguous ranges, the old ones sealed, nothing in the default partition.
    parts.slice(1).forEach((p, i) => expect(p.lower).toBe(parts[i]!.upper));
    expect(parts.filter((p) => p.sealed).map((p) => p.partition)).toEqual(parts.filter((p) => p.upper <= head - 10n + 1n).map((p) => p.partition));
    expect(parts.some((p) => p.sealed)).toBe(true);
    expect(await inDefault(db)).toBe(0);
    // Every event lies in the partition of its position.
    const placed = await new LogInsider(db.pool).placement();
    for (const row of placed) {
      const p = parts.find((q) => q.partition === row.partition)!;
      expect(BigInt(row.position) >= p.lower && BigInt(row.position) < p.upper).toBe(true);
    }
    expect(placed.length).toBe(36);
  });

  it('reads the log, streams and events by id across partitions, in order', async () => {
    const id = stream();
    const written = [];
    for (let i = 0; i < 25; i++) {
      written.push(event());
      await store.appendToStream(id, [written.at(-1)!]);
      await store.appendToStream(stream(), [event()]);
    }
    expect((await partitions(db)).filter((p) => p.lower <= 50n).length).toBeGreaterThanOrEqual(5);
    expect((await store.readStream(id)).map((e) => e.id)).toEqual(written.map((e) => e.id));
    expect((await store.readStream(id, { direction: 'backwards', fromRevision: 20n, maxCount: 3 })).map((e) => e.revision)).toEqual([20n, 19n, 18n]);
    const all = await store.readAll();
    expect(all.map((e) => e.globalPosition)).toEqual(all.map((_, i) => BigInt(i + 1)));
    const byId = await store.readEvents([written[24]!.id, written[0]!.id]);
    expect(byId.map((e) => e.id)).toEqual([written[0]!.id, written[24]!.id]);
    expect(await store.lastPosition()).toBe(50n);
  });

  it('answers a retry of an append stored in a sealed partition with its original positions, and refuses its ids elsewhere', async () => {
    const id = stream();
    const original = [event(), event()];
    const first = await store.appendToStream(id, original, 'no_stream');
    await appendUpTo(store, 40n);
    await store.preparePartitions();
    const [firstStored] = await store.readEvents([original[0]!.id]);
    const sealed = (await partitions(db)).find((p) => p.lower <= firstStored!.globalPosition && firstStored!.globalPosition < p.upper)!;
    expect(sealed.sealed).toBe(true);

    const retry = await store.appendToStream(id, original, 'no_stream');
    expect(retry).toEqual({ ...first, written: false });
    const elsewhere = await store.appendToStream(stream(), [original[1]!]).catch((e: unknown) => e);
    expect(elsewhere).toBeInstanceOf(EventIdConflictError);
    const changed = await store.appendToStream(id, [{ ...original[0]!, data: { changed: true } }, original[1]!], 'no_stream').catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(EventIdConflictError);
    expect(await store.readStream(id)).toHaveLength(2);
  });

  it('keeps event ids and (stream, revision) unique across partitions, even for a statement naming a partition', async () => {
    const stored = event();
    const at = await store.appendToStream(stream(), [stored]);
    await appendUpTo(store, 25n);
    await store.preparePartitions();
    const next = (await store.lastPosition()) + 1n;
    const newest = (await partitions(db)).find((p) => p.lower <= next && next < p.upper)!;
    const insert = (eventId: string, streamId: string, revision: number) => new LogInsider(db.pool).insert({ streamId, revision, eventId, type: 'Forged' }, { partition: newest.partition });
    await expect(insert(stored.id, stream(), 0)).rejects.toMatchObject({ constraint: 'events_event_id_key' });
    const [first] = await store.readEvents([stored.id]);
    await expect(insert(randomUUID(), first!.streamId, 0)).rejects.toMatchObject({ constraint: 'events_stream_revision_key' });
    expect(at.transactionId).toBe(first!.transactionId);
    // As the unique indexes they stand for, the keys hold with triggers off (session_replication_role).
    await expect(new LogInsider(db.pool).forge({ streamId: stream(), revision: 0, eventId: stored.id, type: 'Forged' })).rejects.toMatchObject({ constraint: 'events_event_id_key' });
  });

  it('refuses writes to a sealed partition, through the log and naming the partition', async () => {
    await appendUpTo(store, 40n);
    await store.preparePartitions();
    const sealed = (await partitions(db)).find((p) => p.sealed)!;
    const position = sealed.lower;
    const log = new LogInsider(db.pool);
    await expect(log.insert({ globalPosition: position, streamId: 'x', revision: 0, eventId: randomUUID(), type: 'T' })).rejects.toMatchObject({ code: 'HM003' });
    await expect(log.update({ partition: sealed.partition, at: position })).rejects.toMatchObject({ code: expect.stringMatching(/^HM00[13]$/) });
    await expect(log.delete({ partition: sealed.partition })).rejects.toMatchObject({ code: expect.stringMatching(/^HM00[13]$/) });
    await expect(log.truncate({ partition: sealed.partition })).rejects.toMatchObject({ code: 'HM001' });
    // The journal commits an event inserted by a statement naming the newest partition, as one naming the log.
    const next = (await store.lastPosition()) + 1n;
    const newest = (await partitions(db)).find((p) => p.lower <= next && next < p.upper)!;
    const forged = randomUUID();
    await log.insert({ streamId: 'direct', revision: 0, eventId: forged, type: 'T' }, { partition: newest.partition });
    expect((await log.storedEvents({ eventIds: [forged] })).filter((e) => e.commitment !== null)).toHaveLength(1);
  });

  onPostgres('delivers an out-of-order commit that straddles two partitions once, in order, to a subscriber', async () => {
    const boundary = (await partitions(db))[0]!.upper;
    await appendUpTo(store, boundary - 2n);
    const subscriber = new CollectingSubscriber(store);
    await subscriber.waitFor(Number(boundary - 2n));

    // Transaction A takes the last position of one partition and the first of the next, and stays open.
    const a = [event({ tx: 'A1' }), event({ tx: 'A2' })];
    const clientA = await db.pool.connect();
    const appendA = await new LogInsider(db.pool).openAppend(clientA, stream(), a);
    expect(appendA.positions).toEqual([boundary - 1n, boundary]);
    // B takes a later position in the new partition and commits first.
    const b = event({ tx: 'B' });
    await store.appendToStream(stream(), [b]);
    expect((await store.readEvents([b.id]))[0]!.globalPosition).toBe(boundary + 1n);
    expect(await store.readAll({ after: subscriber.checkpoint })).toEqual([]);
    const seen = subscriber.received.length;

    await appendA.commit();
    clientA.release();
    await subscriber.waitFor(seen + 3);
    const c = event({ tx: 'C' });
    await store.appendToStream(stream(), [c]);
    const received = await subscriber.waitFor(seen + 4);
    await subscriber.stop();
    expect(received.slice(seen - 0).map((e) => e.id)).toEqual([...a.map((e) => e.id), b.id, c.id]);
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
  });

  onPostgres('prepares and seals partitions while writers append, losing and misplacing nothing', async () => {
    // Partitions of 40: an attach every few appends of the six writers, each attach waiting for the readers.
    await setPartitionSize(db.pool, 40);
    const writers = 6;
    const appends = 60;
    const streams = Array.from({ length: writers }, () => stream());
    let preparing = true;
    const preparer = (async () => {
      let rounds = 0;
      while (preparing || rounds === 0) {
        await store.preparePartitions();
        rounds++;
      }
      return rounds;
    })();
    await Promise.all(
      streams.map(async (id) => {
        for (let i = 0; i < appends; i++) await store.appendToStream(id, [event(), event()], BigInt(2 * i - 1) < 0n ? 'no_stream' : BigInt(2 * i - 1));
      }),
    );
    preparing = false;
    expect(await preparer).toBeGreaterThan(1);
    await store.preparePartitions();

    const all = await store.readAll({ maxCount: 10_000 });
    expect(all).toHaveLength(writers * appends * 2);
    for (const id of streams) expect((await store.readStream(id, { maxCount: 1000 })).map((e) => e.revision)).toEqual(Array.from({ length: appends * 2 }, (_, i) => BigInt(i)));
    const parts = await partitions(db);
    expect(parts.length).toBeGreaterThanOrEqual((writers * appends * 2) / 40);
    expect(parts.filter((p) => p.sealed).length).toBeGreaterThan(parts.length / 2);
    // Appends that outran the preparation wait in the default partition, read with the rest.
    expect(await new LogInsider(db.pool).count()).toBe(writers * appends * 2);
  });
});

describe(`converting an existing log to the partitioned one on ${backendName}`, () => {
  it('keeps every event, its position, transaction and commitment, and its idempotency', async () => {
    const partitioning = MIGRATIONS.findIndex((m) => m.name === 'PartitionedLog1764000000600');
    expect(partitioning).toBeGreaterThan(0);
    const before = { ...DATABASE_SCHEMA, migrations: MIGRATIONS.slice(0, partitioning) };
    const db = await openTestDatabase(2, before);
    const appends = Array.from({ length: 30 }, (_, i) => ({ streamId: `stream-${i % 7}`, events: [{ ...event(), metadata: {} }, { ...event(), metadata: {} }] }));
    const log = new LogInsider(db.pool);
    for (const append of appends) await log.append(append.streamId, 'any', append.events);
    const snapshot = () => log.storedEvents();
    const old = await snapshot();
    expect(old).toHaveLength(60);

    // The partitioning migration and those after it, as `migrate` runs them: each in a transaction of its own.
    const runner = db.dataSource.createQueryRunner();
    for (const Migration of MIGRATIONS.slice(partitioning)) {
      await runner.startTransaction();
      await new Migration().up(runner);
      await runner.commitTransaction();
    }
    await runner.release();
    try {
      expect(await snapshot()).toEqual(old);
      const store = new PostgresEventStore(db);
      const retry = await store.appendToStream(appends[3]!.streamId, appends[3]!.events, 'any');
      expect(retry.written).toBe(false);
      const retried = await store.readEvents(appends[3]!.events.map((e) => e.id));
      expect(retried.map((e) => e.globalPosition)).toEqual([7n, 8n]);
      expect(retry.transactionId).toBe(retried[0]!.transactionId);
      const nextEvent = event();
      const next = await store.appendToStream(stream(), [nextEvent]);
      expect(next.written).toBe(true);
      expect((await store.readEvents([nextEvent.id]))[0]!.globalPosition).toBe(61n);
      expect(await store.readStream('stream-3')).toHaveLength(appends.filter((a) => a.streamId === 'stream-3').length * 2);
      await store.close();
    } finally {
      await db.close();
    }
  });
});

describe(`a rebuild across partitions on ${backendName}`, () => {
  it('equals the read models built live', async () => {
    const f = await IngestionFixture.start();
    try {
      await setPartitionSize(f.database.pool, 500);
      await f.importCommands(generatePopulation({ subjects: 120, seed: 'rebuild-across-partitions' }).commands);
      const runner = f.context.get(ProjectionRunner);
      const store = f.context.get(EVENT_STORE) as PostgresEventStore;
      await settled(runner);
      await store.preparePartitions();
      expect(new Set((await new LogInsider(f.database.pool).placement()).map((e) => e.partition)).size).toBeGreaterThanOrEqual(3);
      const live = await readModelHash(f.database.pool);
      await rebuildProjections(f.database.pool, store, runner, runner.projections, { batchSize: 97 });
      await settled(runner);
      expect(await readModelHash(f.database.pool)).toBe(live);
    } finally {
      await f.close();
    }
  });
});
