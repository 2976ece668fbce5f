import { verifyJournal, verifyProofDocument } from '#journal';
import { EVENTS_PER_SUBJECT } from '#synthetic-population';
import { backendName } from '../support/test-database.js';
import { logOrder, openJournalFixture, recomputedRoot } from './journal-support.js';

const SUBJECTS = Math.ceil(100_000 / EVENTS_PER_SUBJECT);

describe(`the journal over 100,000 events on ${backendName}`, () => {
  it('proves inclusion anywhere and consistency between any sizes, and verifies whole', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, Math.floor(SUBJECTS / 2));
      await f.sealAndSign();
      const half = (await f.proofs.head())!.head;
      await f.appendSubjects(Math.floor(SUBJECTS / 2), SUBJECTS);
      await f.sealAndSign();
      const head = (await f.proofs.head())!.head;
      const total = SUBJECTS * EVENTS_PER_SUBJECT;
      expect(head.treeSize).toBe(total);
      expect(head.rootHash).toBe((await recomputedRoot(f.store, f.db)).root.toString('hex'));

      const order = await logOrder(f.db);
      const indexes = [0, 1, 15, 16, 65_535, 65_536, half.treeSize - 1, half.treeSize, total - 2, total - 1, ...Array.from({ length: 20 }, (_, i) => Math.floor(((i + 0.5) * total) / 20))];
      for (const index of indexes) {
        const proof = await f.proofs.inclusion(order[index]!.event_id);
        expect(proof.leafIndex).toBe(index);
        expect(verifyProofDocument(proof, f.publicKey).valid).toBe(true);
      }
      // Under the earlier head too, for an event it covers.
      expect(verifyProofDocument(await f.proofs.inclusion(order[1234]!.event_id, half.treeSize), f.publicKey).valid).toBe(true);

      for (const [from, to] of [[half.treeSize, total], [1, total], [65_536, 65_537], [99_999, total], [0, total], [total, total], [777, half.treeSize]] as const) {
        const verdict = verifyProofDocument(await f.proofs.consistency(from, to), f.publicKey);
        expect({ from, to, valid: verdict.valid }).toEqual({ from, to, valid: true });
      }
      expect(await verifyJournal(f.db.pool, f.store, f.publicKey)).toMatchObject({ valid: true, events: total, headsChecked: 2 });
    } finally {
      await f.close();
    }
  }, 600_000);
});
