import { Counter, Gauge, type Registry } from 'prom-client';
import type { Database, ReplicaLag } from '#database';

/** The read replica's lag and where reads went, when the database has a replica (DATABASE_READ_URL). */
export function registerReplicaMetrics(registry: Registry, database: Database): void {
  const replica = database.replica;
  if (!replica) return;
  // One lag read serves both gauges of a scrape.
  let read: { at: number; lag: Promise<ReplicaLag> } | undefined;
  const lag = () => {
    if (!read || performance.now() - read.at > 250) read = { at: performance.now(), lag: replica.lag() };
    return read.lag;
  };
  new Gauge({
    name: 'himotoki_replica_lag_bytes',
    help: 'WAL bytes the primary has written that the read replica has not replayed; -1 when the replica cannot be reached',
    registers: [registry],
    async collect() {
      const { reachable, lagBytes } = await lag();
      this.set(reachable ? (lagBytes ?? -1) : -1);
    },
  });
  new Gauge({
    name: 'himotoki_replica_lag_seconds',
    help: 'While the read replica is behind, seconds since it last replayed a commit; 0 when caught up',
    registers: [registry],
    async collect() {
      this.set((await lag()).lagSeconds ?? 0);
    },
  });
  new Counter({
    name: 'himotoki_replica_reads_total',
    help: 'Reads of the read models by where they were served: the replica, or the primary (the replica had not replayed this server’s writes in time, or failed)',
    labelNames: ['served_by'],
    registers: [registry],
    collect() {
      this.reset();
      this.inc({ served_by: 'replica' }, replica.served.replica);
      this.inc({ served_by: 'primary' }, replica.served.primary);
    },
  });
  new Counter({
    name: 'himotoki_replica_primary_asked_total',
    help: 'Times reads asked the primary where its WAL ends, to wait for the replica to replay it: once for the reads after each write of this server',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(replica.primaryAsked);
    },
  });
}
