import type { KeyObject } from 'node:crypto';
import type pg from 'pg';
import { LOG_START, type Checkpoint, type EventStore, type StoredEvent } from '#event-store';
import { currentLeafOf, recomputedCommitments } from './commitments.js';
import { TreeEdge } from '../domain/merkle-tree.js';
import { verifyTreeHead, type SignedTreeHead } from '../domain/signed-tree-head.js';
import { sealedLeaves, sealedSize } from './journal-tree.js';
import { SignedHeads } from './signed-heads.js';

/** The first place where the log and its journal disagree. */
export interface Discrepancy {
  /** 0-based place in the log's order (the leaf index). */
  leafIndex: number;
  /** The event found there now, if any. */
  eventId: string | null;
  globalPosition: string | null;
  reason: string;
}

export interface VerifyReport {
  valid: boolean;
  events: number;
  sealedLeaves: number;
  headsChecked: number;
  /** The first leaf whose event differs from what was sealed (changed, removed, inserted or moved). */
  firstDiscrepancy: Discrepancy | null;
  /** Signed heads that fail: a bad signature, or a root the events no longer give. */
  headProblems: string[];
}

const BATCH = 5000;

/**
 * 検証 — recomputes the journal from the stored events, in the log's order, and checks it against the
 * commitments made at commit (v2 events, sealed or not), what the sealer stored (every leaf) and what was
 * signed (every head: signature and root). Streams all three, so
 * memory stays O(log n) whatever the log's size.
 */
export async function verifyJournal(pool: pg.Pool, store: EventStore, publicKey: KeyObject, onProgress?: (events: number) => void): Promise<VerifyReport> {
  const heads = headStream(new SignedHeads(pool));
  const leaves = leafStream(pool);
  const edge = TreeEdge.empty();
  const report: VerifyReport = { valid: true, events: 0, sealedLeaves: await sealedSize(pool), headsChecked: 0, firstDiscrepancy: null, headProblems: [] };
  let head = await heads.next();
  let lastGoodHead = 0;
  const checkHeadsAt = async () => {
    while (!head.done && head.value.treeSize === edge.size) {
      const h = head.value;
      report.headsChecked++;
      const label = `signed head of size ${h.treeSize} (${h.timestamp.toISOString()})`;
      if (!verifyTreeHead(h, publicKey)) report.headProblems.push(`${label}: the signature does not verify under the journal's public key`);
      else if (!edge.root().equals(h.rootHash)) report.headProblems.push(`${label}: its root differs from the tree recomputed from the events (a change among leaves ${lastGoodHead}–${h.treeSize - 1})`);
      else lastGoodHead = h.treeSize;
      head = await heads.next();
    }
  };
  await checkHeadsAt();
  let after: Checkpoint = LOG_START;
  for (;;) {
    const events = await store.readAll({ after, maxCount: BATCH });
    if (events.length === 0) break;
    const commitments = await recomputedCommitments(store, events.map((e) => e.id));
    for (const event of events) {
      const index = edge.size;
      const { hash, problem } = currentLeafOf(event, commitments.get(event.id));
      const sealed = await leaves.next();
      if (!report.firstDiscrepancy) {
        if (!sealed.done && sealed.value.eventId !== event.id) report.firstDiscrepancy = discrepancy(index, event, `the sealed event here was ${sealed.value.eventId} (an event was removed, inserted or moved)`);
        else if (!sealed.done && !sealed.value.hash.equals(hash)) report.firstDiscrepancy = discrepancy(index, event, problem ?? 'the event differs from what was sealed (its content was changed)');
        else if (problem) report.firstDiscrepancy = discrepancy(index, event, `${problem}; it is not sealed yet`);
      }
      edge.append(hash);
      await checkHeadsAt();
    }
    report.events += events.length;
    onProgress?.(report.events);
    after = { transactionId: events.at(-1)!.transactionId, globalPosition: events.at(-1)!.globalPosition };
  }
  const missing = await leaves.next();
  if (!missing.done && !report.firstDiscrepancy) {
    report.firstDiscrepancy = { leafIndex: edge.size, eventId: null, globalPosition: null, reason: `event ${missing.value.eventId} was sealed here and is no longer in the log (removed)` };
  }
  for (; !head.done; head = await heads.next()) {
    report.headsChecked++;
    report.headProblems.push(`signed head of size ${head.value.treeSize} (${head.value.timestamp.toISOString()}): covers more events than the log holds (${edge.size})`);
  }
  report.valid = !report.firstDiscrepancy && report.headProblems.length === 0;
  return report;
}

function discrepancy(leafIndex: number, event: StoredEvent, reason: string): Discrepancy {
  return { leafIndex, eventId: event.id, globalPosition: event.globalPosition.toString(), reason };
}

async function* headStream(heads: SignedHeads): AsyncGenerator<SignedTreeHead> {
  let after = { treeSize: -1, id: '0' };
  for (;;) {
    const page = await heads.page(after, 1000);
    yield* page;
    if (page.length < 1000) return;
    after = { treeSize: page.at(-1)!.treeSize, id: page.at(-1)!.id };
  }
}

async function* leafStream(pool: pg.Pool): AsyncGenerator<{ eventId: string; hash: Buffer }> {
  for (let from = 0; ; from += BATCH) {
    const leaves = await sealedLeaves(pool, from, BATCH);
    yield* leaves;
    if (leaves.length < BATCH) return;
  }
}
