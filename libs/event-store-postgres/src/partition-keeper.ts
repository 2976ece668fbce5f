import type pg from 'pg';

/**
 * Keeps a partition of the log prepared ahead of the appends (`event_store.prepare_partitions`, which also
 * seals the partitions left behind). Told of every append's last position: it calls the database only when
 * the log has reached the newest partition, which the previous call named, and once per process at start.
 * Preparing runs beside the appends, in a transaction of its own, never inside an append's.
 */
export class PartitionKeeper {
  private prepareAt: bigint | undefined;
  private preparing: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool) {}

  /** Called with the last position an append wrote (or found stored, for a retry). */
  appended(position: bigint): void {
    if (this.preparing || (this.prepareAt !== undefined && position < this.prepareAt)) return;
    // A failure leaves prepareAt as it was, so the next append asks again; until then appends beyond the
    // prepared partitions land in the default partition, never fail.
    this.preparing = this.prepare()
      .catch(() => undefined)
      .finally(() => {
        this.preparing = undefined;
      });
  }

  /** Prepares now (maintenance, tests); resolves when the partitions are attached. */
  async prepare(): Promise<void> {
    const { rows } = await this.pool.query<{ next: string }>('SELECT event_store.prepare_partitions() AS next');
    this.prepareAt = BigInt(rows[0]!.next);
  }

  /** Waits for a preparation under way. */
  async settled(): Promise<void> {
    await this.preparing;
  }
}

/**
 * Runs an append again when it failed because a partition was attached while it ran: PostgreSQL routes a
 * statement's rows by the partitions it saw at its start, and refuses (23514 on the default partition) a row
 * whose partition was attached meanwhile. The append was rolled back whole; on the next try it sees the new
 * partition. This happens only when appends outrun the preparation of partitions by a whole partition.
 */
export async function retryingPartitionRace<T>(append: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await append();
    } catch (error) {
      const { code, table } = error as { code?: string; table?: string };
      if (code !== '23514' || table !== 'events_default' || attempt >= attempts) throw error;
    }
  }
}
