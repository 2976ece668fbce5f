import type { KeyObject } from 'node:crypto';
import type { SqlTransaction } from '#projections';
import { checkpointBody, type Checkpoint } from '../domain/checkpoint.js';
import { checkKeyName, parseNote, signNote, verifierKey } from '../domain/signed-note.js';
import { TILE_HEIGHT, TILE_WIDTH, entryBundle, tileWidthAt, type TileAddress } from '../domain/tile-path.js';
import { JOURNAL_TREE_SCHEMA, sealedSize } from './journal-tree.js';
import { SignedHeads } from './signed-heads.js';

/** Why a tile or bundle is not served: not in the tree yet, or (an entry bundle) of the v1 era. */
export class TileUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TileUnavailableError';
  }
}

/** HIMOTOKI_LOG_ORIGIN: the log's name in its checkpoints and its note key's name. */
export function logOriginFromEnv(env: NodeJS.ProcessEnv): string {
  return checkKeyName(env.HIMOTOKI_LOG_ORIGIN || 'himotoki.example/journal', 'HIMOTOKI_LOG_ORIGIN');
}

/**
 * 公開台帳 — the journal as a C2SP tiled transparency log: the newest signed head as a signed-note checkpoint
 * (the journal key, origin = the log's name), with the witnesses' cosignatures of it; tiles of the sealed
 * tree; entry bundles of the commitments. Every tile is one range read of stored rows: level 0 and the entries
 * from the leaves, level L from the stored subtrees of height 8·L.
 */
export class PublishedLog {
  private readonly heads: SignedHeads;
  private cached: { size: number; root: string; note: string } | undefined;
  readonly verifierKey: string;

  constructor(
    private readonly db: SqlTransaction,
    private readonly key: KeyObject,
    readonly origin: string,
  ) {
    this.heads = new SignedHeads(db);
    this.verifierKey = verifierKey(origin, key);
  }

  /** The newest signed head as a checkpoint, signed by the log; null before the first head. */
  async checkpoint(): Promise<{ checkpoint: Checkpoint; note: string } | null> {
    const head = await this.heads.latest();
    if (!head) return null;
    const checkpoint = { origin: this.origin, size: head.treeSize, rootHash: head.rootHash };
    const root = head.rootHash.toString('hex');
    // Ed25519 is deterministic: the same head always gives the same note; the cache only saves the signing.
    if (this.cached?.size !== head.treeSize || this.cached.root !== root) this.cached = { size: head.treeSize, root, note: signNote(checkpointBody(checkpoint), this.origin, this.key) };
    return { checkpoint, note: this.cached.note };
  }

  /** The checkpoint with every cosignature received for it (tlog-cosignature lines after the log's). */
  async cosignedCheckpoint(): Promise<string | null> {
    const signed = await this.checkpoint();
    if (!signed) return null;
    const { rows } = await this.db.query<{ line: string }>(`SELECT line FROM journal.cosignatures WHERE tree_size = $1 AND root_hash = $2 ORDER BY witness`, [signed.checkpoint.size, signed.checkpoint.rootHash]);
    return signed.note + rows.map((r) => r.line).join('');
  }

  /** A tile's bytes: `width` hashes of 32 bytes; only within the sealed tree. */
  async tile({ level, index, width }: TileAddress): Promise<Buffer> {
    const size = await sealedSize(this.db);
    if (level === 'entries') return this.entries(index, width, size);
    if (tileWidthAt(level, index, size) < width) throw new TileUnavailableError(`tile ${level}/${index} of width ${width} is beyond the ${size} leaves sealed so far`);
    if (level === 0) {
      // A level-0 tile is the first `width` hashes of its row of leaves.
      const { rows } = await this.db.query<{ hashes: Buffer }>(`SELECT substring(hashes FROM 1 FOR $2 * 32) AS hashes FROM ${JOURNAL_TREE_SCHEMA}.leaf_tiles WHERE tile_index = $1`, [index, width]);
      if (rows[0]?.hashes.length !== width * 32) throw new Error(`the journal lacks hashes of tile 0/${index}: rebuild it (himotoki rebuild --projection journal)`);
      return rows[0].hashes;
    }
    const from = index * TILE_WIDTH;
    const { rows } = await this.db.query<{ hash: Buffer }>(
      `SELECT hash FROM ${JOURNAL_TREE_SCHEMA}.nodes WHERE level = $1 AND node_index >= $2 AND node_index < $3 ORDER BY node_index`,
      [level * TILE_HEIGHT, from, from + width],
    );
    if (rows.length !== width) throw new Error(`the journal lacks hashes of tile ${level}/${index}: rebuild it (himotoki rebuild --projection journal)`);
    return Buffer.concat(rows.map((r) => r.hash));
  }

  private async entries(index: number, width: number, size: number): Promise<Buffer> {
    if (tileWidthAt(0, index, size) < width) throw new TileUnavailableError(`entry bundle ${index} of width ${width} is beyond the ${size} leaves sealed so far`);
    const { rows } = await this.db.query<{ entries: Buffer; v1_leaves: number[] }>(
      `SELECT substring(entries FROM 1 FOR $2 * 32) AS entries, v1_leaves FROM ${JOURNAL_TREE_SCHEMA}.leaf_tiles WHERE tile_index = $1`,
      [index, width],
    );
    if (rows[0]?.entries.length !== width * 32) throw new Error(`the journal lacks entries of tile 0/${index}: rebuild it (himotoki rebuild --projection journal)`);
    // A v1 leaf's entry is the event itself: never public; its hash is in the tiles all the same.
    if (rows[0].v1_leaves.some((at) => at < width)) throw new TileUnavailableError(`entry bundle ${index} holds leaves sealed before the commitments began (v1): their entries are the events themselves, given only beside a proof`);
    return entryBundle(Array.from({ length: width }, (_, i) => rows[0]!.entries.subarray(i * 32, i * 32 + 32)));
  }

  /** Stores a witness's cosignature line of a checkpoint (idempotent per witness and checkpoint). */
  async addCosignature(checkpoint: Checkpoint, witness: string, line: string): Promise<void> {
    parseNote(`${checkpointBody(checkpoint)}\n${line}`);
    await this.db.query(`INSERT INTO journal.cosignatures (tree_size, root_hash, witness, line) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [checkpoint.size, checkpoint.rootHash, witness, line]);
  }
}
