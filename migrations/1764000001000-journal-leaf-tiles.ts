import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal's sealed leaves are kept by tile, as they are published (C2SP tlog-tiles): one row of
 * `journal_tree.leaf_tiles` for each 256 leaves, holding their hashes, entries and event ids laid end to end.
 * A row for each leaf cost the sealer a heap tuple and two index entries an event, one of them in an index of
 * random event ids; now a batch of events writes a few rows, and a level-0 tile or an entry bundle is one row.
 *
 * - `size`: the leaves in the tile (the last one grows until it holds 256); the tree's size is
 *   256 · (last tile) + its size.
 * - `hashes` (32 bytes a leaf), `entries` (32 bytes a leaf: the v2 commitment; zeros for a v1 leaf, whose entry is
 *   the event itself) and `event_ids` (16 bytes a leaf, the uuid's bytes); `v1_leaves` lists the places in the tile
 *   of leaves without an entry.
 * - `first_transaction_id`, `first_position`: the log position of the tile's first leaf. Leaves follow the log's
 *   order, so an event's leaf is in the last tile that starts at or before its position (`JournalTree.leafOf`),
 *   found by that index instead of an index of every event id.
 * - The byte columns are stored uncompressed (their bytes are hashes and random ids): no compression is tried,
 *   and a reader of a few leaves fetches only their slice.
 *
 * The leaves sealed so far move into tiles; each tile's first position is that of the first of its events still
 * in the log (a tampered log keeps its sealed leaves as they were).
 */
export class JournalLeafTiles1764000001000 implements MigrationInterface {
  name = 'JournalLeafTiles1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE journal_tree.leaf_tiles (
        tile_index           bigint PRIMARY KEY CHECK (tile_index >= 0),
        size                 smallint NOT NULL CHECK (size BETWEEN 1 AND 256),
        first_transaction_id xid8 NOT NULL,
        first_position       bigint NOT NULL,
        hashes               bytea NOT NULL CHECK (length(hashes) = 32 * size),
        entries              bytea NOT NULL CHECK (length(entries) = 32 * size),
        event_ids            bytea NOT NULL CHECK (length(event_ids) = 16 * size),
        v1_leaves            smallint[] NOT NULL DEFAULT '{}'
      )`);
    await db.query(`ALTER TABLE journal_tree.leaf_tiles ALTER COLUMN hashes SET STORAGE EXTERNAL, ALTER COLUMN entries SET STORAGE EXTERNAL, ALTER COLUMN event_ids SET STORAGE EXTERNAL`);
    await db.query(`CREATE INDEX leaf_tiles_first_position_idx ON journal_tree.leaf_tiles (first_transaction_id, first_position)`);
    await db.query(`
      INSERT INTO journal_tree.leaf_tiles (tile_index, size, first_transaction_id, first_position, hashes, entries, event_ids, v1_leaves)
      SELECT l.leaf_index / 256, count(*),
             coalesce((array_agg(e.transaction_id ORDER BY e.transaction_id, e.global_position) FILTER (WHERE e.global_position IS NOT NULL))[1], '0'::xid8),
             coalesce((array_agg(e.global_position ORDER BY e.transaction_id, e.global_position) FILTER (WHERE e.global_position IS NOT NULL))[1], 0),
             string_agg(l.hash, ''::bytea ORDER BY l.leaf_index),
             string_agg(coalesce(l.entry, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea), ''::bytea ORDER BY l.leaf_index),
             string_agg(uuid_send(l.event_id), ''::bytea ORDER BY l.leaf_index),
             coalesce(array_agg((l.leaf_index % 256)::smallint ORDER BY l.leaf_index) FILTER (WHERE l.entry IS NULL), '{}')
        FROM journal_tree.leaves l
        LEFT JOIN event_store.events e ON e.event_id = l.event_id
       GROUP BY l.leaf_index / 256`);
    await db.query(`DROP TABLE journal_tree.leaves`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE journal_tree.leaves (
        leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
        event_id   uuid NOT NULL UNIQUE,
        hash       bytea NOT NULL CHECK (length(hash) = 32),
        entry      bytea CHECK (length(entry) = 32)
      )`);
    await db.query(`
      INSERT INTO journal_tree.leaves (leaf_index, event_id, hash, entry)
      SELECT t.tile_index * 256 + i, encode(substring(t.event_ids FROM i * 16 + 1 FOR 16), 'hex')::uuid, substring(t.hashes FROM i * 32 + 1 FOR 32),
             CASE WHEN i <> ALL (t.v1_leaves) THEN substring(t.entries FROM i * 32 + 1 FOR 32) END
        FROM journal_tree.leaf_tiles t, generate_series(0, t.size - 1) AS i`);
    await db.query(`DROP TABLE journal_tree.leaf_tiles`);
  }
}
