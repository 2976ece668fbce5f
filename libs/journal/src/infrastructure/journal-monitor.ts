import { randomInt } from 'node:crypto';
import { LOG_START, type Checkpoint, type EventStore } from '#event-store';
import type { SqlTransaction } from '#projections';
import { commitmentLeafHash } from '../domain/journal-leaf.js';
import { commitmentStart, currentLeafOf, recomputedCommitments, uncommittedEvents } from './commitments.js';
import { sealedLeaves, sealedLeavesAt, sealedSize } from './journal-tree.js';
import type { Discrepancy } from './journal-verifier.js';
import { PeriodicLoop } from './periodic-loop.js';

export interface MonitorOptions {
  /** Pause between passes. */
  intervalMs?: number;
  /** Sealed leaves checked in order per pass, at most. */
  leavesPerPass?: number;
  /** Old leaves re-checked at random per pass (all of them while there are fewer). */
  sample?: number;
}

export interface MonitorStatus {
  /** 'mismatch' once any stored event no longer gives its sealed leaf: readiness fails until an operator acts. */
  state: 'starting' | 'ok' | 'mismatch';
  /** Leaves checked in order so far (the monitor's place in the tree). */
  checkedLeaves: number;
  /** Sealed leaves not yet checked in order at the end of the last pass: after a start, the walk still to go. */
  behindLeaves: number;
  sampledLeaves: number;
  passes: number;
  lastPassAt: Date | null;
  mismatch: Discrepancy | null;
}

const BATCH = 2000;

/** HIMOTOKI_JOURNAL_MONITOR_INTERVAL_MS and HIMOTOKI_JOURNAL_MONITOR_SAMPLE (old leaves re-checked a pass). */
export function monitorOptionsFromEnv(env: NodeJS.ProcessEnv): MonitorOptions {
  const number = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be an integer ≥ 0, got "${value}"`);
    return n;
  };
  return { intervalMs: number('HIMOTOKI_JOURNAL_MONITOR_INTERVAL_MS', 1000), sample: number('HIMOTOKI_JOURNAL_MONITOR_SAMPLE', 64) };
}

/**
 * 監視 — re-hashes the stored events against their sealed leaves, continuously: each pass extends the check
 * in the log's order over newly sealed leaves, re-checks a random sample of older ones, and looks for events
 * appended without a commitment (the triggers turned off). The first mismatch is kept and reported (health,
 * metrics) with its leaf; the monitor goes on, so later ones are not hidden by a restart.
 */
export class JournalMonitor {
  private after: Checkpoint = LOG_START;
  private lastUncommittedPosition = 0n;
  /** The highest global position walked in order: stray events are looked for beyond the last scan only. */
  private walkedPosition = 0n;
  /** Read on the first pass that looks for stray events, and kept: it never changes after its migration. */
  private commitmentStart: bigint | undefined;
  private readonly loop: PeriodicLoop;
  private readonly current: MonitorStatus = { state: 'starting', checkedLeaves: 0, behindLeaves: 0, sampledLeaves: 0, passes: 0, lastPassAt: null, mismatch: null };
  private readonly leavesPerPass: number;
  private readonly sample: number;

  constructor(
    private readonly db: SqlTransaction,
    private readonly store: EventStore,
    options: MonitorOptions = {},
    private readonly onMismatch: (mismatch: Discrepancy) => void = () => undefined,
  ) {
    this.loop = new PeriodicLoop(() => this.pass(), options.intervalMs ?? 1000);
    this.leavesPerPass = options.leavesPerPass ?? 20_000;
    this.sample = options.sample ?? 64;
  }

  status(): MonitorStatus {
    return { ...this.current };
  }

  /** One pass: in order up to the sealed size (within the pass's budget), then the sample, then stray events. */
  async pass(): Promise<MonitorStatus> {
    const sealed = await sealedSize(this.db);
    for (let budget = this.leavesPerPass; budget > 0 && this.current.checkedLeaves < sealed; ) {
      const want = Math.min(BATCH, budget, sealed - this.current.checkedLeaves);
      const checked = await this.checkInOrder(want);
      if (checked === 0) break;
      budget -= checked;
    }
    this.current.behindLeaves = Math.max(0, sealed - this.current.checkedLeaves);
    await this.checkSample();
    await this.checkUncommitted();
    this.current.passes++;
    this.current.lastPassAt = new Date();
    if (this.current.state === 'starting') this.current.state = 'ok';
    return this.status();
  }

  private report(mismatch: Discrepancy): void {
    if (this.current.mismatch) return;
    this.current.mismatch = mismatch;
    this.current.state = 'mismatch';
    this.onMismatch(mismatch);
  }

  private async checkInOrder(want: number): Promise<number> {
    const from = this.current.checkedLeaves;
    const [events, leaves] = await Promise.all([
      this.store.readAll({ after: this.after, maxCount: want }),
      sealedLeaves(this.db, from, want),
    ]);
    const commitments = await recomputedCommitments(this.store, events.map((e) => e.id));
    const n = Math.min(events.length, leaves.length);
    for (let i = 0; i < n; i++) {
      const event = events[i]!;
      const leaf = leaves[i]!;
      const where = { leafIndex: from + i, eventId: event.id, globalPosition: event.globalPosition.toString() };
      if (leaf.eventId !== event.id) this.report({ ...where, reason: `the sealed event here was ${leaf.eventId} (an event was removed, inserted or moved)` });
      else {
        const { hash, problem } = currentLeafOf(event, commitments.get(event.id));
        if (!hash.equals(leaf.hash)) this.report({ ...where, reason: problem ?? 'the event differs from what was sealed (its content was changed)' });
      }
    }
    if (n === 0 && leaves.length > 0) {
      this.report({ leafIndex: from, eventId: null, globalPosition: null, reason: `event ${leaves[0]!.eventId} was sealed here and is no longer in the log (removed)` });
    }
    if (n > 0) this.after = { transactionId: events[n - 1]!.transactionId, globalPosition: events[n - 1]!.globalPosition };
    for (const event of events.slice(0, n)) if (event.globalPosition > this.walkedPosition) this.walkedPosition = event.globalPosition;
    this.current.checkedLeaves += n;
    return n;
  }

  /** Older leaves at random: a v2 leaf against its event recomputed by the database; a v1 leaf only for its event's presence. */
  private async checkSample(): Promise<void> {
    const checked = this.current.checkedLeaves;
    if (checked === 0 || this.sample === 0) return;
    const indexes = checked <= this.sample ? Array.from({ length: checked }, (_, i) => i) : [...new Set(Array.from({ length: this.sample }, () => randomInt(checked)))];
    const rows = await sealedLeavesAt(this.db, indexes);
    const commitments = await recomputedCommitments(this.store, rows.map((r) => r.eventId));
    for (const row of rows) {
      const found = commitments.get(row.eventId);
      const where = { leafIndex: row.leafIndex, eventId: row.eventId, globalPosition: null };
      if (!found?.eventFound) this.report({ ...where, reason: 'the event sealed here is no longer in the log (removed)' });
      else if (found.committed) {
        if (!commitmentLeafHash(found.recomputed!).equals(row.hash)) this.report({ ...where, reason: 'the event differs from what was sealed (its content was changed)' });
      }
    }
    this.current.sampledLeaves += rows.length;
  }

  private async checkUncommitted(): Promise<void> {
    this.commitmentStart ??= await commitmentStart(this.db);
    const [stray] = await uncommittedEvents(this.store, this.commitmentStart, this.lastUncommittedPosition, 1);
    if (stray) this.report({ leafIndex: -1, eventId: stray.eventId, globalPosition: stray.globalPosition.toString(), reason: 'this event has no commitment: it was inserted with the triggers off, outside every writer' });
    // Nothing stray up to what was walked: the next scan starts there, so a pass never rereads the whole log.
    else this.lastUncommittedPosition = this.walkedPosition;
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
