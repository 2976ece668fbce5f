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
  /** Old leaves re-walked in order per pass once the walk has caught up (the sweep), at most; 0 turns it off. */
  sweepPerPass?: number;
  /** Old leaves re-checked at random per pass (all of them while there are fewer). */
  sample?: number;
  /** Keep the monitor's place in the database and resume from it after a start (false: walk from leaf 0). */
  keepPlace?: boolean;
}

export interface MonitorStatus {
  /** 'mismatch' once any stored event no longer gives its sealed leaf: readiness fails until an operator acts. */
  state: 'starting' | 'ok' | 'mismatch';
  /** Leaves checked in order so far (the walk's place in the tree). */
  checkedLeaves: number;
  /** Sealed leaves not yet checked in order at the end of the last pass: after a start, the walk still to go. */
  behindLeaves: number;
  /** The sweep's place: leaves the walk had checked, re-walked in order again from leaf 0, over and over. */
  sweptLeaves: number;
  /** Sweeps completed, each over every leaf the walk had checked when it began. */
  sweeps: number;
  /** The leaf the walk resumed from at this start (its place kept in the database), 0 when it began at the start. */
  resumedAt: number;
  sampledLeaves: number;
  passes: number;
  lastPassAt: Date | null;
  mismatch: Discrepancy | null;
}

const BATCH = 2000;

/**
 * HIMOTOKI_JOURNAL_MONITOR_INTERVAL_MS, HIMOTOKI_JOURNAL_MONITOR_SAMPLE (old leaves re-checked a pass),
 * HIMOTOKI_JOURNAL_MONITOR_SWEEP (old leaves re-walked in order a pass) and HIMOTOKI_JOURNAL_MONITOR_KEEP_PLACE.
 */
export function monitorOptionsFromEnv(env: NodeJS.ProcessEnv): MonitorOptions {
  const number = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be an integer ≥ 0, got "${value}"`);
    return n;
  };
  const keepPlace = env.HIMOTOKI_JOURNAL_MONITOR_KEEP_PLACE ?? 'true';
  if (keepPlace !== 'true' && keepPlace !== 'false') throw new Error(`HIMOTOKI_JOURNAL_MONITOR_KEEP_PLACE must be true or false, got "${keepPlace}"`);
  return {
    intervalMs: number('HIMOTOKI_JOURNAL_MONITOR_INTERVAL_MS', 1000),
    sample: number('HIMOTOKI_JOURNAL_MONITOR_SAMPLE', 64),
    sweepPerPass: number('HIMOTOKI_JOURNAL_MONITOR_SWEEP', BATCH),
    keepPlace: keepPlace === 'true',
  };
}

/** A walk in the log's order over the sealed leaves: the leaves before `leaf` are checked; `after` is the last one's event. */
interface Walk {
  leaf: number;
  after: Checkpoint;
  lastEventId: string | null;
}

const fromTheStart = (): Walk => ({ leaf: 0, after: LOG_START, lastEventId: null });

type PlaceRow = {
  walk_leaf: string;
  walk_transaction_id: string;
  walk_position: string;
  walk_event_id: string | null;
  sweep_leaf: string;
  sweep_transaction_id: string;
  sweep_position: string;
  sweep_event_id: string | null;
  sweeps: string;
  walked_position: string;
  uncommitted_position: string;
  mismatch: Discrepancy | null;
};

const walkOf = (leaf: string, transactionId: string, position: string, eventId: string | null): Walk => ({
  leaf: Number(leaf),
  after: { transactionId: BigInt(transactionId), globalPosition: BigInt(position) },
  lastEventId: eventId,
});

/**
 * 監視 — re-hashes the stored events against their sealed leaves, continuously: each pass extends the walk in
 * the log's order over newly sealed leaves, sweeps once more in order over older ones (so an event inserted or
 * moved among them is found, which no sample can), re-checks a random sample of older ones, and looks for events
 * appended without a commitment (the triggers turned off). Its place is kept in the database, so a start resumes
 * it rather than re-walking the whole tree. The first mismatch is kept (there too) and reported (health,
 * metrics) with its leaf; the monitor goes on. A start that finds a mismatch kept walks again from leaf 0 and
 * clears it only once that walk has reached every sealed leaf and found nothing.
 */
export class JournalMonitor {
  private walk: Walk = fromTheStart();
  private sweep: Walk = fromTheStart();
  /** Where the sweep under way ends: the walk's place when it began, so that leaves sealed meanwhile cannot outrun it. */
  private sweepEnd = 0;
  /** Set by a clean walk that clears a kept mismatch: the next save may write the place without it. */
  private clearKept = false;
  private lastUncommittedPosition = 0n;
  /** The highest global position walked in order: stray events are looked for beyond the last scan only. */
  private walkedPosition = 0n;
  /** Read on the first pass that looks for stray events, and kept: it never changes after its migration. */
  private commitmentStart: bigint | undefined;
  private resumed = false;
  /** A mismatch kept from before this start, cleared by a clean walk from leaf 0. */
  private clearedByCleanWalk = false;
  private foundSinceStart = false;
  private readonly loop: PeriodicLoop;
  private readonly current: MonitorStatus = { state: 'starting', checkedLeaves: 0, behindLeaves: 0, sweptLeaves: 0, sweeps: 0, resumedAt: 0, sampledLeaves: 0, passes: 0, lastPassAt: null, mismatch: null };
  private readonly leavesPerPass: number;
  private readonly sweepPerPass: number;
  private readonly sample: number;
  private readonly keepPlace: boolean;

  constructor(
    private readonly db: SqlTransaction,
    private readonly store: EventStore,
    options: MonitorOptions = {},
    private readonly onMismatch: (mismatch: Discrepancy) => void = () => undefined,
  ) {
    this.loop = new PeriodicLoop(() => this.pass(), options.intervalMs ?? 1000);
    this.leavesPerPass = options.leavesPerPass ?? 20_000;
    this.sweepPerPass = options.sweepPerPass ?? BATCH;
    this.sample = options.sample ?? 64;
    this.keepPlace = options.keepPlace ?? true;
  }

  status(): MonitorStatus {
    return { ...this.current };
  }

  /** One pass: in order up to the sealed size (within the pass's budget), the sweep, the sample, then stray events. */
  async pass(): Promise<MonitorStatus> {
    if (!this.resumed) {
      if (this.keepPlace) await this.resume();
      this.resumed = true;
    }
    const sealed = await sealedSize(this.db);
    for (let budget = this.leavesPerPass; budget > 0 && this.walk.leaf < sealed; ) {
      const checked = await this.checkInOrder(this.walk, Math.min(BATCH, budget, sealed - this.walk.leaf));
      if (checked === 0) break;
      budget -= checked;
    }
    this.current.checkedLeaves = this.walk.leaf;
    this.current.behindLeaves = Math.max(0, sealed - this.walk.leaf);
    await this.sweepOn();
    await this.checkSample();
    await this.checkUncommitted();
    if (this.clearedByCleanWalk && this.current.behindLeaves === 0 && !this.foundSinceStart) {
      this.clearedByCleanWalk = false;
      this.clearKept = true;
      this.current.mismatch = null;
      this.current.state = 'ok';
    }
    this.current.passes++;
    this.current.lastPassAt = new Date();
    if (this.current.state === 'starting') this.current.state = 'ok';
    if (this.keepPlace) await this.save();
    return this.status();
  }

  private report(mismatch: Discrepancy): void {
    this.foundSinceStart = true;
    if (this.current.mismatch) return;
    this.current.mismatch = mismatch;
    this.current.state = 'mismatch';
    this.onMismatch(mismatch);
  }

  /**
   * The sweep goes on in order up to where the walk was when it began; having reached that, it begins again at
   * leaf 0 on the next pass, up to where the walk is then.
   */
  private async sweepOn(): Promise<void> {
    if (this.sweep.leaf === 0) this.sweepEnd = this.walk.leaf;
    for (let budget = this.sweepPerPass; budget > 0 && this.sweepEnd > 0; ) {
      if (this.sweep.leaf >= this.sweepEnd) {
        this.current.sweeps++;
        this.sweep = fromTheStart();
        break;
      }
      const checked = await this.checkInOrder(this.sweep, Math.min(BATCH, budget, this.sweepEnd - this.sweep.leaf));
      if (checked === 0) break;
      budget -= checked;
    }
    this.current.sweptLeaves = this.sweep.leaf;
  }

  /** The walk's and the sweep's places as kept, each where it still names the leaf and event it was at; a kept mismatch. */
  private async resume(): Promise<void> {
    const { rows } = await this.db.query<PlaceRow>(
      `SELECT walk_leaf, walk_transaction_id::text, walk_position, walk_event_id, sweep_leaf, sweep_transaction_id::text, sweep_position, sweep_event_id,
              sweeps, walked_position, uncommitted_position, mismatch
         FROM journal.monitor_place`,
    );
    const place = rows[0];
    if (!place) return;
    this.current.sweeps = Number(place.sweeps);
    if (place.mismatch) {
      // Found before this start: readiness stays failed, and everything is walked again before it may clear.
      this.clearedByCleanWalk = true;
      this.current.mismatch = place.mismatch;
      this.current.state = 'mismatch';
      this.onMismatch(place.mismatch);
      return;
    }
    const walk = walkOf(place.walk_leaf, place.walk_transaction_id, place.walk_position, place.walk_event_id);
    const sweep = walkOf(place.sweep_leaf, place.sweep_transaction_id, place.sweep_position, place.sweep_event_id);
    const leaves = new Map((await sealedLeavesAt(this.db, [walk.leaf - 1, sweep.leaf - 1].filter((i) => i >= 0))).map((l) => [l.leafIndex, l.eventId]));
    const holds = (w: Walk) => w.leaf === 0 || leaves.get(w.leaf - 1) === w.lastEventId;
    if (!holds(walk)) return;
    this.walk = walk;
    this.walkedPosition = BigInt(place.walked_position);
    this.lastUncommittedPosition = BigInt(place.uncommitted_position);
    this.current.resumedAt = this.current.checkedLeaves = walk.leaf;
    if (holds(sweep) && sweep.leaf <= walk.leaf) [this.sweep, this.sweepEnd] = [sweep, walk.leaf];
    this.current.sweptLeaves = this.sweep.leaf;
  }

  /** The place, and the mismatch: one kept stays kept, whichever monitor saves, until a clean walk from leaf 0 clears it. */
  private async save(): Promise<void> {
    const { walk, sweep } = this;
    await this.db.query(
      `INSERT INTO journal.monitor_place AS p (singleton, walk_leaf, walk_transaction_id, walk_position, walk_event_id, sweep_leaf, sweep_transaction_id, sweep_position, sweep_event_id,
                                               sweeps, walked_position, uncommitted_position, mismatch, saved_at)
       VALUES (true, $1, $2::text::xid8, $3, $4, $5, $6::text::xid8, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (singleton) DO UPDATE SET walk_leaf = excluded.walk_leaf, walk_transaction_id = excluded.walk_transaction_id, walk_position = excluded.walk_position,
         walk_event_id = excluded.walk_event_id, sweep_leaf = excluded.sweep_leaf, sweep_transaction_id = excluded.sweep_transaction_id, sweep_position = excluded.sweep_position,
         sweep_event_id = excluded.sweep_event_id, sweeps = excluded.sweeps, walked_position = excluded.walked_position, uncommitted_position = excluded.uncommitted_position,
         mismatch = CASE WHEN $13 THEN excluded.mismatch ELSE coalesce(excluded.mismatch, p.mismatch) END, saved_at = excluded.saved_at`,
      [
        walk.leaf,
        walk.after.transactionId.toString(),
        walk.after.globalPosition.toString(),
        walk.lastEventId,
        sweep.leaf,
        sweep.after.transactionId.toString(),
        sweep.after.globalPosition.toString(),
        sweep.lastEventId,
        this.current.sweeps,
        this.walkedPosition.toString(),
        this.lastUncommittedPosition.toString(),
        this.current.mismatch && JSON.stringify(this.current.mismatch),
        this.clearKept,
      ],
    );
    this.clearKept = false;
  }

  private async checkInOrder(walk: Walk, want: number): Promise<number> {
    const from = walk.leaf;
    const [events, leaves] = await Promise.all([
      this.store.readAll({ after: walk.after, maxCount: want }),
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
    if (n > 0) {
      const last = events[n - 1]!;
      walk.after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
      walk.lastEventId = last.id;
    }
    for (const event of events.slice(0, n)) if (event.globalPosition > this.walkedPosition) this.walkedPosition = event.globalPosition;
    walk.leaf += n;
    return n;
  }

  /** Older leaves at random: a v2 leaf against its event recomputed by the database; a v1 leaf only for its event's presence. */
  private async checkSample(): Promise<void> {
    const checked = this.walk.leaf;
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
