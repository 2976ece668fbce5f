import { packedCommitmentsOf, writeUuidBytes, type StoredEvent } from '#event-store';
import type { Projection, SqlTransaction } from '#projections';
import { eventLeafHash } from '../domain/journal-leaf.js';
import { leafHashesOf } from '../domain/merkle-tree.js';
import { TILE_WIDTH } from '../domain/tile-path.js';
import { JOURNAL_TREE_SCHEMA, LOWEST_STORED_LEVEL, loadEdge } from './journal-tree.js';

/**
 * Events the sealer's own thread (PostgreSQL) reads and seals a transaction at most. Each batch costs a read, a
 * transaction, the tree's edge and a few statements whatever its size, and a sealer behind writers running flat
 * out reads full batches: larger ones cost less an event. In the server's process (PGlite, whose one connection
 * every request shares) the runner's smaller default holds that connection for less time.
 */
export const SEALER_BATCH_SIZE = 5000;

/**
 * 封緘 — the sealer: extends the journal's Merkle tree with every event, in the log's order, as a projection
 * (its checkpoint in the same transaction, restart from where it stopped, blue-green rebuild). It combines
 * the commitments made when the events were appended (v2), read without the events' data and metadata, and
 * keeps them as the leaves' entries; only events older than those are read whole, to hash their v1 leaf here.
 * Deterministic: a function of the events and their commitments; signing, which needs the clock, is the head
 * signer's, outside replay. Leaves are stored by tile of 256 (see migration 1764000001000): a batch extends the
 * last tile and adds new ones.
 */
export const journalProjection: Projection = {
  name: 'journal',
  schema: JOURNAL_TREE_SCHEMA,
  tables: ['leaf_tiles', 'nodes'],
  readsLogAsWritten: true,
  readsCommitmentsOnly: true,
  async apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void> {
    const edge = await loadEdge(tx, schema);
    const first = edge.size;
    const count = events.length;
    // Entries, ids and hashes laid end to end; a v1 leaf's entry is left zero and its place listed. A store that
    // read the batch packed hands them so already; any other gives events, whose bytes are laid out here.
    const packed = packedCommitmentsOf(events);
    const { entries, ids, bare } = packed ? { entries: packed.commitments, ids: packed.ids, bare: packed.whole } : laidOut(events);
    const hashes = leafHashesOf(entries);
    for (const i of bare) eventLeafHash(events[i]!).copy(hashes, i * 32);
    const nodes = edge.appendAll(hashes, LOWEST_STORED_LEVEL);
    // One row for each tile the batch reaches: the first may extend the last tile stored, the rest are new.
    const tiles: { index: number; at: number; size: number; event: StoredEvent }[] = [];
    for (let at = 0; at < count; ) {
      const index = Math.floor((first + at) / TILE_WIDTH);
      const size = Math.min(count - at, (index + 1) * TILE_WIDTH - (first + at));
      tiles.push({ index, at, size, event: events[at]! });
      at += size;
    }
    // One statement: the tiles, then the stored subtrees. The byte columns travel as one binary parameter
    // each, cut into each row's piece by the server.
    await tx.query(
      `WITH tiles AS (
         INSERT INTO ${schema}.leaf_tiles AS t (tile_index, size, first_transaction_id, first_position, hashes, entries, event_ids, v1_leaves)
         SELECT x.tile, x.size, x.tx::xid8, x.pos, substring($6::bytea FROM x.at * 32 + 1 FOR x.size * 32), substring($7::bytea FROM x.at * 32 + 1 FOR x.size * 32),
                substring($8::bytea FROM x.at * 16 + 1 FOR x.size * 16),
                ARRAY(SELECT ((b + $10::bigint) % ${TILE_WIDTH})::smallint FROM unnest($9::int[]) AS b WHERE b >= x.at AND b < x.at + x.size ORDER BY b)
           FROM unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[], $5::int[]) AS x(tile, at, tx, pos, size)
         ON CONFLICT (tile_index) DO UPDATE SET size = t.size + excluded.size, hashes = t.hashes || excluded.hashes, entries = t.entries || excluded.entries,
                event_ids = t.event_ids || excluded.event_ids, v1_leaves = t.v1_leaves || excluded.v1_leaves
       )
       INSERT INTO ${schema}.nodes (level, node_index, hash)
       SELECT l, n, substring($13::bytea FROM (i - 1)::int * 32 + 1 FOR 32) FROM unnest($11::smallint[], $12::bigint[]) WITH ORDINALITY AS t(l, n, i)`,
      [
        tiles.map((t) => t.index),
        tiles.map((t) => t.at),
        tiles.map((t) => t.event.transactionId.toString()),
        tiles.map((t) => t.event.globalPosition.toString()),
        tiles.map((t) => t.size),
        hashes,
        entries,
        ids,
        bare,
        first,
        nodes.map((n) => n.level),
        nodes.map((n) => n.index),
        Buffer.concat(nodes.map((n) => n.hash)),
      ],
    );
  },
};

/** The events' entries (their commitments, zero for a v1 leaf) and ids laid end to end, and the v1 leaves' places. */
function laidOut(events: readonly StoredEvent[]): { entries: Buffer; ids: Buffer; bare: number[] } {
  const entries = Buffer.alloc(events.length * 32);
  const ids = Buffer.allocUnsafe(events.length * 16);
  const bare: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.commitment) event.commitment.copy(entries, i * 32);
    else bare.push(i);
    writeUuidBytes(event.id, ids, i * 16);
  }
  return { entries, ids, bare };
}
