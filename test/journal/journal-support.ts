import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Database } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { LogInsider } from '#event-store-postgres/testing';
import { LOG_START } from '#event-store';
import { HeadSigner, JournalProofs, TreeEdge, currentLeafOf, journalProjection, loadJournalKey, recomputedCommitments } from '#journal';
import { ProjectionRunner } from '#projections';
import { subjectAppends } from '#synthetic-population';
import { openTestDatabase } from '../support/test-database.js';
import { TEST_FINGERPRINT_KEY } from '../support/test-runtime.js';

/** The id of the event `TAMPER_KINDS` inserts. */
export const FORGED_EVENT_ID = '6f1c2a3e-0000-4000-8000-00000000f0f0';

/** A log with its journal: the store, a sealer, a signer and proofs, over a fresh test database. */
export interface JournalFixture {
  db: Database;
  store: PostgresEventStore;
  key: KeyObject;
  publicKey: KeyObject;
  sealer: ProjectionRunner;
  signer: HeadSigner;
  proofs: JournalProofs;
  /** Appends the fast generator's subjects [from, to) (11 events each), one transaction per `perAppend` subjects. */
  appendSubjects(from: number, to: number, perAppend?: number): Promise<void>;
  /** Seals every stored event (waiting out transactions that hold the log back) and signs a head. */
  sealAndSign(): Promise<void>;
  close(): Promise<void>;
}

export async function openJournalFixture(db?: Database): Promise<JournalFixture> {
  const database = db ?? (await openTestDatabase());
  const store = new PostgresEventStore(database);
  const key = await loadJournalKey({ platformKey: TEST_FINGERPRINT_KEY });
  const sealer = new ProjectionRunner(database.pool, store, [journalProjection], 5000);
  // Heartbeat 0: every call signs, so tests control exactly which heads exist.
  const signer = new HeadSigner(database.pool, key, { heartbeatMs: 0 });
  return {
    db: database,
    store,
    key,
    publicKey: createPublicKey(key),
    sealer,
    signer,
    proofs: new JournalProofs(database.pool, store, key),
    async appendSubjects(from, to, perAppend = 100) {
      for (let n = from; n < to; n += perAppend) await store.appendToStreams(subjectAppends(n, Math.min(n + perAppend, to)));
    },
    async sealAndSign() {
      await sealedAll(database, () => sealer.catchUp());
      await signer.signIfDue();
    },
    async close() {
      await sealer.stop();
      await store.close();
      await database.close();
    },
  };
}

/**
 * Seals until every stored event is in the tree. On a shared PostgreSQL server another database's open
 * transaction holds back what readers see (the snapshot's xmin is the server's), so one catch-up may stop short.
 */
export async function sealedAll(db: Database, catchUp: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await catchUp();
    if ((await new LogInsider(db.pool).count()) === (await sealedCount(db))) return;
    if (Date.now() > deadline) throw new Error('the journal did not seal every event in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The sealed leaves as rows (leaf_index, event_id, hash, entry), read out of the tiles that store them: for a
 * test's SQL, `FROM ${SEALED_LEAVES}`.
 */
export const SEALED_LEAVES = `(SELECT t.tile_index * 256 + i AS leaf_index, encode(substring(t.event_ids FROM i * 16 + 1 FOR 16), 'hex')::uuid AS event_id,
    substring(t.hashes FROM i * 32 + 1 FOR 32) AS hash, CASE WHEN i <> ALL (t.v1_leaves) THEN substring(t.entries FROM i * 32 + 1 FOR 32) END AS entry
    FROM journal_tree.leaf_tiles t, generate_series(0, t.size - 1) AS i) leaves`;

/** How many leaves are sealed. */
export async function sealedCount(db: Database): Promise<number> {
  const { rows } = await db.pool.query(`SELECT coalesce(sum(size), 0) AS n FROM journal_tree.leaf_tiles`);
  return Number(rows[0].n);
}

/** The statement that rewrites a sealed leaf's hash or entry (SQL expressions of 32 bytes) in its tile, for `tamper`. */
export function rewriteLeaf(leafIndex: number, to: { hash?: string; entry?: string }): string {
  const place = (column: string, value: string, width: number) => `${column} = overlay(${column} PLACING (${value}) FROM ${(leafIndex % 256) * width + 1} FOR ${width})`;
  const sets = [to.hash && place('hashes', to.hash, 32), to.entry && place('entries', to.entry, 32)].filter(Boolean);
  return `UPDATE journal_tree.leaf_tiles SET ${sets.join(', ')} WHERE tile_index = ${Math.floor(leafIndex / 256)}`;
}

/** Runs SQL as a superuser with triggers off (session_replication_role = replica): how an insider would tamper. */
export async function tamper(db: Database, ...statements: string[]): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.query(`RESET session_replication_role`);
    client.release();
  }
}

/**
 * The leaf hashes of the log as it is now, in its order, and the root they give: computed apart from the
 * sealer, from the events as stored (v2 leaves from their commitments recomputed by the database).
 */
export async function recomputedRoot(store: PostgresEventStore, db: Database): Promise<{ size: number; root: Buffer }> {
  const edge = TreeEdge.empty();
  for (let after = LOG_START; ; ) {
    const events = await store.readAll({ after, maxCount: 10_000 });
    if (events.length === 0) return { size: edge.size, root: edge.root() };
    const commitments = await recomputedCommitments(store, events.map((e) => e.id));
    for (const event of events) edge.append(currentLeafOf(event, commitments.get(event.id)).hash);
    after = { transactionId: events.at(-1)!.transactionId, globalPosition: events.at(-1)!.globalPosition };
  }
}

/** The log's events in order, with their place (leaf index). */
export async function logOrder(db: Database): Promise<{ global_position: string; transaction_id: string; event_id: string }[]> {
  return new LogInsider(db.pool).logOrder();
}

export type LogOrder = Awaited<ReturnType<typeof logOrder>>;

/**
 * The ways an insider rewrites a sealed log of three transactions of 110 events (leaves 0–109, 110–219,
 * 220–329), past the immutability guard: the rewrite, the first leaf where the log now differs, and the index (in
 * the original order) of the event found there, if any.
 */
export const TAMPER_KINDS: [string, (o: LogOrder) => { rewrite: (log: LogInsider) => Promise<void>; at: number; eventOf: number | null }][] = [
  ['a changed payload', (o) => ({ rewrite: (log) => log.changePayload(o[150]!.global_position, { purpose: 'forged' }), at: 150, eventOf: 150 })],
  ['a deleted event', (o) => ({ rewrite: (log) => log.deleteEvent(o[42]!.global_position), at: 42, eventOf: 43 })],
  [
    'an inserted event',
    // Placed in the first transaction, after its last event: leaf 110 of the log as it now reads.
    (o) => ({
      rewrite: (log) => log.forge({ globalPosition: 900000000n, transactionId: o[109]!.transaction_id, streamId: 'forged', revision: 0, eventId: FORGED_EVENT_ID, type: 'Forged' }),
      at: 110,
      eventOf: null,
    }),
  ],
  [
    'two swapped events',
    // The last event of the first transaction and the first of the second trade places in the log's order.
    (o) => ({
      rewrite: (log) => log.swapPlaces(o[109]!, o[110]!),
      at: 109,
      eventOf: 110,
    }),
  ],
];
