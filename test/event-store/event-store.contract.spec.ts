import { EventIdConflictError } from '#event-store';
import type { PostgresEventStore } from '#event-store-postgres';
import { LogInsider } from '#event-store-postgres/testing';
import type { Database } from '#database';
import { sqlTarget } from '../support/event-store-targets.js';
import { CollectingSubscriber } from '../support/subscriber.js';
import { event, eventStoreContract, stream } from './event-store.contract.js';

eventStoreContract(sqlTarget);

/** What the SQL store promises besides the port's contract: its log is a table that SQL must not change. */
describe(`event store on ${sqlTarget.name}, beyond the contract`, () => {
  let db: Database;
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, store, close } = await sqlTarget.openWithDatabase());
  });
  afterAll(async () => {
    await close();
  });

  const countEvents = () => store.countEvents();

  it('refuses a stored id sent to another stream (ids are unique across the log)', async () => {
    const id = stream();
    const original = event();
    await store.appendToStream(id, [original]);
    const elsewhere = await store.appendToStream(stream(), [original]).catch((e: unknown) => e);
    expect(elsewhere).toBeInstanceOf(EventIdConflictError);
    expect((elsewhere as Error).message).toContain(id);
  });

  describe('subscriptions', () => {
    it('never moves past an event whose transaction is still open, and delivers both events once', async () => {
      const startStream = stream();
      await store.appendToStream(startStream, [event()]);
      const [start] = await store.readStream(startStream);
      const subscriber = new CollectingSubscriber(store);
      await subscriber.waitFor(await countEvents());
      const seen = subscriber.received.length;
      expect(subscriber.received.at(-1)!.globalPosition).toBe(start!.globalPosition);

      // Transaction A takes position p and stays open.
      const a = event({ tx: 'A' });
      const b = event({ tx: 'B' });
      const clientA = await db.pool.connect();
      const appendA = await new LogInsider(db.pool).openAppend(clientA, stream(), [{ ...a, metadata: {} }]);
      const p = appendA.positions[0]!;
      // Transaction B takes p+1 and commits first. PGlite runs one transaction at a time, so there B waits for A.
      const streamB = stream();
      const appendB = store.appendToStream(streamB, [b]);
      if (db.backend === 'postgres') {
        await appendB;
        expect((await store.readStream(streamB))[0]!.globalPosition).toBeGreaterThan(p);
        // B is committed, A is not: the read a subscriber makes from where it stands holds B back.
        expect(await store.readAll({ after: subscriber.checkpoint })).toEqual([]);
      }
      expect(subscriber.received).toHaveLength(seen);

      await appendA.commit();
      clientA.release();
      await appendB;
      await subscriber.waitFor(seen + 2);
      // Nothing else comes after them: an event appended now is the next one delivered.
      const c = event({ tx: 'C' });
      await store.appendToStream(stream(), [c]);
      const received = await subscriber.waitFor(seen + 3);
      await subscriber.stop();
      expect(received.slice(seen).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    });

  });

  describe('immutability', () => {
    it.each([
      ['UPDATE', (log: LogInsider) => log.update()],
      ['DELETE', (log: LogInsider) => log.delete()],
      ['TRUNCATE', (log: LogInsider) => log.truncate()],
    ])('refuses %s of stored events', async (_, change) => {
      await store.appendToStream(stream(), [event()]);
      const before = await store.readAll();
      await expect(change(new LogInsider(db.pool))).rejects.toMatchObject({ code: 'HM001' });
      expect(await store.readAll()).toEqual(before);
    });
  });

});
