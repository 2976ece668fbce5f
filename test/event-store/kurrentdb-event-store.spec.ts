import { randomUUID } from 'node:crypto';
import { KurrentDBClient, START, jsonEvent, type AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventIdConflictError, InvalidAppendError, type EventToAppend } from '#event-store';
import {
  EventStoreAccessDeniedError,
  KurrentDbEventStore,
  MultiStreamAppendUnsupportedError,
  StreamDeletedError,
  type KurrentDbEventStoreOptions,
} from '#event-store-kurrentdb';
import { KurrentDbTestServer, type KurrentDbTestServerOptions } from '../support/kurrentdb/kurrentdb-test-server.js';
import { CollectingSubscriber } from '../support/subscriber.js';

const event = (data: Record<string, unknown> = {}): EventToAppend => ({ id: randomUUID(), type: 'SomethingHappened', schemaVersion: 1, data: data as EventToAppend['data'] });
const events = (n: number) => Array.from({ length: n }, (_, i) => event({ i }));
const stream = () => `test-${randomUUID()}`;

/** What the KurrentDB adapter does beyond the shared contract, against the protocol test server (it needs the server's settings). */
describe('event store on KurrentDB, beyond the contract', () => {
  const opened: { server: KurrentDbTestServer; store: KurrentDbEventStore; client: KurrentDBClient }[] = [];
  const open = async (options: KurrentDbEventStoreOptions = {}, serverOptions: KurrentDbTestServerOptions = {}) => {
    const server = await KurrentDbTestServer.start(serverOptions);
    const store = new KurrentDbEventStore(KurrentDBClient.connectionString(server.url), options);
    // Another client of the same server: what an operator or another tool could do.
    const client = KurrentDBClient.connectionString(server.url);
    opened.push({ server, store, client });
    return { server, store, client };
  };
  afterAll(async () => {
    for (const { server, store, client } of opened) {
      await store.close();
      await client.dispose();
      await server.close();
    }
  });

  it("maps checkpoints to KurrentDB's log positions: transactionId is the commit position, globalPosition the prepare position", async () => {
    const { store, client } = await open();
    const id = stream();
    const result = await store.appendToStream(id, events(3), 'no_stream');
    const raw: AllStreamResolvedEvent[] = [];
    for await (const resolved of client.readAll({ fromPosition: START })) if (resolved.event?.streamId === id) raw.push(resolved);
    const stored = await store.readStream(id);
    expect(stored.map((e) => ({ transactionId: e.transactionId, globalPosition: e.globalPosition }))).toEqual(
      raw.map((r) => ({ transactionId: r.event!.position!.commit, globalPosition: r.event!.position!.prepare })),
    );
    // The append answers the commit position it was written at, the transaction of every one of its events.
    expect(result.transactionId).toBe(raw[0]!.event!.position!.commit);
    // One append is one KurrentDB transaction: one commit position, prepare positions rising.
    expect(new Set(stored.map((e) => e.transactionId)).size).toBe(1);
    expect(stored[0]!.globalPosition < stored[1]!.globalPosition && stored[1]!.globalPosition < stored[2]!.globalPosition).toBe(true);
  });

  it('leaves system events ($-prefixed types, such as stream metadata) out of readAll and subscriptions', async () => {
    const { server, store } = await open();
    const id = stream();
    await store.appendToStream(id, [event()]);
    await store.setStreamMetadata(id, { owner: 'org-1' });
    await store.appendToStream(id, [event()]);
    expect(server.eventCount(true)).toBe(3);
    expect(server.eventCount(false)).toBe(2);
    const all = await store.readAll();
    expect(all.map((e) => e.type)).toEqual(['SomethingHappened', 'SomethingHappened']);
    const subscriber = new CollectingSubscriber(store);
    await subscriber.waitFor(2);
    await store.appendToStream(id, [event({ live: true })]);
    await subscriber.waitFor(3);
    await subscriber.stop();
    expect(subscriber.received.map((e) => e.id)).toEqual([...all.map((e) => e.id), (await store.readStream(id)).at(-1)!.id]);
  });

  it('subscribes again after a dropped connection, from the last event delivered, with no gap or repeat', async () => {
    const { server, store } = await open();
    const id = stream();
    await store.appendToStream(id, events(2));
    const subscriber = new CollectingSubscriber(store);
    await subscriber.waitFor(2);
    server.dropSubscriptions();
    await store.appendToStream(id, events(3));
    await subscriber.waitFor(5);
    await store.appendToStream(id, [event({ last: true })]);
    await subscriber.waitFor(6);
    await subscriber.stop();
    expect(subscriber.received.map((e) => e.id)).toEqual((await store.readStream(id)).map((e) => e.id));
  });

  it("recognizes a retry under `any` after KurrentDB's recent-ids cache has forgotten it, where KurrentDB alone writes it again", async () => {
    const { server, store, client } = await open({}, { idempotencyWindow: 2 });
    // KurrentDB alone: once the cache has moved on, the same event under `any` is stored twice.
    const rawStream = stream();
    const rawEvent = jsonEvent({ id: randomUUID(), type: 'SomethingHappened', data: {} });
    await client.appendToStream(rawStream, rawEvent);
    await client.appendToStream(rawStream, [jsonEvent({ type: 'Other', data: {} }), jsonEvent({ type: 'Other', data: {} })]);
    await client.appendToStream(rawStream, rawEvent);
    let copies = 0;
    for await (const resolved of client.readStream(rawStream)) if (resolved.event?.id === rawEvent.id) copies++;
    expect(copies).toBe(2);

    const id = stream();
    const batch = events(2);
    const first = await store.appendToStream(id, batch);
    await store.appendToStream(id, events(3));
    const before = server.eventCount(true);
    const retry = await store.appendToStream(id, batch);
    expect(retry).toEqual({ ...first, written: false });
    expect(server.eventCount(true)).toBe(before);
  });

  it('refuses a retry with other content that KurrentDB takes for the same append (it compares ids only), and writes nothing', async () => {
    const { server, store } = await open();
    const id = stream();
    const original = event({ amount: 1 });
    await store.appendToStream(id, [original], 'no_stream');
    const before = server.eventCount(true);
    const error = await store.appendToStream(id, [{ ...original, data: { amount: 2 } }], 'no_stream').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventIdConflictError);
    expect(error).toMatchObject({ eventId: original.id });
    expect((error as Error).message).toMatch(/different content/);
    const schema = await store.appendToStream(id, [{ ...original, schemaVersion: 2 }], 'no_stream').catch((e: unknown) => e);
    expect(schema).toBeInstanceOf(EventIdConflictError);
    expect(server.eventCount(true)).toBe(before);
  });

  it('refuses a multi-stream append on a server older than 25.1, writing nothing, and never splits it', async () => {
    const { server, store } = await open({}, { version: '24.10.0' });
    const [s1, s2] = [stream(), stream()];
    const error = await store.appendToStreams([{ streamId: s1, events: [event()] }, { streamId: s2, events: [event()] }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MultiStreamAppendUnsupportedError);
    expect((error as Error).message).toContain('24.10.0');
    expect(server.eventCount(true)).toBe(0);
    // One stream needs no multi-stream append.
    await expect(store.appendToStreams([{ streamId: s1, events: [event()] }])).resolves.toHaveLength(1);
  });

  it('runs the beforeAppend guard before every append, and a refusal writes nothing', async () => {
    let refusing = true;
    const seen: string[] = [];
    const { server, store } = await open({
      beforeAppend: (appends) => {
        seen.push(...appends.map((a) => a.streamId));
        if (refusing) throw new Error('fail-closed: the newest signed head is too old');
      },
    });
    const [s1, s2] = [stream(), stream()];
    await expect(store.appendToStream(s1, [event()])).rejects.toThrow(/fail-closed/);
    await expect(store.appendToStreams([{ streamId: s1, events: [event()] }, { streamId: s2, events: [event()] }])).rejects.toThrow(/fail-closed/);
    await expect(store.setStreamMetadata(s1, { owner: 'org-1' })).rejects.toThrow(/fail-closed/);
    expect(server.eventCount(true)).toBe(0);
    expect(seen).toEqual([s1, s1, s2, `$$${s1}`]);
    refusing = false;
    await expect(store.appendToStream(s1, [event()])).resolves.toMatchObject({ written: true });
  });

  it.each(['$tb', '$maxCount', '$maxAge', '$acl'])('refuses stream metadata setting %s (the store never truncates or hands out rights)', async (key) => {
    const { server, store } = await open();
    const id = stream();
    const error = await store.setStreamMetadata(id, { [key]: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidAppendError);
    expect(error).toMatchObject({ field: `metadata.${key}` });
    expect(server.eventCount(true)).toBe(0);
  });

  it('reports a stream tombstoned by someone else as deleted, on reading and on appending', async () => {
    const { store, client } = await open();
    const id = stream();
    await store.appendToStream(id, [event()]);
    await client.tombstoneStream(id);
    await expect(store.readStream(id)).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(store.appendToStream(id, [event()])).rejects.toBeInstanceOf(StreamDeletedError);
    // $all keeps the events until a scavenge: the journal's verification finds the stream gone.
    expect((await store.readAll()).map((e) => e.streamId)).toEqual([id]);
  });

  it('hides the events of a stream soft-deleted by someone else from stream reads, as KurrentDB does', async () => {
    const { store, client } = await open();
    const id = stream();
    await store.appendToStream(id, events(2));
    await client.deleteStream(id);
    expect(await store.readStream(id)).toEqual([]);
    expect((await store.getStreamMetadata(id)).metadata).toEqual({ $tb: 2 });
  });

  it('reports a write the ACL denies as access denied', async () => {
    const { store } = await open({}, { denyWrites: (streamId) => streamId.startsWith('locked-') });
    await expect(store.appendToStream(`locked-${randomUUID()}`, [event()])).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
  });

  it('takes one round trip per append: one event, a batch, and a batch across streams', async () => {
    const { server, store } = await open();
    const id = stream();
    await store.appendToStream(id, [event()], 'no_stream');
    // Each of the client's two connections (gRPC and the native reader) asks the server's features once.
    await store.readStream(id);
    server.resetRoundTrips();
    await store.appendToStream(id, [event()], 0n);
    expect(server.roundTrips()).toEqual({ Append: 1 });
    server.resetRoundTrips();
    await store.appendToStream(id, events(10), 1n);
    expect(server.roundTrips()).toEqual({ Append: 1 });
    server.resetRoundTrips();
    await store.appendToStreams([{ streamId: id, events: events(3), expected: 11n }, { streamId: stream(), events: events(2), expected: 'no_stream' }]);
    expect(server.roundTrips()).toEqual({ AppendSession: 1 });
  });
});
