import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The GraphQL operations being answered. A client that hangs up leaves its operation running, and the HTTP
 * server then closes without waiting for it; shutdown waits here instead, so that no operation finds the
 * database closed halfway through (seen under load: a query's second statement refused by the closed pool).
 */
export class InFlightOperations {
  private running = 0;
  private waiting: (() => void)[] = [];

  readonly plugin: ApolloServerPlugin = {
    requestDidStart: async () => {
      this.running++;
      // Apollo calls this for every response, an error response included.
      return { willSendResponse: async () => this.finished() };
    },
  };

  /** True once no operation is running; false if some still are after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    let wake!: () => void;
    const settled = new Promise<boolean>((resolve) => this.waiting.push((wake = () => resolve(true))));
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([settled, timedOut]);
    } finally {
      clearTimeout(timer);
      this.waiting = this.waiting.filter((waiting) => waiting !== wake);
    }
  }

  private finished(): void {
    this.running--;
    if (this.running === 0) for (const wake of this.waiting.splice(0)) wake();
  }
}
