/**
 * The sealer's own thread (see `SealerThread`): follows the log with a pool of its own and seals every event,
 * until the parent posts 'stop'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPool } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { ProjectionRunner } from '#projections';
import { SEALER_BATCH_SIZE, journalProjection } from './journal.projection.js';

const { url } = workerData as { url: string };
const pool = openPool({ connectionString: url, max: 2 }, 'journal sealer');
const store = new PostgresEventStore({ pool, url, deliversNotifications: true, backend: 'postgres' });
const sealer = new ProjectionRunner(pool, store, [journalProjection], SEALER_BATCH_SIZE);
sealer.start();
parentPort!.once('message', () => {
  void (async () => {
    await sealer.stop();
    await store.close();
    await pool.end();
    parentPort!.close();
  })();
});
