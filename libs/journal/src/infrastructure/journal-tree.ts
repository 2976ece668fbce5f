import type { SqlTransaction } from '#projections';
import { TreeEdge, consistencyRanges, inclusionRanges, rangeRoot, rootHash, subtreesOf, type LeafRange, type Subtree } from '../domain/merkle-tree.js';

/** The projection's schema (a rebuild builds `journal_tree__rebuild` beside it and swaps it in). */
export const JOURNAL_TREE_SCHEMA = 'journal_tree';
/** Subtrees of 2^4 = 16 leaves and more are stored; smaller ones are rehashed from their leaves. */
export const LOWEST_STORED_LEVEL = 4;

/** Sealed leaves: the size of the journal's tree (leaves are written densely, in order). */
export async function sealedSize(db: SqlTransaction, schema = JOURNAL_TREE_SCHEMA): Promise<number> {
  const { rows } = await db.query<{ size: string }>(`SELECT coalesce(max(leaf_index) + 1, 0) AS size FROM ${schema}.leaves`);
  return Number(rows[0]!.size);
}

/** The roots of these perfect subtrees, in order: stored nodes, leaves, and small subtrees rehashed from leaves. */
export async function subtreeRoots(db: SqlTransaction, subtrees: readonly Subtree[], schema = JOURNAL_TREE_SCHEMA): Promise<Buffer[]> {
  const stored = subtrees.filter((s) => s.level >= LOWEST_STORED_LEVEL);
  const rehashed = subtrees.filter((s) => s.level < LOWEST_STORED_LEVEL);
  const leafIndexes = rehashed.flatMap((s) => Array.from({ length: 2 ** s.level }, (_, i) => s.index * 2 ** s.level + i));
  const [nodes, leaves] = await Promise.all([
    stored.length === 0
      ? { rows: [] }
      : db.query<{ level: number; node_index: string; hash: Buffer }>(
          `SELECT level, node_index, hash FROM ${schema}.nodes WHERE (level, node_index) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))`,
          [stored.map((s) => s.level), stored.map((s) => s.index)],
        ),
    leafIndexes.length === 0
      ? { rows: [] }
      : db.query<{ leaf_index: string; hash: Buffer }>(`SELECT leaf_index, hash FROM ${schema}.leaves WHERE leaf_index = ANY($1::bigint[])`, [leafIndexes]),
  ]);
  const nodeHashes = new Map(nodes.rows.map((r) => [`${r.level}/${r.node_index}`, r.hash]));
  const leafHashes = new Map(leaves.rows.map((r) => [Number(r.leaf_index), r.hash]));
  return subtrees.map((s) => {
    if (s.level >= LOWEST_STORED_LEVEL) {
      const hash = nodeHashes.get(`${s.level}/${s.index}`);
      if (!hash) throw new Error(`the journal lacks its subtree ${s.level}/${s.index}: rebuild it (himotoki rebuild --projection journal)`);
      return hash;
    }
    const start = s.index * 2 ** s.level;
    const hashes = Array.from({ length: 2 ** s.level }, (_, i) => leafHashes.get(start + i));
    if (hashes.some((h) => !h)) throw new Error(`the journal lacks leaves from ${start}: rebuild it (himotoki rebuild --projection journal)`);
    return rootHash(hashes as Buffer[]);
  });
}

/** The roots of leaf ranges (the hashes of a proof), with one read of the rows they need. */
export async function rangeRoots(db: SqlTransaction, ranges: readonly LeafRange[], schema = JOURNAL_TREE_SCHEMA): Promise<Buffer[]> {
  const pieces = ranges.map((r) => subtreesOf(r));
  const roots = await subtreeRoots(db, pieces.flat(), schema);
  let at = 0;
  return pieces.map((p) => rangeRoot(roots.slice(at, (at += p.length))));
}

/** The right edge of the sealed tree, to extend it. */
export async function loadEdge(db: SqlTransaction, schema = JOURNAL_TREE_SCHEMA): Promise<TreeEdge> {
  const size = await sealedSize(db, schema);
  return TreeEdge.of(size, await subtreeRoots(db, subtreesOf({ start: 0, end: size }), schema));
}

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

  /** An event's leaf: its index in the tree and its hash; null while the event is not sealed. */
  async leafOf(eventId: string): Promise<{ leafIndex: number; hash: Buffer } | null> {
    const { rows } = await this.db.query<{ leaf_index: string; hash: Buffer }>(`SELECT leaf_index, hash FROM ${this.schema}.leaves WHERE event_id = $1`, [eventId]);
    return rows[0] ? { leafIndex: Number(rows[0].leaf_index), hash: rows[0].hash } : null;
  }

  async root(size: number, field = 'size'): Promise<Buffer> {
    await this.checkSealed(size, field);
    return (await rangeRoots(this.db, [{ start: 0, end: size }], this.schema))[0]!;
  }

  async inclusionProof(leafIndex: number, size: number): Promise<Buffer[]> {
    await this.checkSealed(size, 'treeSize');
    if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= size) throw new JournalRangeError('leafIndex', `leaf ${leafIndex} is not in the tree of ${size}`);
    return rangeRoots(this.db, inclusionRanges(leafIndex, size), this.schema);
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
