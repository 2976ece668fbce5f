import { randomUUID } from 'node:crypto';
import type { Database } from '#database';
import type { EventToAppend } from '#event-store';
import { failClosedGuard, isFailClosedRefusal, setHeadAgeLimit } from '#journal';
import { openKurrentDb, type OpenedKurrentDb } from '../support/event-store-targets.js';
import { openTestDatabase } from '../support/test-database.js';

const event = (): EventToAppend => ({ id: randomUUID(), type: 'SomethingHappened', schemaVersion: 1, data: {} });

/** KurrentDB has no trigger: the journal's fail-closed policy (kept in PostgreSQL) is the adapter's beforeAppend guard. */
describe('fail-closed on KurrentDB', () => {
  let db: Database;
  let kurrent: OpenedKurrentDb;

  beforeAll(async () => {
    db = await openTestDatabase();
    kurrent = await openKurrentDb({ beforeAppend: failClosedGuard(db.pool) });
  });
  afterAll(async () => {
    await kurrent.close();
    await db.close();
  });

  it('refuses new events while the newest signed head is missing or too old, as the trigger does, and accepts them once lifted', async () => {
    const streamId = `test-${randomUUID()}`;
    await kurrent.store.appendToStream(streamId, [event()]);
    await setHeadAgeLimit(db.pool, 30);
    const before = await kurrent.store.countEvents();
    const refused = await kurrent.store.appendToStream(streamId, [event()]).catch((e: unknown) => e);
    expect(isFailClosedRefusal(refused)).toBe(true);
    expect(refused).toMatchObject({ code: 'HM002', message: expect.stringContaining('signed head is missing') });
    await expect(kurrent.store.appendToStreams([{ streamId, events: [event()] }, { streamId: `test-${randomUUID()}`, events: [event()] }])).rejects.toMatchObject({
      code: 'HM002',
    });
    expect(await kurrent.store.countEvents()).toBe(before);
    await setHeadAgeLimit(db.pool, null);
    await expect(kurrent.store.appendToStream(streamId, [event()])).resolves.toMatchObject({ written: true });
    expect(await kurrent.store.countEvents()).toBe(before + 1);
  });
});
