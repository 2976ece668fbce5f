import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accessHistoryProjection } from '#access-history';
import type { Database } from '#database';
import type { EventToAppend } from '#event-store';
import { PostgresEventStore } from '#event-store-postgres';
import { MIGRATIONS } from '#migrations';
import { ProjectionRunner, type Projection } from '#projections';
import { registryProjection } from '#registry';
import { NamesInAnswers1764000000200 } from '../../migrations/1764000000200-names-in-answers.js';
import { DATABASE_SCHEMA } from '#app';
import { backendName, openTestDatabase } from '../support/test-database.js';

const FIXTURES = join(process.cwd(), 'test/fixtures');

/**
 * The read models as the code before migration 1764000000200 left them: no tie ids, an UNLINK line naming no
 * datasets, an AUDIT line's purpose the operation's name, no counterparties. Built by today's projections on
 * the old tables (their rows' extra keys find no column), then made to say what the old code said.
 */
const before: Projection[] = [
  {
    ...accessHistoryProjection,
    async apply(events, tx, schema) {
      await accessHistoryProjection.apply(events, tx, schema);
      await tx.query(`UPDATE ${schema}.entries SET dataset_ids = '{}' WHERE kind = 'UNLINK'`);
      await tx.query(`UPDATE ${schema}.entries SET purpose = detail->>'operation', detail = '{}' WHERE kind = 'AUDIT'`);
    },
  },
  {
    ...registryProjection,
    tables: ['organizations', 'datasets'],
    apply: (events, tx, schema) => registryProjection.apply(events.filter((e) => e.type === 'OrganizationRegistered' || e.type === 'DatasetRegistered'), tx, schema),
  },
];

describe(`migration 1764000000200 on ${backendName}`, () => {
  let db: Database;
  let store: PostgresEventStore;
  afterEach(async () => {
    await store?.close();
    await db?.close();
  });

  it('empties the access history and the registry, and the projector rebuilds them with the new facts for old events', async () => {
    const earlier = MIGRATIONS.filter((m) => m !== NamesInAnswers1764000000200);
    expect(earlier).toHaveLength(MIGRATIONS.length - 1);
    db = await openTestDatabase(10, { ...DATABASE_SCHEMA, migrations: earlier });
    store = new PostgresEventStore(db);
    const log = (await readFile(join(FIXTURES, 'event-log.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as EventToAppend & { streamId: string });
    // One event per append, in the log's order: the same positions as the golden read model's.
    for (const { streamId, ...event } of log) await store.appendToStream(streamId, [event]);
    await new ProjectionRunner(db.pool, store, before).catchUp();
    const stale = await db.pool.query<{ purpose: string }>(`SELECT purpose FROM access_history.entries WHERE kind = 'AUDIT'`);
    expect(stale.rows).toEqual([{ purpose: 'accessHistory' }]);

    const runner = db.dataSource.createQueryRunner();
    try {
      await new NamesInAnswers1764000000200().up(runner);
    } finally {
      await runner.release();
    }
    expect(Number((await db.pool.query(`SELECT count(*) AS n FROM access_history.entries`)).rows[0].n)).toBe(0);

    await new ProjectionRunner(db.pool, store, [accessHistoryProjection, registryProjection]).catchUp();
    const rows = (await db.pool.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM access_history.entries t ORDER BY t.global_position, t.subject_id`)).rows.map((r) => r.row);
    expect(rows).toEqual(JSON.parse(await readFile(join(FIXTURES, 'golden/access-history.json'), 'utf8')));
    const counterparties = await db.pool.query(`SELECT count(*) AS n FROM registry.counterparties`);
    expect(Number(counterparties.rows[0].n)).toBeGreaterThan(0);
    const organizations = await db.pool.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM registry.organizations t ORDER BY t.id`);
    expect(organizations.rows.map((r) => r.row)).toEqual(JSON.parse(await readFile(join(FIXTURES, 'golden/registry-organizations.json'), 'utf8')));
  }, 300_000);
});
