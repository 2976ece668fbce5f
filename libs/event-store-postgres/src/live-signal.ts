import { EventEmitter } from 'node:events';
import pg from 'pg';

/** The NOTIFY channel that `event_store.append_to_stream` signals on commit. */
export const APPENDED_CHANNEL = 'event_store_appended';

/**
 * Wakes live subscribers when events may have been appended: on an in-process append (always), on a
 * PostgreSQL notification from any other process (when the backend delivers them), and otherwise after the
 * polling interval, the fallback that keeps a subscriber correct when a wake-up is missed.
 */
export class LiveSignal {
  private readonly emitter = new EventEmitter();
  private listener?: pg.Client;
  private listening?: Promise<void>;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly listenForNotifications: boolean,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Signals in-process subscribers; called after an append commits. */
  notify(): void {
    this.emitter.emit('appended');
  }

  /**
   * Arms a wake-up before the caller reads, so that an append committed during the read is not missed.
   * The returned function waits until that wake-up, `timeoutMs`, or the abort signal, whichever comes first.
   */
  arm(): (timeoutMs: number, abort?: AbortSignal) => Promise<void> {
    void this.ensureListening();
    let woken = false;
    let wake: () => void = () => {
      woken = true;
    };
    const onAppended = () => wake();
    this.emitter.once('appended', onAppended);
    return (timeoutMs, abort) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.emitter.off('appended', onAppended);
          abort?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        if (woken || abort?.aborted || this.closed) return done();
        wake = done;
        abort?.addEventListener('abort', done, { once: true });
      });
  }

  private ensureListening(): Promise<void> {
    if (!this.listenForNotifications || this.closed) return Promise.resolve();
    this.listening ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on('notification', () => this.notify());
      // A lost listener costs latency only: polling still delivers every event.
      client.on('error', () => {
        this.listener = undefined;
        this.listening = undefined;
      });
      await client.connect();
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
      this.listener = client;
    })().catch(() => {
      this.listening = undefined;
    });
    return this.listening;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listening;
    await this.listener?.end().catch(() => undefined);
    this.notify();
  }
}
