import { createPublicKey, type KeyObject } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { JOURNAL_KEY } from '#app';
import { EVENT_STORE, LOG_START, type EventStore } from '#event-store';
import { verifyJournal, type VerifyReport } from '#journal';
import { generatePopulation } from '#synthetic-population';
import { kurrentDbName, startKurrentDb } from '../support/event-store-targets.js';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { openTestRuntime } from '../support/test-runtime.js';
import { backendName } from '../support/test-database.js';

/** `himotoki verify`'s check, asked until the live sealer has sealed the whole log (bounded). */
async function verifiedWhenSealed(f: IngestionFixture, store: EventStore, key: KeyObject, events: number, timeoutMs = 60_000): Promise<VerifyReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await verifyJournal(f.database.pool, store, key);
    if (report.sealedLeaves >= events) return report;
    if (Date.now() > deadline) throw new Error(`the live sealer sealed ${report.sealedLeaves} of ${events} events`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`the journal of a log kept in ${kurrentDbName}, its hashes on ${backendName}`, () => {
  it('the live sealer seals what KurrentDB holds; verify finds it intact, then names the events of a stream someone deleted', async () => {
    const kurrent = await startKurrentDb();
    const f = await IngestionFixture.start({ ...(await openTestRuntime()), eventStore: { kind: 'kurrentdb', url: kurrent.url } });
    const client = KurrentDBClient.connectionString(kurrent.url);
    try {
      await f.importCommands(generatePopulation({ subjects: 15, seed: 'kurrentdb-journal' }).commands);
      const store = f.context.get<EventStore>(EVENT_STORE);
      const key = createPublicKey(f.context.get<KeyObject>(JOURNAL_KEY));
      const events = await store.countEvents();
      expect(events).toBeGreaterThan(50);

      const intact = await verifiedWhenSealed(f, store, key, events);
      expect(intact).toMatchObject({ valid: true, events, sealedLeaves: events, firstDiscrepancy: null });

      // An operator without the ACLs docs/event-stores.md asks for deletes a stream behind the adapter's back:
      // its events stay in the log until a scavenge removes them (a real server's scavenge is an admin's job).
      const server = kurrent.server;
      if (!server) return;
      const [first] = await store.readAll({ after: LOG_START, maxCount: 1 });
      await client.deleteStream(first!.streamId);
      expect((await verifyJournal(f.database.pool, store, key)).valid).toBe(true);
      expect(server.scavenge()).toBeGreaterThan(0);
      const tampered = await verifyJournal(f.database.pool, store, key);
      expect(tampered.valid).toBe(false);
      // Leaf 0 now meets the next event: the sealed one it names is the removed one.
      expect(tampered.firstDiscrepancy).toMatchObject({ leafIndex: 0 });
      expect(tampered.firstDiscrepancy!.reason).toContain(`the sealed event here was ${first!.id}`);
      expect(tampered.firstDiscrepancy!.reason).toMatch(/removed/);
    } finally {
      await client.dispose();
      await f.close();
      await kurrent.close();
    }
  }, 180_000);
});
