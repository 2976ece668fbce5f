import { DATABASE_SCHEMA } from '#app';
import { LogInsider } from '#event-store-postgres/testing';
import { JournalTree, PublishedLog, inclusionProof, TileUnavailableError, TreeEdge, currentLeafOf, journalProjection, recomputedCommitments, sealedLeaves, verifyJournal, verifyProofDocument } from '#journal';
import { MIGRATIONS } from '#migrations';
import { rebuildProjection } from '#projections';
import { subjectAppends } from '#synthetic-population';
import { backendName, openTestDatabase } from '../support/test-database.js';
import { openJournalFixture, recomputedRoot, sealedAll } from './journal-support.js';

describe(`moving the sealed leaves into tiles on ${backendName}`, () => {
  it('keeps every leaf, its event, entry and hash, the roots and the leaves found by event; the sealer then extends the tiles', async () => {
    const tiling = MIGRATIONS.findIndex((m) => m.name === 'JournalLeafTiles1764000001000');
    expect(tiling).toBeGreaterThan(0);
    const db = await openTestDatabase(2, { ...DATABASE_SCHEMA, migrations: MIGRATIONS.slice(0, tiling) });
    const f = await openJournalFixture(db);
    try {
      // 33 events of a v1 installation, then 297 with commitments: leaves 0–255 (tile 0) and 256–329 (tile 1).
      const log = new LogInsider(db.pool);
      for (const append of subjectAppends(0, 3)) {
        await log.appendWithoutTriggers(append.streamId, 'no_stream', append.events.map((e) => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata ?? {} })));
      }
      // Appended through the schema of the time (the adapter's append names functions of later migrations).
      for (const append of subjectAppends(3, 30)) await log.append(append.streamId, 'no_stream', append.events.map((e) => ({ ...e, metadata: e.metadata ?? {} })));
      // Sealed as the sealer did before the tiles: a row a leaf, and the subtrees of 16 leaves and more.
      const events = await f.store.readAll({ maxCount: 10_000 });
      expect(events).toHaveLength(330);
      const commitments = await recomputedCommitments(f.store, events.map((e) => e.id));
      const hashes = events.map((e) => currentLeafOf(e, commitments.get(e.id)).hash);
      const edge = TreeEdge.empty();
      const nodes = hashes.flatMap((h) => edge.append(h)).filter((n) => n.level >= 4);
      await db.pool.query(
        `INSERT INTO journal_tree.leaves (leaf_index, event_id, hash, entry)
         SELECT i - 1, e, decode(h, 'hex'), decode(c, 'hex') FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS t(e, h, c, i)`,
        [events.map((e) => e.id), hashes.map((h) => h.toString('hex')), events.map((e) => e.commitment?.toString('hex') ?? null)],
      );
      await db.pool.query(`INSERT INTO journal_tree.nodes (level, node_index, hash) SELECT l, n, decode(h, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS t(l, n, h)`, [
        nodes.map((n) => n.level),
        nodes.map((n) => n.index),
        nodes.map((n) => n.hash.toString('hex')),
      ]);
      const last = events.at(-1)!;
      await db.pool.query(`INSERT INTO projections.checkpoints (projection, transaction_id, global_position, events_processed) VALUES ('journal', $1::text::xid8, $2, 330)`, [
        last.transactionId.toString(),
        last.globalPosition.toString(),
      ]);

      const runner = db.dataSource.createQueryRunner();
      for (const Migration of MIGRATIONS.slice(tiling)) {
        await runner.startTransaction();
        await new Migration().up(runner);
        await runner.commitTransaction();
      }
      await runner.release();

      expect(await sealedLeaves(db.pool, 0, 1000)).toEqual(events.map((e, i) => ({ leafIndex: i, eventId: e.id, hash: hashes[i], entry: e.commitment ?? null })));
      const tree = new JournalTree(db.pool);
      expect(await tree.size()).toBe(330);
      expect(await tree.root(330)).toEqual(edge.root());
      for (const i of [0, 32, 33, 255, 256, 329]) expect(await tree.leafOf(events[i]!)).toEqual({ leafIndex: i, hash: hashes[i] });
      const published = new PublishedLog(db.pool, f.key, 'test.example/journal');
      expect(await published.tile({ level: 0, index: 0, width: 256 })).toEqual(Buffer.concat(hashes.slice(0, 256)));
      await expect(published.tile({ level: 'entries', index: 0, width: 256 })).rejects.toThrow(TileUnavailableError);

      // The sealer goes on from its checkpoint: tile 1 grows, tile 2 begins.
      await f.appendSubjects(30, 60, 7);
      await f.sealAndSign();
      expect(await tree.size()).toBe(660);
      expect((await f.proofs.head())!.head.rootHash).toBe((await recomputedRoot(f.store, db)).root.toString('hex'));
      expect(await verifyJournal(db.pool, f.store, f.publicKey)).toMatchObject({ valid: true, events: 660, sealedLeaves: 660 });
      expect((await published.tile({ level: 'entries', index: 1, width: 256 })).length).toBe(256 * 34);
    } finally {
      await f.close();
    }
  }, 120_000);

  it("finds an event's leaf with its audit path in one read: RFC 6962's PATH for leaves across tiles, blocks and the right edge, under every size", async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 60, 7);
      await f.sealAndSign();
      const tree = new JournalTree(f.db.pool);
      const leaves = await sealedLeaves(f.db.pool, 0, 1000);
      expect(leaves).toHaveLength(660);
      const events = new Map((await f.store.readAll({ maxCount: 10_000 })).map((e) => [e.id, e]));
      const hashes = leaves.map((l) => l.hash);
      for (const size of [1, 2, 3, 8, 15, 16, 17, 31, 33, 255, 256, 257, 271, 300, 511, 512, 513, 600, 659, 660]) {
        const chosen = size <= 40 ? Array.from({ length: size }, (_, i) => i) : [0, 1, 15, 16, 17, 255, 256, 257, 300, 511, 512, size - 17, size - 16, size - 2, size - 1].filter((i) => i < size);
        for (const i of new Set(chosen)) {
          const found = await tree.inclusionOf(events.get(leaves[i]!.eventId)!, size);
          expect({ size, ...found }).toEqual({ size, leafIndex: i, hash: hashes[i], auditPath: inclusionProof(hashes.slice(0, size), i) });
        }
        // A leaf sealed after the size: found, with no path in that tree.
        if (size < 660) expect(await tree.inclusionOf(events.get(leaves[size]!.eventId)!, size)).toEqual({ leafIndex: size, hash: hashes[size], auditPath: null });
      }
      const unsealed = { ...events.get(leaves[0]!.eventId)!, id: '00000000-0000-4000-8000-000000000000' };
      expect(await tree.inclusionOf(unsealed, 660)).toBeNull();
    } finally {
      await f.close();
    }
  }, 120_000);

  it("finds a leaf whose id's bytes first appear across two other ids', with its path", async () => {
    const f = await openJournalFixture();
    try {
      // The second half of the first id and the first half of the second spell the third.
      const [first, second, third] = ['11111111-1111-4111-8111-aaaaaaaaaaaa', 'bbbbbbbb-bbbb-4bbb-8bbb-222222222222', '8111aaaa-aaaa-aaaa-bbbb-bbbbbbbb4bbb'];
      const probe = (id: string) => ({ id, type: 'ProbeRecorded', schemaVersion: 1, data: { probe: id } });
      await f.store.appendToStream('probe-a', [probe(first), probe(second)]);
      await f.store.appendToStream('probe-b', [probe(third)]);
      await f.appendSubjects(0, 2, 1);
      await f.sealAndSign();
      const leaves = await sealedLeaves(f.db.pool, 0, 1000);
      expect(leaves.slice(0, 3).map((l) => l.eventId)).toEqual([first, second, third]);
      const [event] = await f.store.readEvents([third]);
      const tree = new JournalTree(f.db.pool);
      expect(await tree.leafOf(event!)).toEqual({ leafIndex: 2, hash: leaves[2]!.hash });
      expect(await tree.inclusionOf(event!, leaves.length)).toEqual({ leafIndex: 2, hash: leaves[2]!.hash, auditPath: inclusionProof(leaves.map((l) => l.hash), 2) });
      const proof = await f.proofs.inclusion(third);
      expect(proof.leafIndex).toBe(2);
      expect(verifyProofDocument(proof, f.publicKey).valid).toBe(true);
    } finally {
      await f.close();
    }
  });

  it('answers a proof only under a signed head: none signed, a size never signed, a leaf sealed after the head, a size that is no size', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 2, 1);
      await sealedAll(f.db, () => f.sealer.catchUp());
      const [first] = await sealedLeaves(f.db.pool, 0, 1);
      await expect(f.proofs.inclusion(first!.eventId)).rejects.toThrow('treeSize: no tree head has been signed yet');
      await f.signer.signIfDue();
      await f.appendSubjects(2, 3, 1);
      await sealedAll(f.db, () => f.sealer.catchUp());
      const [later] = await sealedLeaves(f.db.pool, 22, 1);
      await expect(f.proofs.inclusion(later!.eventId)).rejects.toThrow(`event ${later!.eventId} is sealed at leaf 22, after the signed head of size 22: ask again after the next head`);
      await expect(f.proofs.inclusion(first!.eventId, 30)).rejects.toThrow('treeSize: no head was signed at size 30');
      await expect(f.proofs.inclusion(first!.eventId, -1)).rejects.toThrow('treeSize: must be a tree size (an integer ≥ 0)');
      expect((await f.proofs.inclusion(first!.eventId, 22)).leafIndex).toBe(0);
    } finally {
      await f.close();
    }
  });

  it('rebuilds blue-green to the same tiles, subtrees and root, and seals on from there', async () => {
    const f = await openJournalFixture();
    try {
      await f.appendSubjects(0, 50, 7);
      await f.sealAndSign();
      const tiles = async () => (await f.db.pool.query(`SELECT * FROM journal_tree.leaf_tiles ORDER BY tile_index`)).rows;
      const nodes = async () => (await f.db.pool.query(`SELECT * FROM journal_tree.nodes ORDER BY level, node_index`)).rows;
      const [sealedTiles, sealedNodes] = [await tiles(), await nodes()];
      expect(sealedTiles.map((t) => t.size)).toEqual([256, 256, 38]);
      await rebuildProjection(f.db.pool, f.store, f.sealer, journalProjection, { batchSize: 300 });
      expect(await tiles()).toEqual(sealedTiles);
      expect(await nodes()).toEqual(sealedNodes);
      await f.appendSubjects(50, 60, 3);
      await f.sealAndSign();
      expect((await f.proofs.head())!.head.rootHash).toBe((await recomputedRoot(f.store, f.db)).root.toString('hex'));
      expect(await verifyJournal(f.db.pool, f.store, f.publicKey)).toMatchObject({ valid: true, events: 660 });
    } finally {
      await f.close();
    }
  }, 120_000);
});
