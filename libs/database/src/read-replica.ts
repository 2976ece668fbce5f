import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { PrimaryWrites } from './primary-writes.js';
import { openPool } from './lost-connections.js';

/** How long a read waits for the replica to replay what this process wrote before it reads the primary instead. */
export const DEFAULT_REPLICA_WAIT_MS = 500;
/** How often a waiting read asks the replica how far it has replayed (one question for every waiting read). */
const REPLAY_POLL_MS = 2;
const CONNECT_TIMEOUT_MS = 2_000;

/**
 * A replica is a server in recovery. Its replay position alone does not tell: a primary that went through crash
 * recovery (or a promoted standby) keeps answering pg_last_wal_replay_lsn() with where its recovery ended.
 */
const NOT_A_REPLICA = 'the read database is not a streaming replica (pg_is_in_recovery() is false)';

/** A WAL position (`16/B374D848`) as a byte offset. */
export function lsnBytes(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** How far the replica is behind the primary, for /health and /metrics. */
export interface ReplicaLag {
  reachable: boolean;
  /** WAL bytes the primary has flushed (all it can send) that the replica has not replayed. */
  lagBytes?: number;
  /** While behind: seconds since the replica last replayed a commit; 0 when it has replayed everything. */
  lagSeconds?: number;
  /** Replay paused on the replica (`pg_wal_replay_pause()`): it receives WAL but applies none. */
  replayPaused?: boolean;
  error?: string;
}

/** Where the reads went: the replica, or the primary because the replica had not caught up in time or failed. */
export interface ReadsServed {
  replica: number;
  primary: number;
}

/**
 * A streaming replica that answers reads, with read-your-writes for this process: a read waits (up to
 * `waitMs`) until the replica has replayed the primary's WAL as of this process's last write — a command, an
 * audit record, a projection's batch, a checkpoint — and reads the primary when the wait runs out or the
 * replica fails. A process that has written nothing since the last read waits for nothing.
 *
 * Writes are told by the statements the primary pool's connections run (every write goes through it), counted
 * as their transactions commit; what only reads the primary (a projector's polls, /health) is no write. After a
 * write the primary's WAL position is asked once for all the reads that follow, and the replica's replay
 * position once for all the reads waiting on it.
 */
export class ReadReplica {
  /** The pool the read models answer from: each query and connection routed to the replica or the primary. */
  readonly reads: pg.Pool;
  readonly served: ReadsServed = { replica: 0, primary: 0 };
  /** How often reads asked the primary where its WAL ends: once for the reads after each write of this process. */
  primaryAsked = 0;
  private readonly replica: pg.Pool;
  /** Reads the replica could not take: a pool of their own, so that they are not taken for this process's writes. */
  private readonly primaryReads: pg.Pool;
  /** Connections of their own for the positions, so that asking the primary's is not itself taken for a write. */
  private readonly primaryProbe: pg.Pool;
  private readonly replicaProbe: pg.Pool;
  private readonly writes: PrimaryWrites;
  private horizon = { writes: -1, lsn: 0n };
  private asking?: { writes: number; lsn: Promise<bigint> };
  private replayed = 0n;
  private polling?: Promise<void>;

  constructor(
    primary: pg.Pool,
    primaryUrl: string,
    replicaUrl: string,
    private readonly waitMs = DEFAULT_REPLICA_WAIT_MS,
    poolSize = 10,
  ) {
    // Named, so that an operator sees in pg_stat_activity which connections serve reads.
    // A replica host that does not answer fails a connection in seconds, and its reads go to the primary.
    const session = { options: '-c TimeZone=UTC', application_name: 'himotoki-reads', connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
    const probe = { max: 1, application_name: 'himotoki-replica-wait', connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
    this.replica = openPool({ connectionString: replicaUrl, max: poolSize, ...session }, 'replica reads');
    this.primaryReads = openPool({ connectionString: primaryUrl, max: poolSize, ...session }, 'primary reads');
    this.primaryProbe = openPool({ connectionString: primaryUrl, ...probe }, 'primary probe');
    this.replicaProbe = openPool({ connectionString: replicaUrl, ...probe }, 'replica probe');
    this.writes = new PrimaryWrites(primary, this.primaryProbe);
    this.reads = this.routed();
  }

  /** Writes this process has committed on the primary so far. */
  get writesCommitted(): number {
    return this.writes.committed;
  }

  /** The pool a read should use now: the replica once it has replayed this process's writes, else the primary's. */
  async choose(): Promise<pg.Pool> {
    try {
      const needed = await this.horizonFor(this.writes.committed);
      if (await this.replayedBy(needed, performance.now() + this.waitMs)) return this.replica;
    } catch {
      // The primary's position or the replica's could not be read: the primary answers.
    }
    return this.primaryReads;
  }

  /** How far behind the replica is now. */
  async lag(): Promise<ReplicaLag> {
    try {
      const [{ rows: primary }, { rows: replica }] = await Promise.all([
        this.primaryProbe.query<{ lsn: string }>('SELECT pg_current_wal_flush_lsn()::text AS lsn'),
        this.replicaProbe.query<{ lsn: string | null; paused: boolean; since: number | null }>(
          `SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()::text END AS lsn, CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END AS paused,
                  extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS since`,
        ),
      ]);
      const { lsn, paused, since } = replica[0]!;
      if (lsn === null) return { reachable: true, error: NOT_A_REPLICA };
      const behind = lsnBytes(primary[0]!.lsn) - lsnBytes(lsn);
      const lagBytes = behind > 0n ? Number(behind) : 0;
      return { reachable: true, lagBytes, lagSeconds: lagBytes > 0 ? Math.max(0, Math.round((since ?? 0) * 1000) / 1000) : 0, replayPaused: paused };
    } catch (error) {
      return { reachable: false, error: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.replica, this.primaryReads, this.primaryProbe, this.replicaProbe].map((pool) => pool.end()));
  }

  /** The primary's WAL position after the first `writes` writes of this process: asked once for all reads that need it. */
  private horizonFor(writes: number): Promise<bigint> {
    if (this.horizon.writes >= writes) return Promise.resolve(this.horizon.lsn);
    if (this.asking && this.asking.writes >= writes) return this.asking.lsn;
    const asked = this.writes.committed;
    this.primaryAsked++;
    const lsn = this.primaryWalPosition().then((lsn) => {
      if (asked > this.horizon.writes) this.horizon = { writes: asked, lsn };
      return lsn;
    });
    this.asking = { writes: asked, lsn };
    void lsn.finally(() => {
      if (this.asking?.writes === asked) this.asking = undefined;
    }).catch(() => undefined);
    return lsn;
  }

  /**
   * Where the primary has inserted WAL to. A projection commits without waiting for its WAL flush, and the
   * primary sends a replica only flushed WAL: a flush is asked for rather than waiting for the WAL writer's
   * next round (`wal_writer_delay`). Only a synchronous commit of a transaction that wrote WAL
   * flushes, so the transaction writes a logical message of no content (executable by anyone, decoded by none).
   */
  private async primaryWalPosition(): Promise<bigint> {
    const { rows } = await this.primaryProbe.query<{ inserted: string; flushed: string }>(
      'SELECT pg_current_wal_insert_lsn()::text AS inserted, pg_current_wal_flush_lsn()::text AS flushed',
    );
    const inserted = lsnBytes(rows[0]!.inserted);
    if (lsnBytes(rows[0]!.flushed) < inserted) {
      await this.primaryProbe.query(`BEGIN; SET LOCAL synchronous_commit = on; SELECT pg_logical_emit_message(true, 'himotoki-replica-wait', ''); COMMIT`);
    }
    return inserted;
  }

  /** Whether the replica replays `lsn` before `deadline` (performance.now() time). */
  private async replayedBy(lsn: bigint, deadline: number): Promise<boolean> {
    for (;;) {
      if (this.replayed >= lsn) return true;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      // A replica that does not answer costs the read its bound, not more.
      const timer = new AbortController();
      await Promise.race([this.pollReplay(), sleep(left, undefined, { signal: timer.signal }).catch(() => undefined)]).finally(() => timer.abort());
      if (this.replayed >= lsn) return true;
      await sleep(Math.min(REPLAY_POLL_MS, Math.max(0, deadline - performance.now())));
    }
  }

  private pollReplay(): Promise<void> {
    this.polling ??= this.replicaProbe
      .query<{ lsn: string | null }>(`SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()::text END AS lsn`)
      .then(({ rows }) => {
        const lsn = rows[0]!.lsn;
        if (lsn === null) throw new Error(NOT_A_REPLICA);
        if (lsnBytes(lsn) > this.replayed) this.replayed = lsnBytes(lsn);
      })
      .finally(() => (this.polling = undefined));
    return this.polling;
  }

  /** A pool whose queries and connections each go where `choose` says; a replica that fails is retried on the primary. */
  private routed(): pg.Pool {
    const read = async <T>(run: (pool: pg.Pool) => Promise<T>): Promise<T> => {
      const pool = await this.choose();
      if (pool === this.primaryReads) {
        this.served.primary++;
        return run(pool);
      }
      try {
        const result = await run(pool);
        this.served.replica++;
        return result;
      } catch (error) {
        if (!replicaUnavailable(error)) throw error;
        this.served.primary++;
        return run(this.primaryReads);
      }
    };
    const query = (...args: unknown[]) => {
      if (typeof args.at(-1) === 'function') throw new Error('the read pool answers promises, not callbacks');
      return read((pool) => (pool.query as (...a: unknown[]) => Promise<unknown>)(...args));
    };
    const connect = (...args: unknown[]) => {
      if (args.length > 0) throw new Error('the read pool answers promises, not callbacks');
      return read((pool) => pool.connect());
    };
    return new Proxy(this.replica, {
      get: (target, property, receiver) => (property === 'query' ? query : property === 'connect' ? connect : Reflect.get(target, property, receiver)),
    });
  }
}

/**
 * A failure of the replica rather than of the read: no connection, the server going away (SQLSTATE classes 08,
 * 57; a socket's errno), the database not replayed there yet (3D000), or a query cancelled by a conflict with
 * replay (40001).
 */
function replicaUnavailable(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  if (code === undefined) return /connection|terminated/i.test(message ?? '');
  return /^(08|57)/.test(code) || code === '3D000' || code === '40001' || /^E[A-Z]+$/.test(code);
}
