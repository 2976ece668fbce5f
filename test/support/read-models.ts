import type pg from 'pg';
import type { EventStore } from '#event-store';
import type { ProjectionRunner } from '#projections';
import { PROJECTIONS } from '#app';
import { ok, type GraphQLClient } from './graphql-client.js';

/** A hash of every read-model table's content, rows in a fixed order: equal hashes, equal read models. */
export async function readModelHash(pool: pg.Pool): Promise<string> {
  const tables = PROJECTIONS.flatMap((p) => p.tables.map((table) => `${p.schema}.${table}`));
  const parts = tables.map((table) => `(SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM ${table} t)`);
  const { rows } = await pool.query<{ hash: string }>(`SELECT md5(concat_ws('|', ${parts.join(', ')})) AS hash`);
  return rows[0]!.hash;
}

/**
 * What a wait is for: one append's log transaction (`AppendResult.transactionId`, a command's `transactionId`), or
 * a log, whose newest transaction when the wait begins is waited for: every event stored by then, whether or not
 * the log's readers can see it yet (on PostgreSQL a transaction running anywhere on the server holds them back).
 */
export type Written = bigint | Pick<EventStore, 'lastTransaction'>;

/** A projection's progress as its status tells it (the `projections` query), for what a wait reports. */
interface Progress {
  name: string;
  state: string;
  position: string;
}

/** Read models, in-process or over the API: which projections have not applied a transaction, and how each stands. */
interface ReadModels {
  pending(transactionId: bigint): Promise<string[]>;
  status(): Promise<Progress[]>;
}

/**
 * Waits until every projection has applied every event of the transaction: its read model then answers with it,
 * and with everything before it in the log. Throws if one pending is parked, or at the deadline, naming them.
 * Writes still running when the wait begins are not waited for: a test that needs "nothing more will come" waits
 * for its writers first.
 */
async function settledBy(readModels: ReadModels, written: Written, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const transactionId = typeof written === 'bigint' ? written : await written.lastTransaction();
  for (;;) {
    const pending = await readModels.pending(transactionId);
    if (pending.length === 0) return;
    const behind = (await readModels.status()).filter((p) => pending.includes(p.name));
    const shown = JSON.stringify(behind.map(({ name, state, position }) => ({ name, state, position })));
    if (behind.some((p) => p.state === 'parked')) throw new Error(`parked before log transaction ${transactionId}: ${shown}`);
    if (Date.now() > deadline) throw new Error(`log transaction ${transactionId} not applied within ${timeoutMs} ms by: ${pending.join(', ')} ${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until every projection of this process has applied `written`: by default, every event its log holds now. */
export function settled(runner: ProjectionRunner, timeoutMs = 30_000, written: Written = runner.store): Promise<void> {
  return settledBy(
    { pending: (transactionId) => runner.pending(transactionId), status: () => runner.status() },
    written,
    timeoutMs,
  );
}

/**
 * The same over HTTP, as a client of the server asks (`applied`, as an operator): for a server in another process
 * (the CLI's demo), or a suite that uses the API as a reader does. The server tells no log's newest transaction:
 * `written` is an append's, or the log the server follows, through the event-store port.
 */
export function settledOver(operator: GraphQLClient, written: Written, timeoutMs = 30_000): Promise<void> {
  return settledBy(
    {
      pending: async (transactionId) =>
        ok(await operator.request<{ applied: { pending: string[] } }>('query ($t: BigInt!) { applied(transactionId: $t) { pending } }', { t: transactionId.toString() })).applied.pending,
      status: async () => ok(await operator.request<{ projections: Progress[] }>('{ projections { name state position } }')).projections,
    },
    written,
    timeoutMs,
  );
}
