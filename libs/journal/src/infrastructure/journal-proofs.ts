import type { KeyObject } from 'node:crypto';
import type pg from 'pg';
import type { EventStore, StoredEvent } from '#event-store';
import { journalLeaf, openingCommitment } from '../domain/journal-leaf.js';
import { PROOF_FORMAT, PROOF_FORMAT_V2, headJson, type ConsistencyDocument, type HeadDocument, type InclusionDocument } from '../domain/proof-document.js';
import { openingOf } from './commitments.js';
import { publicKeyPem } from './journal-key.js';
import { JournalRangeError, JournalTree } from './journal-tree.js';
import { SignedHeads } from './signed-heads.js';

/** Why a proof cannot be given yet (nothing signed, or the event not sealed under a signed head). */
export class JournalNotReadyError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'JournalNotReadyError';
  }
}

/** Proofs as exportable documents (see `proof-document.ts`), for the API and the CLI alike. */
export class JournalProofs {
  private readonly tree: JournalTree;
  private readonly heads: SignedHeads;
  readonly publicKey: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: EventStore,
    key: KeyObject,
  ) {
    this.tree = new JournalTree(pool);
    this.heads = new SignedHeads(pool);
    this.publicKey = publicKeyPem(key);
  }

  sealedSize(): Promise<number> {
    return this.tree.size();
  }

  /** The newest signed head as a document; null until the signer (with the server or himotoki project) signs one. */
  async head(): Promise<HeadDocument | null> {
    const head = await this.heads.latest();
    return head && { format: PROOF_FORMAT, kind: 'head', publicKey: this.publicKey, head: headJson(head) };
  }

  /** The stored event itself, read through the store's port (the leaf is built from what readers see). */
  async event(eventId: string): Promise<StoredEvent | null> {
    const [event] = await this.store.readEvents([eventId]);
    return event ?? null;
  }

  /** That the event is in the journal, under the newest signed head (or the one of `treeSize`). */
  async inclusion(eventId: string, treeSize?: number): Promise<InclusionDocument> {
    if (treeSize !== undefined && (!Number.isSafeInteger(treeSize) || treeSize < 0)) throw new JournalRangeError('treeSize', 'must be a tree size (an integer ≥ 0)');
    // Each read is a round trip and a person waits for the proof: those that need only the id go out together,
    // then the leaf and its path are one statement (a signed head's size is sealed, so it is not checked again).
    const [event, head, opening] = await Promise.all([this.event(eventId), treeSize === undefined ? this.heads.latest() : this.heads.ofSize(treeSize), openingOf(this.store, eventId)]);
    const notSealed = () => new JournalNotReadyError(`event ${eventId} is not sealed in the journal yet`);
    if (!event) throw notSealed();
    if (!head) {
      if (!(await this.tree.leafOf(event))) throw notSealed();
      throw new JournalRangeError('treeSize', treeSize === undefined ? 'no tree head has been signed yet' : `no head was signed at size ${treeSize}`);
    }
    const leaf = await this.tree.inclusionOf(event, head.treeSize);
    if (!leaf) throw notSealed();
    const auditPath = leaf.auditPath;
    if (!auditPath) throw new JournalNotReadyError(`event ${eventId} is sealed at leaf ${leaf.leafIndex}, after the signed head of size ${head.treeSize}: ask again after the next head`);
    return {
      format: opening === null ? PROOF_FORMAT : PROOF_FORMAT_V2,
      kind: 'inclusion',
      publicKey: this.publicKey,
      head: headJson(head),
      leafIndex: leaf.leafIndex,
      leaf: opening ?? journalLeaf(event),
      ...(opening === null ? {} : { entry: openingCommitment(opening).toString('hex') }),
      leafHash: leaf.hash.toString('hex'),
      auditPath: auditPath.map((h) => h.toString('hex')),
    };
  }

  /** That the tree of `toSize` extends the tree of `fromSize`, with the heads signed at those sizes. */
  async consistency(fromSize: number, toSize: number): Promise<ConsistencyDocument> {
    const proof = await this.tree.consistencyProof(fromSize, toSize);
    const [fromRoot, toRoot, fromHead, toHead] = await Promise.all([this.tree.root(fromSize, 'fromSize'), this.tree.root(toSize, 'toSize'), this.heads.ofSize(fromSize), this.heads.ofSize(toSize)]);
    return {
      format: PROOF_FORMAT,
      kind: 'consistency',
      publicKey: this.publicKey,
      fromSize,
      toSize,
      fromRoot: fromRoot.toString('hex'),
      toRoot: toRoot.toString('hex'),
      proof: proof.map((h) => h.toString('hex')),
      fromHead: fromHead && headJson(fromHead),
      toHead: toHead && headJson(toHead),
    };
  }
}
