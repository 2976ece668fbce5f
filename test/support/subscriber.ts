import type { Checkpoint, EventStore, StoredEvent } from '#event-store';

/** A running `subscribeToAll` that collects what it is given, for tests to watch. */
export class CollectingSubscriber {
  readonly received: StoredEvent[] = [];
  private readonly abort = new AbortController();
  private readonly done: Promise<void>;

  constructor(store: EventStore, after?: Checkpoint, batchSize?: number) {
    this.done = (async () => {
      for await (const event of store.subscribeToAll({ after, batchSize, signal: this.abort.signal })) {
        this.received.push(event);
      }
    })();
  }

  get checkpoint(): Checkpoint | undefined {
    const last = this.received.at(-1);
    return last && { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }

  /** Resolves once `count` events have arrived; fails after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<StoredEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`waited for ${count} events, got ${this.received.length}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.received;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}
