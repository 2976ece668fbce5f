import { uuidFromBytes, writeUuidBytes, type Checkpoint } from '#event-store';
import type { SqlTransaction } from '#projections';
import { TILE_WIDTH } from '../domain/tile-path.js';
import { TreeEdge, consistencyRanges, inclusionRanges, rangeRoot, rootHash, subtreesOf, type LeafRange } from '../domain/merkle-tree.js';

/** The projection's schema (a rebuild builds `journal_tree__rebuild` beside it and swaps it in). */
export const JOURNAL_TREE_SCHEMA = 'journal_tree';
/** Subtrees of 2^4 = 16 leaves and more are stored; smaller ones are rehashed from their leaves. */
export const LOWEST_STORED_LEVEL = 4;

/** Sealed leaves: the size of the journal's tree (leaves are written densely, in order, by tile of 256). */
export async function sealedSize(db: SqlTransaction, schema = JOURNAL_TREE_SCHEMA): Promise<number> {
  const { rows } = await db.query<{ size: string }>(`SELECT tile_index * ${TILE_WIDTH} + size AS size FROM ${schema}.leaf_tiles ORDER BY tile_index DESC LIMIT 1`);
  return rows[0] ? Number(rows[0].size) : 0;
}

/** A sealed leaf: the event sealed there, its leaf hash, and its entry (its commitment; null for a v1 leaf). */
export interface SealedLeaf {
  leafIndex: number;
  eventId: string;
  hash: Buffer;
  entry: Buffer | null;
}

/** Up to `count` sealed leaves from leaf `from`, in order: a range read of the tiles that hold them. */
export async function sealedLeaves(db: SqlTransaction, from: number, count: number, schema = JOURNAL_TREE_SCHEMA): Promise<SealedLeaf[]> {
  if (count <= 0) return [];
  const { rows } = await db.query<{ tile_index: string; hashes: Buffer; entries: Buffer; event_ids: Buffer; v1_leaves: number[] }>(
    `SELECT tile_index, hashes, entries, event_ids, v1_leaves FROM ${schema}.leaf_tiles WHERE tile_index BETWEEN $1 AND $2 ORDER BY tile_index`,
    [Math.floor(from / TILE_WIDTH), Math.floor((from + count - 1) / TILE_WIDTH)],
  );
  const leaves: SealedLeaf[] = [];
  for (const row of rows) {
    const base = Number(row.tile_index) * TILE_WIDTH;
    const bare = new Set(row.v1_leaves);
    for (let i = Math.max(0, from - base); i < row.hashes.length / 32 && base + i < from + count; i++) {
      leaves.push({ leafIndex: base + i, eventId: uuidFromBytes(row.event_ids, i * 16), hash: row.hashes.subarray(i * 32, i * 32 + 32), entry: bare.has(i) ? null : row.entries.subarray(i * 32, i * 32 + 32) });
    }
  }
  // Dense from `from` only: a missing tile ends the range there.
  const dense = leaves.findIndex((leaf, i) => leaf.leafIndex !== from + i);
  return dense === -1 ? leaves : leaves.slice(0, dense);
}

/** The sealed leaves at these indexes (those sealed), in index order: each read as its slice of its tile. */
export async function sealedLeavesAt(db: SqlTransaction, indexes: readonly number[], schema = JOURNAL_TREE_SCHEMA): Promise<SealedLeaf[]> {
  if (indexes.length === 0) return [];
  const { rows } = await db.query<{ leaf_index: string; hash: Buffer; entry: Buffer; event_id: Buffer; bare: boolean }>(
    `SELECT i AS leaf_index, substring(t.hashes FROM (i % ${TILE_WIDTH})::int * 32 + 1 FOR 32) AS hash, substring(t.entries FROM (i % ${TILE_WIDTH})::int * 32 + 1 FOR 32) AS entry,
            substring(t.event_ids FROM (i % ${TILE_WIDTH})::int * 16 + 1 FOR 16) AS event_id, (i % ${TILE_WIDTH})::smallint = ANY (t.v1_leaves) AS bare
       FROM unnest($1::bigint[]) AS i JOIN ${schema}.leaf_tiles t ON t.tile_index = i / ${TILE_WIDTH} AND i % ${TILE_WIDTH} < t.size
      ORDER BY i`,
    [indexes],
  );
  return rows.map((r) => ({ leafIndex: Number(r.leaf_index), eventId: uuidFromBytes(r.event_id), hash: r.hash, entry: r.bare ? null : r.entry }));
}

/** Hashes read from the tree: stored nodes by `level/index`, leaves by index. */
interface ReadHashes {
  nodes: Map<string, Buffer>;
  leaves: Map<number, Buffer>;
}

/** Rows of the one shape every read of tree hashes gives: a stored node (level ≥ 0), or leaves from `start` (level −1). */
type HashRow = { level: number; start: string; hashes: Buffer };

function readHashes(rows: readonly HashRow[]): ReadHashes {
  const read: ReadHashes = { nodes: new Map(), leaves: new Map() };
  for (const r of rows) {
    if (r.level >= 0) read.nodes.set(`${r.level}/${r.start}`, r.hashes);
    else for (let at = 0; at < r.hashes.length; at += 32) read.leaves.set(Number(r.start) + at / 32, r.hashes.subarray(at, at + 32));
  }
  return read;
}

/** The roots of leaf ranges from hashes read: a stored node for each subtree of level ≥ 4, smaller ones rehashed from their leaves. */
function rangeRootsFrom(ranges: readonly LeafRange[], read: ReadHashes): Buffer[] {
  return ranges.map((range) =>
    rangeRoot(
      subtreesOf(range).map((s) => {
        if (s.level >= LOWEST_STORED_LEVEL) {
          const hash = read.nodes.get(`${s.level}/${s.index}`);
          if (!hash) throw new Error(`the journal lacks its subtree ${s.level}/${s.index}: rebuild it (himotoki rebuild --projection journal)`);
          return hash;
        }
        const start = s.index * 2 ** s.level;
        const hashes = Array.from({ length: 2 ** s.level }, (_, i) => read.leaves.get(start + i));
        if (hashes.some((h) => !h)) throw new Error(`the journal lacks leaves from ${start}: rebuild it (himotoki rebuild --projection journal)`);
        return rootHash(hashes as Buffer[]);
      }),
    ),
  );
}

/** The roots of leaf ranges (the hashes of a proof), with one read of the rows they need. */
export async function rangeRoots(db: SqlTransaction, ranges: readonly LeafRange[], schema = JOURNAL_TREE_SCHEMA): Promise<Buffer[]> {
  const subtrees = ranges.flatMap((r) => subtreesOf(r));
  const stored = subtrees.filter((s) => s.level >= LOWEST_STORED_LEVEL);
  // A small subtree's leaves (at most 8, aligned) lie in one tile: its slice of that tile's hashes.
  const rehashed = subtrees.filter((s) => s.level < LOWEST_STORED_LEVEL);
  if (subtrees.length === 0) return rangeRootsFrom(ranges, readHashes([]));
  const { rows } = await db.query<HashRow>(
    `SELECT level, node_index AS start, hash AS hashes FROM ${schema}.nodes WHERE (level, node_index) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))
     UNION ALL
     SELECT -1, s.start, substring(t.hashes FROM (s.start % ${TILE_WIDTH})::int * 32 + 1 FOR s.n * 32)
       FROM unnest($3::bigint[], $4::int[]) AS s(start, n) JOIN ${schema}.leaf_tiles t ON t.tile_index = s.start / ${TILE_WIDTH}`,
    [stored.map((s) => s.level), stored.map((s) => s.index), rehashed.map((s) => s.index * 2 ** s.level), rehashed.map((s) => 2 ** s.level)],
  );
  return rangeRootsFrom(ranges, readHashes(rows));
}

/**
 * The right edge of the sealed tree, to extend it: in one statement (the sealer loads it for every batch), the
 * size and the root of each edge subtree, one for each set bit b of the size: the stored node (b ≥ 4), or the
 * 2^b leaf hashes to rehash, a slice of their tile. Each is looked up by its whole key (the LIMIT keeps the lookup
 * from being flattened into a join, which the planner may run as a scan of a level's every node).
 */
export async function loadEdge(db: SqlTransaction, schema = JOURNAL_TREE_SCHEMA): Promise<TreeEdge> {
  const { rows } = await db.query<{ size: string; level: number | null; hashes: Buffer | null }>(
    `SELECT t.size, e.level, CASE WHEN e.level >= ${LOWEST_STORED_LEVEL} THEN n.hash ELSE substring(l.hashes FROM (((t.size >> (e.level + 1)) << (e.level + 1)) % ${TILE_WIDTH})::int * 32 + 1 FOR 32 << e.level) END AS hashes
       FROM (SELECT tile_index * ${TILE_WIDTH} + size AS size FROM ${schema}.leaf_tiles ORDER BY tile_index DESC LIMIT 1) t
       LEFT JOIN generate_series(62, 0, -1) AS e(level) ON (t.size >> e.level) & 1 = 1
       LEFT JOIN LATERAL (SELECT n.hash FROM ${schema}.nodes n WHERE e.level >= ${LOWEST_STORED_LEVEL} AND n.level = e.level AND n.node_index = (t.size >> e.level) - 1 LIMIT 1) n ON true
       LEFT JOIN LATERAL (SELECT l.hashes FROM ${schema}.leaf_tiles l WHERE e.level < ${LOWEST_STORED_LEVEL} AND l.tile_index = ((t.size >> (e.level + 1)) << (e.level + 1)) / ${TILE_WIDTH} LIMIT 1) l ON true
      ORDER BY e.level DESC`,
  );
  if (rows.length === 0) return TreeEdge.empty();
  const size = Number(rows[0]!.size);
  const roots = rows.map(({ level, hashes }) => {
    const start = size - (size % 2 ** (level! + 1));
    if (level! >= LOWEST_STORED_LEVEL) {
      if (!hashes) throw new Error(`the journal lacks its subtree ${level}/${start / 2 ** level!}: rebuild it (himotoki rebuild --projection journal)`);
      return hashes;
    }
    if (hashes?.length !== 32 * 2 ** level!) throw new Error(`the journal lacks leaves from ${start}: rebuild it (himotoki rebuild --projection journal)`);
    return rootHash(Array.from({ length: 2 ** level! }, (_, i) => hashes.subarray(i * 32, i * 32 + 32)));
  });
  return TreeEdge.of(size, roots);
}

const idBytes = (event: { id: string }): Buffer => {
  const id = Buffer.alloc(16);
  writeUuidBytes(event.id, id, 0);
  return id;
};
const tileHoldingParameters = (event: Checkpoint, id: Buffer) => [event.transactionId.toString(), event.globalPosition.toString(), id];

export class JournalRangeError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'JournalRangeError';
  }
}

/** 台帳の木 — reads of the sealed tree: roots and proofs at any size sealed so far, from O(log n) stored rows. */
export class JournalTree {
  constructor(
    private readonly db: SqlTransaction,
    private readonly schema = JOURNAL_TREE_SCHEMA,
  ) {}

  size(): Promise<number> {
    return sealedSize(this.db, this.schema);
  }

  /**
   * The tile that holds an event's leaf, with the byte offset of the event's id among its ids (`at`), as a
   * subquery over parameters $1–$3 (`tileHoldingParameters`): leaves follow the log's order, so it is the last
   * tile that starts at or before the event's log position. No row while the event is not sealed.
   */
  private tileHolding(): string {
    return `(SELECT t.tile_index, t.hashes, p.at
               FROM (SELECT tile_index, event_ids, hashes FROM ${this.schema}.leaf_tiles WHERE (first_transaction_id, first_position) <= ($1::text::xid8, $2::bigint)
                      ORDER BY first_transaction_id DESC, first_position DESC LIMIT 1) t,
                    LATERAL (SELECT position($3::bytea IN t.event_ids) - 1 AS at) p
              WHERE p.at >= 0)`;
  }

  /**
   * An event's leaf: its index in the tree and its hash; null while the event is not sealed. Leaves follow the
   * log's order, so the event's is in the last tile that starts at or before the event's log position.
   */
  async leafOf(event: { id: string } & Checkpoint): Promise<{ leafIndex: number; hash: Buffer } | null> {
    const id = idBytes(event);
    // The id is looked for among the tile's ids by the server, which then reads only its leaf's slice of the hashes.
    const { rows } = await this.db.query<{ tile_index: string; at: number; hash: Buffer }>(
      `SELECT t.tile_index, t.at, substring(t.hashes FROM t.at * 2 + 1 FOR 32) AS hash FROM ${this.tileHolding()} t`,
      tileHoldingParameters(event, id),
    );
    const found = rows[0];
    if (!found) return null;
    if (found.at % 16 === 0) return { leafIndex: Number(found.tile_index) * TILE_WIDTH + found.at / 16, hash: found.hash };
    // The id's bytes first found across two ids' (a chance of the order of 2^-116): each id is compared in its place.
    const { rows: tile } = await this.db.query<{ event_ids: Buffer; hashes: Buffer }>(`SELECT event_ids, hashes FROM ${this.schema}.leaf_tiles WHERE tile_index = $1`, [found.tile_index]);
    for (let at = 0; at < tile[0]!.event_ids.length; at += 16) {
      if (tile[0]!.event_ids.compare(id, 0, 16, at, at + 16) === 0) return { leafIndex: Number(found.tile_index) * TILE_WIDTH + at / 16, hash: tile[0]!.hashes.subarray(at * 2, at * 2 + 32) };
    }
    return null;
  }

  /**
   * An event's leaf with its audit path in the tree of `size`, a size already sealed (a signed head's), in one
   * statement: the leaf found as `leafOf` finds it, and with it every row its path can need whichever leaf it
   * is: the stored siblings of its subtrees, its own block of 16 leaves, and the right edge of the tree of
   * `size` (a sibling cut short by the size is made of edge subtrees). Null while the event is not sealed; the
   * path null when the leaf lies outside the tree of `size`.
   */
  async inclusionOf(event: { id: string } & Checkpoint, size: number): Promise<{ leafIndex: number; hash: Buffer; auditPath: Buffer[] | null } | null> {
    const block = 2 ** LOWEST_STORED_LEVEL;
    const top = size > 0 ? size.toString(2).length - 1 : 0;
    const { rows } = await this.db.query<HashRow & { at: number; leaf_index: string }>(
      `WITH leaf AS (SELECT t.at, t.tile_index * ${TILE_WIDTH} + t.at / 16 AS leaf_index, t.hashes FROM ${this.tileHolding()} t)
       SELECT at, leaf_index, -1 AS level, leaf_index - leaf_index % ${block} AS start,
              substring(hashes FROM (leaf_index % ${TILE_WIDTH} - leaf_index % ${block})::int * 32 + 1 FOR ${block * 32}) AS hashes
         FROM leaf
       UNION ALL
       SELECT leaf.at, leaf.leaf_index, n.level, n.node_index, n.hash
         FROM leaf
         JOIN LATERAL (SELECT l, (leaf.leaf_index >> l) # 1 FROM generate_series(${LOWEST_STORED_LEVEL}, $5::int) AS l WHERE (((leaf.leaf_index >> l) # 1) + 1) << l <= $4::bigint
                       UNION
                       SELECT l, ($4::bigint >> l) - 1 FROM generate_series(${LOWEST_STORED_LEVEL}, $5::int) AS l WHERE ($4::bigint >> l) & 1 = 1) AS w(level, node_index) ON leaf.at % 16 = 0
         JOIN ${this.schema}.nodes n ON n.level = w.level AND n.node_index = w.node_index
       UNION ALL
       SELECT leaf.at, leaf.leaf_index, -1, $4::bigint - $4::bigint % ${block},
              substring(t.hashes FROM (($4::bigint - $4::bigint % ${block}) % ${TILE_WIDTH})::int * 32 + 1 FOR ($4::bigint % ${block})::int * 32)
         FROM leaf JOIN ${this.schema}.leaf_tiles t ON leaf.at % 16 = 0 AND $4::bigint % ${block} > 0 AND t.tile_index = ($4::bigint - $4::bigint % ${block}) / ${TILE_WIDTH}`,
      [...tileHoldingParameters(event, idBytes(event)), size, top],
    );
    if (rows.length === 0) return null;
    if (rows[0]!.at % 16 !== 0) {
      // The id's bytes found across two ids': `leafOf` compares each id in its place, then the path is read.
      const leaf = await this.leafOf(event);
      return leaf && { ...leaf, auditPath: leaf.leafIndex < size ? await rangeRoots(this.db, inclusionRanges(leaf.leafIndex, size), this.schema) : null };
    }
    const leafIndex = Number(rows[0]!.leaf_index);
    const read = readHashes(rows);
    const hash = read.leaves.get(leafIndex)!;
    return { leafIndex, hash, auditPath: leafIndex < size ? rangeRootsFrom(inclusionRanges(leafIndex, size), read) : null };
  }

  async root(size: number, field = 'size'): Promise<Buffer> {
    await this.checkSealed(size, field);
    return (await rangeRoots(this.db, [{ start: 0, end: size }], this.schema))[0]!;
  }

  async consistencyProof(fromSize: number, toSize: number): Promise<Buffer[]> {
    if (!Number.isSafeInteger(fromSize) || fromSize < 0) throw new JournalRangeError('fromSize', 'must be a tree size (an integer ≥ 0)');
    await this.checkSealed(toSize, 'toSize');
    if (fromSize > toSize) throw new JournalRangeError('fromSize', `must not exceed toSize (${toSize})`);
    return rangeRoots(this.db, consistencyRanges(fromSize, toSize), this.schema);
  }

  private async checkSealed(size: number, field: string): Promise<void> {
    if (!Number.isSafeInteger(size) || size < 0) throw new JournalRangeError(field, 'must be a tree size (an integer ≥ 0)');
    const sealed = await this.size();
    if (size > sealed) throw new JournalRangeError(field, `${size} exceeds the ${sealed} events sealed so far`);
  }
}
