import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * 封緘 on a thread of its own: the live sealer reads, canonicalizes and hashes every event of the log, work
 * that would otherwise share the JavaScript thread with the API and the writers it follows (on PostgreSQL,
 * where another connection is cheap; PGlite's one session stays in its process's thread). It restarts after
 * a failure, from its checkpoint, as the in-thread runner would on the next start.
 */
export class SealerThread {
  private worker: Worker | undefined;
  private stopping = false;

  constructor(
    private readonly url: string,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  start(): void {
    if (this.worker) return;
    this.stopping = false;
    const worker = new Worker(workerScript(), { workerData: { url: this.url } });
    worker.on('error', (error) => this.onError(error));
    worker.on('exit', () => {
      this.worker = undefined;
      if (!this.stopping) setTimeout(() => !this.stopping && this.start(), 1000).unref();
    });
    this.worker = worker;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = once(worker, 'exit');
    worker.postMessage('stop');
    await exited;
  }
}

/** The worker's script: beside this module once built; from the TypeScript sources (under Jest), its build. */
function workerScript(): URL {
  const beside = new URL('./sealer-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return pathToFileURL(fileURLToPath(new URL('../../../../dist/libs/journal/src/infrastructure/sealer-worker.js', import.meta.url)));
}
