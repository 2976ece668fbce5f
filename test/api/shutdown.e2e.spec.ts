import { randomUUID } from 'node:crypto';
import { ConsoleLogger } from '@nestjs/common';
import pg from 'pg';
import { ProjectionRunner } from '#projections';
import { InFlightOperations, TokenService } from '#api';
import { createApp } from '#app';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { backendName } from '../support/test-database.js';
import { openTestRuntime } from '../support/test-runtime.js';

/** Keeps what the app logs as errors; says nothing. */
class ErrorLog extends ConsoleLogger {
  readonly errors: string[] = [];
  override error(message: unknown): void {
    this.errors.push(String(message));
  }
  override log(): void {}
  override warn(): void {}
}

const HISTORY = `query ($s: ID!) { accessHistory(subjectId: $s, first: 10) { totalCount edges { node { kind organization { id name } } } } }`;

// Holding a table locked from a second session needs a server: PGlite runs one session.
(backendName === 'PostgreSQL' ? describe : describe.skip)('stopping the server while an operation runs', () => {
  it('waits for an operation whose client hung up before it closes the database', async () => {
    const runtime = await openTestRuntime();
    const url = runtime.database.url;
    // The projector would wait on the lock too; this server only serves.
    process.env.HIMOTOKI_PROJECTOR = 'off';
    const log = new ErrorLog();
    const app = await createApp(runtime, { logger: log }).finally(() => delete process.env.HIMOTOKI_PROJECTOR);
    await app.listen(0, '127.0.0.1');
    const graphqlUrl = `${await app.getUrl()}/graphql`;
    const token = await app.get(TokenService).mint({ role: 'AUDITOR', id: 'auditor-sato', organizationId: 'ppc' });
    const subjectId = randomUUID();
    // The first query's audit record gives the subject a line of history, naming the auditor's office.
    expect(ok(await new GraphQLClient(graphqlUrl, token).request(HISTORY, { s: subjectId })).accessHistory.totalCount).toBe(0);
    await app.get(ProjectionRunner).catchUp();

    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    await locker.query('BEGIN; LOCK TABLE access_history.entries IN ACCESS EXCLUSIVE MODE');
    const hangUp = new AbortController();
    const request = fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: HISTORY, variables: { s: subjectId } }),
      signal: hangUp.signal,
    }).catch((error: Error) => error.name);
    // The history read waits on the lock; then the client goes away.
    for (;;) {
      // Inside the lock's transaction the activity view is a snapshot, unless cleared each time.
      await locker.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await locker.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%access_history.entries%'`);
      if (rows.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    hangUp.abort();
    expect(await request).toBe('AbortError');

    // Closing waits for the operations in flight: caught as it starts waiting, its wait is still pending.
    const operations = app.get(InFlightOperations);
    const settle = operations.settled.bind(operations);
    const waiting = new Promise<{ settled: Promise<boolean> }>((resolve) => (operations.settled = (timeoutMs) => { const settled = settle(timeoutMs); resolve({ settled }); return settled; }));
    const closing = app.close();
    const { settled } = await waiting;
    expect(await Promise.race([settled.then(() => 'settled'), new Promise((resolve) => setImmediate(() => resolve('pending')))])).toBe('pending');
    // Released, the read answers, and the operation goes on to look up the organizations it names.
    await locker.query('COMMIT');
    await locker.end();
    await closing;
    // It ended because the operation did, not because the grace period ran out.
    expect(await settled).toBe(true);
    expect(log.errors).toEqual([]);
  });
});
