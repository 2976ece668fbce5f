/**
 * Reads asked for within one turn of the event loop, made as one: each `load(key)` joins the batch that
 * goes out once the turn's other work is done (`setImmediate`), and resolves with its own key's value.
 * Under concurrent requests the server then sends one statement for several of them instead of one each —
 * fewer round trips to the database, and fewer wake-ups of its backends on the server's own cores.
 * A lone request waits for nothing but the end of its turn.
 */
export class TickBatch<K, V> {
  private pending: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];

  /** `fetch` answers every key it is given (a key asked twice in one batch is fetched once). */
  constructor(private readonly fetch: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      if (this.pending.push({ key, resolve, reject }) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const values = await this.fetch([...new Set(batch.map((p) => p.key))]);
      for (const p of batch) {
        if (values.has(p.key)) p.resolve(values.get(p.key)!);
        else p.reject(new Error(`a batched read left out ${String(p.key)}`));
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}
