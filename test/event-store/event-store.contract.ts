import { randomUUID } from 'node:crypto';
import {
  EventIdConflictError,
  hasReadTransaction,
  LOG_START,
  InvalidAppendError,
  LIMITS,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type StoredEvent,
} from '#event-store';
import type { EventStoreTarget, OpenedEventStore } from '../support/event-store-targets.js';
import { CollectingSubscriber } from '../support/subscriber.js';

/**
 * The event-store contract: one body, run on every store behind the port (PostgreSQL or PGlite, and KurrentDB),
 * through the port alone. What only one store promises is tested beside its target.
 */
export const event = (data: Record<string, unknown> = {}, type = 'SomethingHappened'): EventToAppend => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: data as EventToAppend['data'],
  metadata: { sender: 'test' },
});
export const events = (n: number) => Array.from({ length: n }, (_, i) => event({ i }));
export const stream = () => `test-${randomUUID()}`;

export function eventStoreContract(target: EventStoreTarget): void {
describe(`event store contract on ${target.name}`, () => {
  let opened: OpenedEventStore;
  let store: EventStore;

  beforeAll(async () => {
    opened = await target.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened.close();
  });

  const countEvents = () => store.countEvents();

  describe('expected revision', () => {
    it('creates a stream with no_stream and numbers its events from 0', async () => {
      const id = stream();
      const result = await store.appendToStream(id, events(3), 'no_stream');
      expect(result.nextExpectedRevision).toBe(2n);
      expect(result.written).toBe(true);
      const stored = await store.readStream(id);
      expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      // One append, one transaction: the one the append answered, in log order with positions rising.
      expect(stored.map((e) => e.transactionId)).toEqual([result.transactionId, result.transactionId, result.transactionId]);
      expect(stored[0]!.globalPosition < stored[1]!.globalPosition && stored[1]!.globalPosition < stored[2]!.globalPosition).toBe(true);
    });

    it.each<[string, ExpectedRevision, boolean, bigint | 'no_stream']>([
      ['no_stream on a new stream', 'no_stream', false, 0n],
      ['any on a new stream', 'any', false, 0n],
      ['stream_exists on a new stream', 'stream_exists', false, 'no_stream'],
      ['revision 0 on a new stream', 0n, false, 'no_stream'],
      ['no_stream on an existing stream', 'no_stream', true, 1n],
      ['any on an existing stream', 'any', true, 2n],
      ['stream_exists on an existing stream', 'stream_exists', true, 2n],
      ['the current revision', 1n, true, 2n],
      ['a past revision', 0n, true, 1n],
      ['a future revision', 5n, true, 1n],
    ])('%s', async (_, expected, existing, outcome) => {
      const id = stream();
      if (existing) await store.appendToStream(id, events(2), 'no_stream');
      const before = await countEvents();
      const attempt = store.appendToStream(id, [event()], expected);
      const succeeds =
        expected === 'any' ||
        (expected === 'no_stream' && !existing) ||
        (expected === 'stream_exists' && existing) ||
        (existing && expected === 1n);
      if (succeeds) {
        expect((await attempt).nextExpectedRevision).toBe(outcome);
        expect(await countEvents()).toBe(before + 1);
      } else {
        const error = await attempt.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: id, expected, actual: outcome });
        expect((error as Error).message).toContain(id);
        expect(await countEvents()).toBe(before);
      }
    });

    it('accepts a revision given as a safe integer number', async () => {
      const id = stream();
      await store.appendToStream(id, [event()]);
      const result = await store.appendToStream(id, [event()], 0 as unknown as ExpectedRevision);
      expect(result.nextExpectedRevision).toBe(1n);
    });
  });

  describe('idempotent retries', () => {
    it('a repeated append succeeds, answers the same transaction and writes nothing', async () => {
      const id = stream();
      const batch = events(3);
      const first = await store.appendToStream(id, batch, 'no_stream');
      const before = await countEvents();
      const retry = await store.appendToStream(id, batch, 'no_stream');
      expect(retry).toEqual({ ...first, written: false });
      const retryAny = await store.appendToStream(id, batch, 'any');
      expect(retryAny.transactionId).toBe(first.transactionId);
      expect(await countEvents()).toBe(before);
    });

    it('a retry with the exact revision it was first sent with succeeds after later appends', async () => {
      const id = stream();
      await store.appendToStream(id, events(2));
      const batch = events(2);
      const first = await store.appendToStream(id, batch, 1n);
      await store.appendToStream(id, events(1), 3n);
      const retry = await store.appendToStream(id, batch, 1n);
      expect(retry.transactionId).toBe(first.transactionId);
      expect((await store.readStream(id, { fromRevision: 2n, maxCount: 2 })).map((e) => e.transactionId)).toEqual([first.transactionId, first.transactionId]);
      expect(retry.nextExpectedRevision).toBe(3n);
      expect(retry.written).toBe(false);
    });

    it('refuses a stored id with different content, and writes nothing', async () => {
      const id = stream();
      const original = event({ a: 1 });
      await store.appendToStream(id, [original]);
      const before = await countEvents();
      const error = await store.appendToStream(id, [{ ...original, data: { a: 2 } }]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventIdConflictError);
      expect(error).toMatchObject({ eventId: original.id });
      expect((error as Error).message).toMatch(/different content/);
      expect(await countEvents()).toBe(before);
    });

    it('refuses a stored id mixed with new events, before or after them', async () => {
      const id = stream();
      const original = event();
      await store.appendToStream(id, [original]);
      const mixed = await store.appendToStream(id, [original, event()]).catch((e: unknown) => e);
      expect(mixed).toBeInstanceOf(EventIdConflictError);
      const storedLater = await store.appendToStream(id, [event(), original]).catch((e: unknown) => e);
      expect(storedLater).toBeInstanceOf(EventIdConflictError);
      expect(storedLater).toMatchObject({ eventId: original.id });
      expect((await store.readStream(id)).length).toBe(1);
    });

    it('refuses a retry placed where its expected revision does not put it', async () => {
      const id = stream();
      const batch = events(1);
      await store.appendToStream(id, events(1));
      await store.appendToStream(id, batch, 0n);
      const error = await store.appendToStream(id, batch, 'no_stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventIdConflictError);
    });
  });

  describe('concurrency', () => {
    it('8 appenders expecting the same revision: exactly one wins each round, the others conflict', async () => {
      const id = stream();
      const winners: string[] = [];
      for (let round = 0; round < 20; round++) {
        const expected: ExpectedRevision = round === 0 ? 'no_stream' : BigInt(round - 1);
        const attempts = Array.from({ length: 8 }, () => event({ round }));
        const results = await Promise.allSettled(attempts.map((e) => store.appendToStream(id, [e], expected)));
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [attempts[i]!.id] : []));
        const lost = results.filter((r) => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(7);
        for (const r of lost) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        winners.push(won[0]!);
      }
      const stored = await store.readStream(id);
      expect(stored.map((e) => e.id)).toEqual(winners);
      expect(stored.map((e) => e.revision)).toEqual(winners.map((_, i) => BigInt(i)));
    });

    it('8 appenders with expected any: no event lost or duplicated, revisions contiguous', async () => {
      const id = stream();
      const sent = Array.from({ length: 8 }, () => events(25));
      await Promise.all(sent.map(async (batch) => {
        for (const e of batch) await store.appendToStream(id, [e], 'any');
      }));
      const stored = await store.readStream(id);
      expect(stored).toHaveLength(200);
      expect(new Set(stored.map((e) => e.id))).toEqual(new Set(sent.flat().map((e) => e.id)));
      expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => BigInt(i)));
    });

    it('the same new event sent twice at once is stored once', async () => {
      const id = stream();
      const e = event();
      const [a, b] = await Promise.all([store.appendToStream(id, [e]), store.appendToStream(id, [e])]);
      expect(a.transactionId).toBe(b.transactionId);
      expect((await store.readStream(id))[0]!.transactionId).toBe(a.transactionId);
      expect([a.written, b.written].sort()).toEqual([false, true]);
      expect(await store.readStream(id)).toHaveLength(1);
    });
  });

  describe('multi-stream append', () => {
    it('writes several streams together, and a retry of the whole writes nothing', async () => {
      const [s1, s2] = [stream(), stream()];
      const appends = [{ streamId: s1, events: events(2), expected: 'no_stream' as const }, { streamId: s2, events: events(1), expected: 'no_stream' as const }];
      const results = await store.appendToStreams(appends);
      expect(results.map((r) => r.nextExpectedRevision)).toEqual([1n, 0n]);
      const before = await countEvents();
      const retry = await store.appendToStreams(appends);
      // One transaction for every stream, which each stream answers, and the retry answers it again.
      expect(new Set(results.map((r) => r.transactionId))).toEqual(new Set([results[0]!.transactionId]));
      const written = [...(await store.readStream(s1)), ...(await store.readStream(s2))];
      expect(written.map((e) => e.transactionId)).toEqual(written.map(() => results[0]!.transactionId));
      expect(retry.map((r) => r.transactionId)).toEqual(results.map((r) => r.transactionId));
      expect(retry.every((r) => !r.written)).toBe(true);
      expect(await countEvents()).toBe(before);
    });

    it('writes nothing when one stream is not at its expected revision', async () => {
      const [s1, s2] = [stream(), stream()];
      await store.appendToStream(s2, [event()]);
      const before = await countEvents();
      const error = await store
        .appendToStreams([{ streamId: s1, events: [event()], expected: 'no_stream' }, { streamId: s2, events: [event()], expected: 'no_stream' }])
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ streamId: s2, expected: 'no_stream', actual: 0n });
      expect(await countEvents()).toBe(before);
      expect(await store.readStream(s1)).toEqual([]);
    });

    it('names the stream of a bad input, and refuses a stream named twice', async () => {
      const s1 = stream();
      await expect(store.appendToStreams([{ streamId: s1, events: [event()] }, { streamId: '', events: [event()] }])).rejects.toMatchObject({
        field: 'appends[1].streamId',
      });
      await expect(store.appendToStreams([{ streamId: s1, events: [event()] }, { streamId: s1, events: [event()] }])).rejects.toMatchObject({
        field: 'appends',
      });
      expect(await store.readStream(s1)).toEqual([]);
    });
  });

  describe('reading', () => {
    it('reads a stream forwards and backwards, from a revision, with a limit', async () => {
      const id = stream();
      await store.appendToStream(id, events(10));
      const rev = (list: { revision: bigint }[]) => list.map((e) => Number(e.revision));
      expect(rev(await store.readStream(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(rev(await store.readStream(id, { fromRevision: 7n }))).toEqual([7, 8, 9]);
      expect(rev(await store.readStream(id, { fromRevision: 2n, maxCount: 3 }))).toEqual([2, 3, 4]);
      expect(rev(await store.readStream(id, { direction: 'backwards', maxCount: 3 }))).toEqual([9, 8, 7]);
      expect(rev(await store.readStream(id, { direction: 'backwards', fromRevision: 1n }))).toEqual([1, 0]);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('keeps data, metadata, type and schema version exactly', async () => {
      const id = stream();
      const e: EventToAppend = {
        id: randomUUID(),
        type: 'RecordsLinked',
        schemaVersion: 3,
        data: { 名前: '髙橋', nested: { list: [1, 2.5, null, true, 'x'] }, big: 9007199254740991 },
        metadata: { sender: 'org-1', correlationId: 'c-1' },
      };
      await store.appendToStream(id, [e]);
      const [stored] = await store.readStream(id);
      expect(stored).toMatchObject({ id: e.id, type: e.type, schemaVersion: 3, data: e.data, metadata: e.metadata, streamId: id });
      expect(stored!.recordedAt).toBeInstanceOf(Date);
    });

    it('readAll returns the log in order after a checkpoint', async () => {
      const all = await store.readAll();
      const keys = all.map((e) => [e.transactionId, e.globalPosition] as const);
      const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? Number(a[1] - b[1]) : Number(a[0] - b[0])));
      expect(keys).toEqual(sorted);
      const middle = all[Math.floor(all.length / 2)]!;
      const after = await store.readAll({ after: { transactionId: middle.transactionId, globalPosition: middle.globalPosition }, maxCount: 5 });
      expect(after.map((e) => e.id)).toEqual(all.slice(Math.floor(all.length / 2) + 1).slice(0, 5).map((e) => e.id));
    });

    it('keeps stream metadata with its own revision, as KurrentDB does', async () => {
      const id = stream();
      expect(await store.getStreamMetadata(id)).toEqual({ streamId: id, metadata: null, metadataRevision: 'no_stream' });
      await store.setStreamMetadata(id, { retention: 'statutory', owner: 'org-1' }, 'no_stream');
      await store.setStreamMetadata(id, { retention: 'statutory', owner: 'org-2' }, 0n);
      expect(await store.getStreamMetadata(id)).toEqual({ streamId: id, metadata: { retention: 'statutory', owner: 'org-2' }, metadataRevision: 1n });
      await expect(store.setStreamMetadata(id, { x: 1 }, 0n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    });
  });

  describe('subscriptions', () => {
    it('catches up over 10,000 events, goes live, and resumes from its checkpoint with no gap or repeat', async () => {
      const id = stream();
      const before = await store.readAll();
      const offset = before.length;
      for (let i = 0; i < 100; i++) await store.appendToStream(id, events(100));
      const first = new CollectingSubscriber(store, undefined, 500);
      await first.waitFor(offset + 10_000);
      const live = event({ live: true });
      await store.appendToStream(id, [live]);
      await first.waitFor(offset + 10_001);
      expect(first.received.at(-1)!.id).toBe(live.id);
      await first.stop();

      const cut = offset + 4_321;
      const resumeAfter = first.received[cut - 1]!;
      await store.appendToStream(id, events(5));
      const second = new CollectingSubscriber(store, { transactionId: resumeAfter.transactionId, globalPosition: resumeAfter.globalPosition });
      await second.waitFor(offset + 10_006 - cut);
      // Nothing repeated after them: an event appended now is the next one delivered.
      const last = event({ last: true });
      await store.appendToStream(id, [last]);
      const total = offset + 10_007;
      await second.waitFor(total - cut);
      await second.stop();
      expect(second.received.at(-1)!.id).toBe(last.id);
      const ids = [...first.received.slice(0, cut), ...second.received].map((e) => e.id);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      const log = [...(await store.readAll({ maxCount: 10_000 }))];
      while (log.length < total) log.push(...(await store.readAll({ after: { transactionId: log.at(-1)!.transactionId, globalPosition: log.at(-1)!.globalPosition } })));
      expect(ids).toEqual(log.map((e) => e.id));
    });
  });

  describe('one event, every way of reading it', () => {
    it('reads the same by readStream, readAll, readEvents and a subscription, to the recorded time (the journal hashes it)', async () => {
      const id = stream();
      const e = event({ same: true });
      await store.appendToStream(id, [e]);
      const [byStream] = await store.readStream(id);
      const at = { transactionId: byStream!.transactionId, globalPosition: byStream!.globalPosition };
      const before: StoredEvent[] = [];
      for (let page = await store.readAll(); page.length > 0; ) {
        before.push(...page.filter((x) => x.id === e.id));
        const last = page.at(-1)!;
        page = await store.readAll({ after: { transactionId: last.transactionId, globalPosition: last.globalPosition } });
      }
      const [byId] = await store.readEvents([e.id]);
      const subscriber = new CollectingSubscriber(store);
      await subscriber.waitFor(await store.countEvents());
      await subscriber.stop();
      const delivered = subscriber.received.find((x) => x.id === e.id);
      expect(before).toEqual([byStream]);
      expect(byId).toEqual(byStream);
      expect(delivered).toEqual(byStream);
      expect({ transactionId: delivered!.transactionId, globalPosition: delivered!.globalPosition }).toEqual(at);
    });
  });

  describe('bad input', () => {
    const valid = () => event();
    it.each<[string, () => Parameters<EventStore['appendToStream']>, string, RegExp]>([
      ['an empty stream id', () => ['', [valid()]], 'streamId', /must not be empty/],
      ['an over-long stream id', () => ['s'.repeat(LIMITS.streamIdMaxLength + 1), [valid()]], 'streamId', /at most 256/],
      ['a stream id with a control character', () => ['a\nb', [valid()]], 'streamId', /control/],
      ['a system stream id', () => ['$$x', [valid()]], 'streamId', /reserved/],
      ['no events', () => [stream(), []], 'events', /at least one/],
      ['an event type that is not a name', () => [stream(), [{ ...valid(), type: 'no spaces allowed!' }]], 'events[0].type', /not an event type name/],
      ['an empty event type', () => [stream(), [{ ...valid(), type: '' }]], 'events[0].type', /non-empty/],
      ['an id that is not a UUID', () => [stream(), [{ ...valid(), id: 'abc' }]], 'events[0].id', /UUID/],
      ['a repeated id', () => { const e = valid(); return [stream(), [e, { ...e }]]; }, 'events[1].id', /repeats/],
      ['data that is an array', () => [stream(), [{ ...valid(), data: [] as never }]], 'events[0].data', /JSON object/],
      ['data that is a string', () => [stream(), [{ ...valid(), data: 'x' as never }]], 'events[0].data', /JSON object/],
      ['data that is null', () => [stream(), [{ ...valid(), data: null as never }]], 'events[0].data', /JSON object/],
      ['data holding a non-JSON number', () => [stream(), [{ ...valid(), data: { n: Number.NaN } }]], 'events[0].data.n', /not a JSON number/],
      ['data holding a Date', () => [stream(), [{ ...valid(), data: { d: new Date() as never } }]], 'events[0].data.d', /not a JSON value/],
      ['a schema version of 0', () => [stream(), [{ ...valid(), schemaVersion: 0 }]], 'events[0].schemaVersion', /integer ≥ 1/],
      ['metadata that is not an object', () => [stream(), [{ ...valid(), metadata: 5 as never }]], 'events[0].metadata', /JSON object/],
      ['a payload over the size limit', () => [stream(), [{ ...valid(), data: { blob: 'x'.repeat(LIMITS.eventMaxBytes) } }]], 'events[0]', /over the limit/],
      ['a negative expected revision', () => [stream(), [valid()], -1n], 'expectedRevision', /integer ≥ 0/],
      ['an unknown expected revision', () => [stream(), [valid()], 'latest' as never], 'expectedRevision', /"any", "no_stream"/],
      ['a fractional expected revision', () => [stream(), [valid()], 1.5 as never], 'expectedRevision', /integer ≥ 0/],
    ])('refuses %s, naming the field, and writes nothing', async (_, args, field, reason) => {
      const before = await countEvents();
      const error = await store.appendToStream(...args()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect(error).toMatchObject({ field });
      expect((error as Error).message).toMatch(reason);
      expect(await countEvents()).toBe(before);
    });
  });
  describe('reads for status, proofs and reports', () => {
    it('reads events by id in log order, leaving out ids not stored', async () => {
      const [a, b] = [stream(), stream()];
      await store.appendToStream(a, events(2));
      await store.appendToStream(b, events(1));
      const [first, second] = await store.readStream(a);
      const [third] = await store.readStream(b);
      const found = await store.readEvents([third!.id, randomUUID(), first!.id, second!.id, first!.id]);
      expect(found.map((e) => e.id)).toEqual([first!.id, second!.id, third!.id]);
      expect(found[0]).toEqual(first);
      expect(await store.readEvents([])).toEqual([]);
    });

    it('refuses an id that is no UUID, naming it', async () => {
      await expect(store.readEvents([randomUUID(), 'abc'])).rejects.toMatchObject({ field: 'eventIds[1]' });
    });

    it("tells a reader whether it has read an append, from the transaction the append answered (read-your-writes)", async () => {
      const [s1, s2] = [stream(), stream()];
      const [result] = await store.appendToStreams([{ streamId: s1, events: events(2) }, { streamId: s2, events: events(1) }]);
      await store.appendToStream(stream(), events(1));
      const written = await store.readEvents([...(await store.readStream(s1)), ...(await store.readStream(s2))].map((e) => e.id));
      const at = (e: StoredEvent) => ({ transactionId: e.transactionId, globalPosition: e.globalPosition });
      // The checkpoints below are made from reads by id; a reader of the log reaches them only once the append is
      // readable there, which on a shared PostgreSQL server another database's open transaction can hold back.
      for (const deadline = Date.now() + 30_000; (await store.readAll({ after: at(written[1]!), maxCount: 1 })).length === 0; ) {
        if (Date.now() > deadline) throw new Error('the append never became readable in the log');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await hasReadTransaction(store, LOG_START, result!.transactionId)).toBe(false);
      expect(await hasReadTransaction(store, at(written[0]!), result!.transactionId)).toBe(false);
      expect(await hasReadTransaction(store, at(written[1]!), result!.transactionId)).toBe(false);
      expect(await hasReadTransaction(store, at(written[2]!), result!.transactionId)).toBe(true);
      const [later] = await store.readAll({ after: at(written[2]!), maxCount: 1 });
      expect(await hasReadTransaction(store, at(later!), result!.transactionId)).toBe(true);
    });

    it('tells the last position and transaction and counts the log after a checkpoint, exactly up to a bound', async () => {
      const id = stream();
      const appended = await store.appendToStream(id, events(5));
      const written = await store.readStream(id);
      expect(await store.lastPosition()).toBe(written.at(-1)!.globalPosition);
      expect(await store.lastTransaction()).toBe(appended.transactionId);
      expect(await hasReadTransaction(store, { transactionId: written.at(-1)!.transactionId, globalPosition: written.at(-1)!.globalPosition }, await store.lastTransaction())).toBe(true);
      const [, second] = written;
      const after = { transactionId: second!.transactionId, globalPosition: second!.globalPosition };
      expect(await store.countEvents({ after })).toBe(3);
      expect(await store.countEvents({ after, upTo: 2 })).toBe(2);
      expect(await store.countEvents({ after, upTo: 10 })).toBe(3);
      expect(await store.countEvents()).toBeGreaterThanOrEqual(5);
    });
  });
});
}
