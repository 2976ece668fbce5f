import { createHash } from 'node:crypto';
import { JournalMonitor, PROOF_FORMAT, PROOF_FORMAT_V2, verifyJournal, verifyProofDocument } from '#journal';
import { packedCommitmentsOf, type StoredEvent } from '#event-store';
import { LogInsider } from '#event-store-postgres/testing';
import { subjectAppends } from '#synthetic-population';
import { backendName } from '../support/test-database.js';
import { FORGED_EVENT_ID, SEALED_LEAVES, TAMPER_KINDS, logOrder, openJournalFixture, recomputedRoot, sealedAll, type LogOrder } from './journal-support.js';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

describe(`the journal v2 (commitments at commit) on ${backendName}`, () => {
  it('commits every event in its own transaction; the sealer seals the commitments; an outsider recomputes a leaf from the opening served', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 20, 10);
      // No sealer has run: every event already has its commitment, each with its own salt.
      const stored = await new LogInsider(f.db.pool).storedEvents();
      expect(stored.filter((e) => e.commitment !== null)).toHaveLength(stored.length);
      expect(new Set(stored.filter((e) => e.commitment_salt !== null).map((e) => e.commitment_salt!.toString('hex'))).size).toBe(stored.length);
      await f.sealAndSign();
      const order = await logOrder(f.db);
      const commitmentOf = new Map(stored.map((e) => [e.event_id, e.commitment]));
      const sealed = await f.db.pool.query<{ hash: Buffer; entry: Buffer; event_id: string }>(`SELECT hash, entry, event_id FROM ${SEALED_LEAVES} ORDER BY leaf_index`);
      expect(sealed.rows.filter((r) => commitmentOf.has(r.event_id))).toHaveLength(order.length);
      for (const r of sealed.rows) {
        expect(r.hash).toEqual(sha256(Buffer.concat([Buffer.from([0]), commitmentOf.get(r.event_id)!])));
        expect(r.entry).toEqual(commitmentOf.get(r.event_id));
      }

      const index = 57;
      const proof = await f.proofs.inclusion(order[index]!.event_id);
      expect(proof.format).toBe(PROOF_FORMAT_V2);
      // The outsider's recipe: SHA-256 of the opening's bytes is the entry; SHA-256(0x00 ‖ entry) the leaf hash.
      expect(sha256(Buffer.from(proof.leaf, 'utf8')).toString('hex')).toBe(proof.entry);
      expect(sha256(Buffer.concat([Buffer.from([0]), Buffer.from(proof.entry!, 'hex')])).toString('hex')).toBe(proof.leafHash);
      const [event] = await f.store.readAll({ after: { transactionId: BigInt(order[index]!.transaction_id), globalPosition: BigInt(order[index]!.global_position) - 1n }, maxCount: 1 });
      const opening = JSON.parse(proof.leaf);
      expect(opening).toMatchObject({ eventId: event!.id, streamId: event!.streamId, streamRevision: event!.revision.toString(), globalPosition: event!.globalPosition.toString(), type: event!.type, schemaVersion: event!.schemaVersion });
      expect(opening.data).toEqual(event!.data);
      expect(opening.metadata).toEqual(event!.metadata);
      expect(new Date(opening.recordedAt).getTime()).toBe(event!.recordedAt.getTime());
      expect(opening.salt).toMatch(/^[0-9a-f]{64}$/);
      expect(verifyProofDocument(proof, f.publicKey)).toMatchObject({ valid: true });
      // A changed opening, or another entry, fails.
      expect(verifyProofDocument({ ...proof, leaf: proof.leaf.replace(/"schemaVersion": ?1/, '"schemaVersion": 2') }, f.publicKey).valid).toBe(false);
      expect(verifyProofDocument({ ...proof, entry: sha256('x').toString('hex') }, f.publicKey).valid).toBe(false);
    } finally {
      await f.close();
    }
  });

  it('extends a v1 journal: events stored without commitments keep v1 leaves, their v1 proofs keep verifying, and one tree spans both', async () => {
    const f = await openJournalFixture();
    try {
      // Events stored as before the commitments began (no trigger ran): the log of a v1 installation.
      const log = new LogInsider(f.db.pool);
      for (const append of subjectAppends(0, 5)) {
        await log.appendWithoutTriggers(append.streamId, 'no_stream', append.events.map((e) => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata ?? {} })));
      }
      expect((await log.storedEvents()).filter((e) => e.commitment !== null)).toHaveLength(0);
      await f.sealAndSign();
      const v1Head = (await f.proofs.head())!.head;
      await f.appendSubjects(5, 15, 5);
      // What the sealer reads: a v2 event as its id, place in the log and commitment (which stands for the rest), a v1 event whole.
      const whole = await f.store.readAll({ maxCount: 10_000 });
      const committedOnly = await f.store.readAll({ maxCount: 10_000, commitmentsOnly: true });
      expect(committedOnly.map((e) => e.id)).toEqual(whole.map((e) => e.id));
      expect(committedOnly.filter((e) => e.commitment === undefined)).toEqual(whole.filter((e) => e.commitment === undefined));
      expect(committedOnly.filter((e) => e.commitment !== undefined)).toEqual(
        whole
          .filter((e) => e.commitment !== undefined)
          .map((e) => ({ ...e, streamId: '', revision: 0n, type: '', schemaVersion: 0, data: {}, metadata: {}, recordedAt: new Date(0) })),
      );
      expect(committedOnly.filter((e) => e.commitment === undefined)).toHaveLength(5 * 11);
      // As the sealer reads it: the same events, as views of the batch's bytes, which come alongside.
      const views = await f.store.readAll({ maxCount: 10_000, commitmentsOnly: true, commitmentViews: true });
      const fieldsOf = (e: StoredEvent): StoredEvent => {
        const { id, streamId, revision, globalPosition, transactionId, type, schemaVersion, data, metadata, recordedAt, commitment } = e;
        return { id, streamId, revision, globalPosition, transactionId, type, schemaVersion, data, metadata, recordedAt, ...(commitment ? { commitment } : {}) };
      };
      expect(views.map(fieldsOf)).toEqual(committedOnly);
      const packed = packedCommitmentsOf(views)!;
      expect(packed.ids).toEqual(Buffer.concat(whole.map((e) => Buffer.from(e.id.replaceAll('-', ''), 'hex'))));
      expect(packed.commitments).toEqual(Buffer.concat(whole.map((e) => e.commitment ?? Buffer.alloc(32))));
      expect(packed.whole).toEqual(whole.flatMap((e, i) => (e.commitment ? [] : [i])));
      await f.sealAndSign();
      const order = await logOrder(f.db);
      const v1 = await f.proofs.inclusion(order[3]!.event_id);
      const v2 = await f.proofs.inclusion(order.at(-1)!.event_id);
      expect([v1.format, v2.format]).toEqual([PROOF_FORMAT, PROOF_FORMAT_V2]);
      expect(v1.entry).toBeUndefined();
      expect(verifyProofDocument(v1, f.publicKey).valid).toBe(true);
      expect(verifyProofDocument(v2, f.publicKey).valid).toBe(true);
      expect(verifyProofDocument(await f.proofs.consistency(v1Head.treeSize, order.length), f.publicKey).valid).toBe(true);
      expect((await f.proofs.head())!.head.rootHash).toBe((await recomputedRoot(f.store, f.db)).root.toString('hex'));
      expect(await verifyJournal(f.db.pool, f.store, f.publicKey)).toMatchObject({ valid: true, events: order.length });
    } finally {
      await f.close();
    }
  });

  it('detects a payload changed before any sealer ran, at its leaf: verify, and the monitor', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 30, 10);
      const order = await logOrder(f.db);
      await new LogInsider(f.db.pool).changePayload(order[150]!.global_position, { purpose: 'forged' });
      // Unsealed: verify names it already (once readers see every event: on a shared server another
      // database's open transaction can hold them back a moment).
      for (const deadline = Date.now() + 60_000; (await recomputedRoot(f.store, f.db)).size < order.length; ) {
        if (Date.now() > deadline) throw new Error('the log never became readable whole');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      let report = await verifyJournal(f.db.pool, f.store, f.publicKey);
      expect(report.firstDiscrepancy).toMatchObject({ leafIndex: 150, eventId: order[150]!.event_id, reason: expect.stringMatching(/differs from the commitment made when it was appended.*not sealed yet/) });
      await f.sealAndSign();
      report = await verifyJournal(f.db.pool, f.store, f.publicKey);
      expect(report).toMatchObject({ valid: false, firstDiscrepancy: { leafIndex: 150, eventId: order[150]!.event_id, reason: expect.stringMatching(/differs from the commitment/) } });
      const monitor = new JournalMonitor(f.db.pool, f.store);
      expect(await monitor.pass()).toMatchObject({ state: 'mismatch', mismatch: { leafIndex: 150, eventId: order[150]!.event_id } });
    } finally {
      await f.close();
    }
  });

  // A changed or deleted event is also found among old leaves re-checked at random; an insertion or a move
  // changes no stored event, so only the walk in order finds it (and a stray insertion is named by its id).
  const TAMPERING = TAMPER_KINDS.map(([name, change]) => [name, (o: LogOrder) => ({ ...change(o), sampled: ['a changed payload', 'a deleted event'].includes(name) })] as const);

  it.each(TAMPERING)('the monitor detects %s at the right leaf, and fails readiness from then on', async (_, change) => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 30, 10);
      await f.sealAndSign();
      const order = await logOrder(f.db);
      // One monitor has checked every leaf already and does not sweep (it then finds the change in its sample of
      // old leaves, or names a stray event); one started afresh resumes at its place and sweeps the old leaves in
      // order; one that keeps no place walks them.
      const old = new JournalMonitor(f.db.pool, f.store, { sample: 1000, sweepPerPass: 0 });
      expect(await old.pass()).toMatchObject({ state: 'ok', checkedLeaves: order.length, mismatch: null });
      const { rewrite, at, sampled } = change(order);
      await rewrite(new LogInsider(f.db.pool));
      const fresh = await new JournalMonitor(f.db.pool, f.store, { keepPlace: false }).pass();
      expect(fresh).toMatchObject({ state: 'mismatch', mismatch: { leafIndex: at }, resumedAt: 0 });
      const resumed = await new JournalMonitor(f.db.pool, f.store, { sample: 0 }).pass();
      expect(resumed).toMatchObject({ state: 'mismatch', mismatch: { leafIndex: at }, resumedAt: order.length });
      const again = await old.pass();
      if (sampled) expect(again).toMatchObject({ state: 'mismatch', mismatch: { leafIndex: at } });
      else if (at === 110) expect(again).toMatchObject({ state: 'mismatch', mismatch: { eventId: FORGED_EVENT_ID, reason: expect.stringMatching(/no commitment/) } });
    } finally {
      await f.close();
    }
  });

  it('a monitor restarted resumes at the place it kept, sweeps the old leaves in order over and over, and walks from leaf 0 when its place no longer fits the tree', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 10, 5);
      await sealedAll(f.db, () => f.sealer.catchUp());
      const monitor = new JournalMonitor(f.db.pool, f.store, { leavesPerPass: 50 });
      expect(await monitor.pass()).toMatchObject({ state: 'ok', checkedLeaves: 50, behindLeaves: 60, sweptLeaves: 0, resumedAt: 0 });
      expect(await monitor.pass()).toMatchObject({ state: 'ok', checkedLeaves: 100 });
      const restarted = new JournalMonitor(f.db.pool, f.store, { sweepPerPass: 40 });
      expect(await restarted.pass()).toMatchObject({ state: 'ok', resumedAt: 100, checkedLeaves: 110, behindLeaves: 0, sweptLeaves: 40, sweeps: 2, passes: 1 });
      expect(await restarted.pass()).toMatchObject({ sweptLeaves: 80, sweeps: 2 });
      expect(await restarted.pass()).toMatchObject({ sweptLeaves: 0, sweeps: 3 });
      // The sweep's place is kept too (each walk of the first monitor's two passes was swept whole at once).
      expect(await restarted.pass()).toMatchObject({ sweptLeaves: 40, sweeps: 3 });
      expect(await new JournalMonitor(f.db.pool, f.store, { sweepPerPass: 40 }).pass()).toMatchObject({ state: 'ok', resumedAt: 110, sweptLeaves: 80, sweeps: 3 });
      // A place whose leaf holds another event than the one kept (the journal rebuilt otherwise) is not resumed.
      await f.db.pool.query(`UPDATE journal.monitor_place SET walk_event_id = $1`, [FORGED_EVENT_ID]);
      expect(await new JournalMonitor(f.db.pool, f.store).pass()).toMatchObject({ state: 'ok', resumedAt: 0, checkedLeaves: 110 });
      expect(await new JournalMonitor(f.db.pool, f.store, { keepPlace: false }).pass()).toMatchObject({ state: 'ok', resumedAt: 0, checkedLeaves: 110 });
    } finally {
      await f.close();
    }
  });

  it("a monitor that finds nothing keeps another monitor's mismatch kept; an empty journal is never swept", async () => {
    const f = await openJournalFixture();
    try {
      expect(await new JournalMonitor(f.db.pool, f.store).pass()).toMatchObject({ state: 'ok', sweeps: 0 });
      await f.appendSubjects(0, 10, 5);
      await sealedAll(f.db, () => f.sealer.catchUp());
      const order = await logOrder(f.db);
      const clean = new JournalMonitor(f.db.pool, f.store, { sample: 0, sweepPerPass: 0 });
      expect(await clean.pass()).toMatchObject({ state: 'ok', checkedLeaves: 110 });
      await new LogInsider(f.db.pool).changePayload(order[50]!.global_position, { purpose: 'forged' });
      // Resumed at the clean one's place, its sweep finds the change.
      expect(await new JournalMonitor(f.db.pool, f.store, { sample: 0 }).pass()).toMatchObject({ state: 'mismatch', mismatch: { leafIndex: 50 }, resumedAt: 110 });
      expect(await clean.pass()).toMatchObject({ state: 'ok' });
      // A start that would not find it by itself (no sweep, no sample, the walk not there yet) still fails readiness.
      expect(await new JournalMonitor(f.db.pool, f.store, { leavesPerPass: 10, sample: 0, sweepPerPass: 0 }).pass()).toMatchObject({ state: 'mismatch', mismatch: { leafIndex: 50 }, checkedLeaves: 10 });
    } finally {
      await f.close();
    }
  });

  it('a mismatch kept across a restart fails readiness from the first pass, and clears only when a walk from leaf 0 has found nothing', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 30, 10);
      await f.sealAndSign();
      const order = await logOrder(f.db);
      const first = new JournalMonitor(f.db.pool, f.store, { sample: 0 });
      expect(await first.pass()).toMatchObject({ state: 'ok', checkedLeaves: order.length });
      const inserted = TAMPER_KINDS.find(([name]) => name === 'an inserted event')![1](order);
      await inserted.rewrite(new LogInsider(f.db.pool));
      // Only a walk in order finds an insertion among old leaves: here the sweep.
      expect(await first.pass()).toMatchObject({ state: 'mismatch', mismatch: { leafIndex: 110, eventId: FORGED_EVENT_ID } });

      const reported: unknown[] = [];
      const restarted = new JournalMonitor(f.db.pool, f.store, { leavesPerPass: 100, sample: 0 }, (m) => reported.push(m));
      expect(await restarted.pass()).toMatchObject({ state: 'mismatch', mismatch: { leafIndex: 110 }, checkedLeaves: 100, resumedAt: 0 });
      expect(reported).toEqual([expect.objectContaining({ leafIndex: 110 })]);
      for (let pass = 0; pass < 4; pass++) expect(await restarted.pass()).toMatchObject({ state: 'mismatch' });

      // The insider's event removed again: a walk from leaf 0 finds the log as sealed, and clears the mismatch.
      await new LogInsider(f.db.pool).deleteEvent(900000000n);
      const afterRepair = new JournalMonitor(f.db.pool, f.store, { leavesPerPass: 100, sample: 0 });
      expect(await afterRepair.pass()).toMatchObject({ state: 'mismatch', checkedLeaves: 100 });
      expect(await afterRepair.pass()).toMatchObject({ state: 'mismatch', checkedLeaves: 200 });
      expect(await afterRepair.pass()).toMatchObject({ state: 'mismatch', checkedLeaves: 300 });
      expect(await afterRepair.pass()).toMatchObject({ state: 'ok', mismatch: null, checkedLeaves: order.length, behindLeaves: 0 });
      expect(await new JournalMonitor(f.db.pool, f.store).pass()).toMatchObject({ state: 'ok', mismatch: null, resumedAt: order.length });
    } finally {
      await f.close();
    }
  });
});
