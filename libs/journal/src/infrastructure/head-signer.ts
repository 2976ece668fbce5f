import type pg from 'pg';
import type { KeyObject } from 'node:crypto';
import { signTreeHead, type SignedTreeHead } from '../domain/signed-tree-head.js';
import { JournalTree } from './journal-tree.js';
import { PeriodicLoop } from './periodic-loop.js';
import { SignedHeads } from './signed-heads.js';

export interface HeadSignerOptions {
  /** How often to look for growth and sign. */
  intervalMs?: number;
  /** Sign again at least this often even when nothing was sealed, so that a fresh head says "still here". */
  heartbeatMs?: number;
  /** The clock: injected by tests. */
  now?: () => Date;
}

/**
 * Signs tree heads (size, root, time) with the journal key: when the sealed tree grew, and as a heartbeat.
 * Outside the sealer's replay path, so the clock never enters the tree. It never signs a tree that does not
 * extend the last signed head: a rebuilt tree that forks from what was signed is an alarm, not a new head.
 */
export class HeadSigner {
  private readonly loop: PeriodicLoop;
  private readonly heartbeatMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly pool: pg.Pool,
    private readonly key: KeyObject,
    options: HeadSignerOptions = {},
    onError: (error: Error) => void = () => undefined,
  ) {
    this.loop = new PeriodicLoop(() => this.signIfDue(), options.intervalMs ?? 1000, onError);
    this.heartbeatMs = options.heartbeatMs ?? 60_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Signs the sealed tree if it grew or the newest head is older than the heartbeat; answers the head signed, if any. */
  async signIfDue(): Promise<SignedTreeHead | null> {
    const tree = new JournalTree(this.pool);
    const heads = new SignedHeads(this.pool);
    const [size, latest] = await Promise.all([tree.size(), heads.latest()]);
    const now = this.now();
    if (latest && size === latest.treeSize && now.getTime() - latest.timestamp.getTime() < this.heartbeatMs) return null;
    if (latest) {
      if (size < latest.treeSize) throw new Error(`the sealed tree (${size}) is smaller than the last signed head (${latest.treeSize}): not signing; run himotoki verify`);
      if (!(await tree.root(latest.treeSize)).equals(latest.rootHash)) {
        throw new Error(`the sealed tree no longer has the root signed at size ${latest.treeSize}: not signing; run himotoki verify`);
      }
    }
    const head = signTreeHead(this.key, size, await tree.root(size), now);
    await heads.add(head);
    return head;
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
