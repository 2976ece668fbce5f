import type { StoredEvent } from '#event-store';
import type { Projection, SqlTransaction } from '#projections';
import { sealedLeafOf } from './commitments.js';
import { JOURNAL_TREE_SCHEMA, LOWEST_STORED_LEVEL, loadEdge } from './journal-tree.js';

/** The placeholder entry of a v1 leaf in the entries parameter (stored as null). */
const ZERO = Buffer.alloc(32);

/**
 * 封緘 — the sealer: extends the journal's Merkle tree with every event, in the log's order, as a projection
 * (its checkpoint in the same transaction, restart from where it stopped, blue-green rebuild). It combines
 * the commitments made when the events were appended (v2), read without the events' data and metadata, and
 * keeps them as the leaves' entries; only events older than those are read whole, to hash their v1 leaf here. Deterministic: a function
 * of the events and their commitments; signing, which needs the clock, is the head signer's, outside replay.
 */
export const journalProjection: Projection = {
  name: 'journal',
  schema: JOURNAL_TREE_SCHEMA,
  tables: ['leaves', 'nodes'],
  readsLogAsWritten: true,
  readsCommitmentsOnly: true,
  async apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void> {
    const edge = await loadEdge(tx, schema);
    const first = edge.size;
    const leaves: Buffer[] = [];
    const nodes: { level: number; index: number; hash: Buffer }[] = [];
    for (const event of events) {
      const leaf = sealedLeafOf(event);
      leaves.push(leaf);
      for (const node of edge.append(leaf)) if (node.level >= LOWEST_STORED_LEVEL) nodes.push(node);
    }
    // Hashes travel as one binary parameter, cut into 32-byte pieces by the server: far cheaper than a bytea[] literal.
    // So do the entries (a v1 leaf has none: its entry would be the event itself), with a flag each.
    await tx.query(
      `INSERT INTO ${schema}.leaves (leaf_index, event_id, hash, entry)
       SELECT $1::bigint + i - 1, e, substring($3::bytea FROM (i - 1)::int * 32 + 1 FOR 32),
              CASE WHEN c THEN substring($5::bytea FROM (i - 1)::int * 32 + 1 FOR 32) END
         FROM unnest($2::uuid[], $4::boolean[]) WITH ORDINALITY AS t(e, c, i)`,
      [first, events.map((e) => e.id), Buffer.concat(leaves), events.map((e) => e.commitment !== undefined), Buffer.concat(events.map((e) => e.commitment ?? ZERO))],
    );
    if (nodes.length > 0) {
      await tx.query(
        `INSERT INTO ${schema}.nodes (level, node_index, hash)
         SELECT l, n, substring($3::bytea FROM (i - 1)::int * 32 + 1 FOR 32) FROM unnest($1::smallint[], $2::bigint[]) WITH ORDINALITY AS t(l, n, i)`,
        [nodes.map((n) => n.level), nodes.map((n) => n.index), Buffer.concat(nodes.map((n) => n.hash))],
      );
    }
  },
};
