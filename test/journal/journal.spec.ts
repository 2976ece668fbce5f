import { HeadSigner, SealerThread, SignedHeads, journalLeaf, journalProjection, leafHash, setHeadAgeLimit, verifyJournal, verifyProofDocument } from '#journal';
import { LogInsider } from '#event-store-postgres/testing';
import { ProjectionRunner } from '#projections';
import { backendName } from '../support/test-database.js';
import { SEALED_LEAVES, TAMPER_KINDS, logOrder, openJournalFixture, recomputedRoot, rewriteLeaf, sealedAll, sealedCount, tamper, type LogOrder } from './journal-support.js';


describe(`the tamper-evident journal on ${backendName}`, () => {
  it('seals every event in the log\'s order; inclusion and consistency proofs verify offline under the signed heads', async () => {
    const f = await openJournalFixture();
    try {
      await f.sealAndSign();
      const empty = await f.proofs.head();
      expect(empty!.head.treeSize).toBe(0);
      await f.appendSubjects(0, 30, 10);
      await f.sealAndSign();
      const first = (await f.proofs.head())!;
      const recomputed = await recomputedRoot(f.store, f.db);
      expect(first.head.treeSize).toBe(recomputed.size);
      expect(first.head.rootHash).toBe(recomputed.root.toString('hex'));
      expect(verifyProofDocument(first, f.publicKey).valid).toBe(true);

      const order = await logOrder(f.db);
      for (const index of [0, 1, 109, 110, order.length - 1]) {
        const proof = await f.proofs.inclusion(order[index]!.event_id);
        expect(proof.leafIndex).toBe(index);
        expect(JSON.parse(proof.leaf).eventId).toBe(order[index]!.event_id);
        const verdict = verifyProofDocument(JSON.parse(JSON.stringify(proof)), f.publicKey);
        expect(verdict).toMatchObject({ kind: 'inclusion', valid: true });
        // The same proof with another event's leaf, or under a head it was not signed with, fails.
        expect(verifyProofDocument({ ...proof, leaf: proof.leaf.replace(/"schemaVersion": ?1/, '"schemaVersion": 2') }, f.publicKey).valid).toBe(false);
        expect(verifyProofDocument({ ...proof, head: { ...proof.head, treeSize: proof.head.treeSize + 1 } }, f.publicKey).valid).toBe(false);
      }

      await f.appendSubjects(30, 40, 10);
      await f.sealAndSign();
      const consistency = await f.proofs.consistency(first.head.treeSize, order.length + 110);
      expect(consistency.fromHead).toEqual(first.head);
      expect(consistency.toHead!.treeSize).toBe(order.length + 110);
      expect(verifyProofDocument(consistency, f.publicKey)).toMatchObject({ valid: true });
      expect(verifyProofDocument({ ...consistency, fromRoot: consistency.toRoot }, f.publicKey).valid).toBe(false);
      // Sizes that no head was signed at are still proven, and said to be unsigned.
      const unsigned = verifyProofDocument(await f.proofs.consistency(7, 300), f.publicKey);
      expect(unsigned.valid).toBe(true);
      expect(unsigned.checks.map((c) => c.check)).toContain("fromHead: no head was signed at size 7; its root is the server's word");

      await expect(f.proofs.consistency(10, 100_000)).rejects.toThrow(`toSize: 100000 exceeds the ${order.length + 110} events sealed so far`);
      await expect(f.proofs.consistency(11, 10)).rejects.toThrow('fromSize: must not exceed toSize (10)');
      await expect(f.proofs.inclusion('00000000-0000-4000-8000-000000000000')).rejects.toThrow('is not sealed in the journal yet');

      const report = await verifyJournal(f.db.pool, f.store, f.publicKey);
      expect(report).toMatchObject({ valid: true, events: order.length + 110, sealedLeaves: order.length + 110, headsChecked: 3, firstDiscrepancy: null, headProblems: [] });
    } finally {
      await f.close();
    }
  });

  it('a sealer stopped mid-run restarts from its checkpoint: every event sealed once, the same tree', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 20, 5);
      await sealedAll(f.db, () => f.sealer.catchUp());
      await f.appendSubjects(20, 300, 5);
      // A live sealer, stopped as soon as it has sealed some of the new events but (batches of 5,000) not all.
      const live = new ProjectionRunner(f.db.pool, f.store, [journalProjection], 500);
      live.start();
      while ((await sealedCount(f.db)) <= 220) await new Promise((r) => setTimeout(r, 5));
      await live.stop();
      const atStop = await sealedCount(f.db);
      expect(atStop).toBeLessThan(300 * 11);
      await f.appendSubjects(300, 320, 5);
      const restarted = new ProjectionRunner(f.db.pool, f.store, [journalProjection]);
      await sealedAll(f.db, () => restarted.catchUp());

      const total = 320 * 11;
      const { rows } = await f.db.pool.query(`SELECT count(*) AS n, count(DISTINCT event_id) AS d, max(leaf_index) AS last FROM ${SEALED_LEAVES}`);
      expect(rows[0]).toEqual({ n: String(total), d: String(total), last: String(total - 1) });
      const checkpoint = await f.db.pool.query(`SELECT events_processed FROM projections.checkpoints WHERE projection = 'journal'`);
      expect(checkpoint.rows[0].events_processed).toBe(String(total));
      await f.signer.signIfDue();
      expect((await f.proofs.head())!.head.rootHash).toBe((await recomputedRoot(f.store, f.db)).root.toString('hex'));
      expect((await verifyJournal(f.db.pool, f.store, f.publicKey)).valid).toBe(true);
    } finally {
      await f.close();
    }
  });

  // The live sealer of a server on PostgreSQL runs on its own thread, with its own connections.
  (backendName === 'PostgreSQL' ? it : it.skip)('seals live on a thread of its own, and after a stop restarts from its checkpoint', async () => {
    const f = await openJournalFixture();
    const thread = new SealerThread(f.db.url);
    try {
      thread.start();
      await f.appendSubjects(0, 50, 5);
      const sealed = async (n: number) => {
        const deadline = Date.now() + 30_000;
        while ((await sealedCount(f.db)) < n) {
          if (Date.now() > deadline) throw new Error(`the sealer thread did not seal ${n} events in time`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await sealed(50 * 11);
      await thread.stop();
      await f.appendSubjects(50, 80, 5);
      // stop() resolves once the thread has exited, and a stopped thread does not restart: nothing seals these.
      expect(await sealedCount(f.db)).toBe(50 * 11);
      thread.start();
      await sealed(80 * 11);
      await thread.stop();
      const { rows } = await f.db.pool.query(`SELECT count(*) AS n, count(DISTINCT event_id) AS d, max(leaf_index) AS last FROM ${SEALED_LEAVES}`);
      expect(rows[0]).toEqual({ n: String(80 * 11), d: String(80 * 11), last: String(80 * 11 - 1) });
      await f.signer.signIfDue();
      expect((await f.proofs.head())!.head.rootHash).toBe((await recomputedRoot(f.store, f.db)).root.toString('hex'));
    } finally {
      await thread.stop();
      await f.close();
    }
  });

  const ROOT_DIFFERS = /signed head of size 330 .*: its root differs from the tree recomputed from the events/;
  const EXPECTED: { reason: RegExp; head: RegExp }[] = [
    { reason: /content was changed|differs from the commitment/, head: ROOT_DIFFERS },
    { reason: /removed, inserted or moved/, head: /signed head of size 330 .*: covers more events than the log holds \(329\)/ },
    { reason: /removed, inserted or moved/, head: /signed head of size 330 .*: its root differs from the tree recomputed from the events \(a change among leaves 0–329\)/ },
    { reason: /removed, inserted or moved/, head: ROOT_DIFFERS },
  ];
  const TAMPERING = TAMPER_KINDS.map(([name, change], i) => [name, (o: LogOrder) => ({ ...change(o), ...EXPECTED[i]! })] as const);

  it.each(TAMPERING)('detects %s, at the right place, past the immutability guard', async (_, change) => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 30, 10);
      await f.sealAndSign();
      const order = await logOrder(f.db);
      const { rewrite, at, eventOf, reason, head } = change(order);
      await rewrite(new LogInsider(f.db.pool));
      const report = await verifyJournal(f.db.pool, f.store, f.publicKey);
      expect(report.valid).toBe(false);
      expect(report.firstDiscrepancy).toMatchObject({ leafIndex: at, reason: expect.stringMatching(reason) });
      if (eventOf !== null) expect(report.firstDiscrepancy!.eventId).toBe(order[eventOf]!.event_id);
      expect(report.headProblems).toEqual([expect.stringMatching(head)]);
    } finally {
      await f.close();
    }
  });

  it('detects a signed head altered, and a leaf rewritten together with its event', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 20, 10);
      await f.sealAndSign();
      await tamper(f.db, `UPDATE journal.signed_heads SET signed_at = signed_at + interval '1 second'`);
      let report = await verifyJournal(f.db.pool, f.store, f.publicKey);
      expect(report.firstDiscrepancy).toBeNull();
      expect(report.headProblems).toEqual([expect.stringMatching(/signed head of size 220 .*: the signature does not verify/)]);

      // An insider who rewrites an event and its sealed leaf alike is still caught by the signed head.
      const f2 = await openJournalFixture();
      try {
        await f2.appendSubjects(0, 20, 10);
        await f2.sealAndSign();
        const order = await logOrder(f2.db);
        await new LogInsider(f2.db.pool).replaceMetadata(order[5]!.global_position, { sender: 'forged' });
        const [forged] = await f2.store.readAll({ after: { transactionId: BigInt(order[5]!.transaction_id), globalPosition: BigInt(order[5]!.global_position) - 1n }, maxCount: 1 });
        // The event and its leaf rewritten as a v1 leaf: the commitment made at commit still names the change.
        await tamper(f2.db, rewriteLeaf(5, { hash: `'\\x${leafHash(journalLeaf(forged!)).toString('hex')}'::bytea` }));
        report = await verifyJournal(f2.db.pool, f2.store, f2.publicKey);
        expect(report.firstDiscrepancy).toMatchObject({ leafIndex: 5, reason: expect.stringMatching(/differs from the commitment made when it was appended/) });
        // The event, its commitment and its leaf rewritten alike: the signed head still catches it.
        await new LogInsider(f2.db.pool).recommit([forged!.id]);
        const commitment = (await new LogInsider(f2.db.pool).storedEvents({ eventIds: [forged!.id] }))[0]!.commitment!.toString('hex');
        await tamper(f2.db, rewriteLeaf(5, { hash: `sha256('\\x00${commitment}'::bytea)`, entry: `'\\x${commitment}'::bytea` }));
        report = await verifyJournal(f2.db.pool, f2.store, f2.publicKey);
        expect(report.firstDiscrepancy).toBeNull();
        expect(report.headProblems).toEqual([expect.stringMatching(/size 220 .*root differs .*leaves 0–219/)]);
        // And the signer refuses to sign over a tree that no longer extends what it signed.
        // (Leaves 216–219 are rehashed for the root of 220, not stored as a subtree.)
        await tamper(f2.db, rewriteLeaf(217, { hash: `'\\x${'00'.repeat(32)}'::bytea` }));
        await f2.appendSubjects(20, 21);
        await f2.sealer.catchUp();
        await expect(f2.signer.signIfDue()).rejects.toThrow('the sealed tree no longer has the root signed at size 220: not signing');
      } finally {
        await f2.close();
      }
    } finally {
      await f.close();
    }
  });

  it('fail-closed: refuses new events while the newest signed head is too old, accepts them when fresh', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 1);
      await setHeadAgeLimit(f.db.pool, 30);
      const log = new LogInsider(f.db.pool);
      const before = await log.count();
      const streams = await log.streamCount();
      // No head at all, then only a head signed a minute ago: refused, nothing written.
      await expect(f.appendSubjects(1, 2)).rejects.toMatchObject({ code: 'HM002', message: expect.stringContaining('signed head is missing') });
      const minuteAgo = new HeadSigner(f.db.pool, f.key, { heartbeatMs: 0, now: () => new Date(Date.now() - 60_000) });
      // Sealed to the end (on a shared server, a transaction elsewhere can hold the newest events back a while).
      await sealedAll(f.db, () => f.sealer.catchUp());
      await minuteAgo.signIfDue();
      await expect(f.appendSubjects(1, 2)).rejects.toMatchObject({ code: 'HM002', message: expect.stringMatching(/fail-closed.*old, older than the limit of 00:00:30/) });
      expect(await log.count()).toBe(before);
      expect(await log.streamCount()).toBe(streams);
      // A fresh head: accepted.
      await f.signer.signIfDue();
      await f.appendSubjects(1, 2);
      expect(await log.count()).toBe(before + 11);
      // Lifted: accepted whatever the heads.
      await setHeadAgeLimit(f.db.pool, null);
      expect((await new SignedHeads(f.db.pool).latest())!.treeSize).toBe(11);
      await expect(setHeadAgeLimit(f.db.pool, -1)).rejects.toThrow('the head age limit must be a number of seconds > 0, got -1');
    } finally {
      await f.close();
    }
  });
});
