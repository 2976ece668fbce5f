import type { SqlTransaction } from '#projections';
import type { SignedTreeHead } from '../domain/signed-tree-head.js';

interface HeadRow extends Record<string, unknown> {
  tree_size: string;
  root_hash: Buffer;
  signed_at: Date;
  key_id: string;
  signature: Buffer;
}

const COLUMNS = `tree_size, root_hash, signed_at, key_id, signature`;
const toHead = (row: HeadRow): SignedTreeHead => ({
  treeSize: Number(row.tree_size),
  rootHash: row.root_hash,
  timestamp: row.signed_at,
  keyId: row.key_id,
  signature: row.signature,
});

/** Every signed tree head, kept (append-only) so that `himotoki verify` can check each against the log. */
export class SignedHeads {
  constructor(private readonly db: SqlTransaction) {}

  async add(head: SignedTreeHead): Promise<void> {
    await this.db.query(`INSERT INTO journal.signed_heads (${COLUMNS}) VALUES ($1, $2, $3, $4, $5)`, [
      head.treeSize,
      head.rootHash,
      head.timestamp,
      head.keyId,
      head.signature,
    ]);
  }

  async latest(): Promise<SignedTreeHead | null> {
    const { rows } = await this.db.query<HeadRow>(`SELECT ${COLUMNS} FROM journal.signed_heads ORDER BY signed_at DESC, id DESC LIMIT 1`);
    return rows[0] ? toHead(rows[0]) : null;
  }

  /** The newest head signed at exactly this size, if any. */
  async ofSize(size: number): Promise<SignedTreeHead | null> {
    const { rows } = await this.db.query<HeadRow>(`SELECT ${COLUMNS} FROM journal.signed_heads WHERE tree_size = $1 ORDER BY signed_at DESC, id DESC LIMIT 1`, [size]);
    return rows[0] ? toHead(rows[0]) : null;
  }

  /** Heads by size, a page at a time after (size, id): for a verifier walking the log once. */
  async page(after: { treeSize: number; id: string }, limit: number): Promise<(SignedTreeHead & { id: string })[]> {
    const { rows } = await this.db.query<HeadRow & { id: string }>(
      `SELECT id, ${COLUMNS} FROM journal.signed_heads WHERE (tree_size, id) > ($1, $2) ORDER BY tree_size, id LIMIT $3`,
      [after.treeSize, after.id, limit],
    );
    return rows.map((row) => ({ ...toHead(row), id: String(row.id) }));
  }
}
