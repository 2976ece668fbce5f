import { setTimeout as sleep } from 'node:timers/promises';

/** Runs a task, then waits, again and again until stopped; a failing task is reported, never fatal to the loop. */
export class PeriodicLoop {
  private abort = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.loop = (async () => {
      while (!signal.aborted) {
        await this.task().catch((error: Error) => this.onError(error));
        // The timer drops its abort listener when it fires: one listener per interval would pile up for good.
        await sleep(this.intervalMs, undefined, { signal }).catch(() => undefined);
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    this.loop = undefined;
  }
}
