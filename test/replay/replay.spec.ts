import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore, type EventToAppend } from '#event-store';
import { EVENT_CATALOG } from '#vocabulary';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { generatePopulation } from '#synthetic-population';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { readModelHash, settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const FIXTURES = join(process.cwd(), 'test/fixtures');
const EVENT_LOG = join(FIXTURES, 'event-log.ndjson');
const GOLDEN = join(FIXTURES, 'golden');
/**
 * Only `npm run golden:update` (which sets UPDATE_GOLDEN=1) writes the event log and the golden read models anew;
 * review the diff before committing it. Otherwise a missing file fails the test: a golden file the test wrote
 * itself would prove nothing.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** A fixture file's text; a missing one fails, naming how to make it. */
async function fixture(path: string): Promise<string> {
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run golden:update and review the diff`);
  return readFile(path, 'utf8');
}

const READ_MODELS = {
  'access-history.json': `SELECT to_jsonb(t) AS row FROM access_history.entries t ORDER BY t.global_position, t.subject_id`,
  'registry-organizations.json': `SELECT to_jsonb(t) AS row FROM registry.organizations t ORDER BY t.id`,
  'registry-datasets.json': `SELECT to_jsonb(t) AS row FROM registry.datasets t ORDER BY t.id`,
  'linkage-ties.json': `SELECT to_jsonb(t) AS row FROM linkage.ties t ORDER BY t.link_id`,
  'linkage-identifiers.json': `SELECT to_jsonb(t) AS row FROM linkage.identifiers t ORDER BY t.fingerprint`,
  'exposure-class-sizes.json': `SELECT to_jsonb(t) AS row FROM exposure.class_sizes t ORDER BY t.dataset_id, t.level, t.class_size`,
  'exposure-pair-matches.json': `SELECT to_jsonb(t) AS row FROM exposure.pair_matches t ORDER BY t.dataset_a, t.dataset_b, t.level, t.fields`,
  'exposure-field-frequencies.json': `SELECT to_jsonb(t) AS row FROM exposure.field_frequencies t ORDER BY t.field`,
  'findings.json': `SELECT to_jsonb(t) AS row FROM findings.findings t ORDER BY t.finding_id`,
  'findings-ties.json': `SELECT to_jsonb(t) AS row FROM findings.ties t ORDER BY t.link_id`,
  'reporting-dataset-subjects.json': `SELECT to_jsonb(t) AS row FROM reporting.dataset_subjects t ORDER BY t.dataset_id, t.subject_id`,
  'reporting-identifier-leaks.json': `SELECT to_jsonb(t) AS row FROM reporting.identifier_leaks t ORDER BY t.event_id`,
};

/** The fixed log: a small generated population, and an auditor's query, as the store kept them. */
async function writeEventLog(): Promise<void> {
  const f = await IngestionFixture.start();
  try {
    await f.importCommands(generatePopulation({ subjects: 20, seed: 'g5' }).commands);
    const store = f.context.get<EventStore>(EVENT_STORE);
    const someone = (await store.readAll()).find((e) => e.type === 'SubjectEnrolled')!.data.subjectId as string;
    await store.appendToStream('audit-golden', [
      { id: '00000000-0000-4000-8000-00000000a0d1', type: 'AuditorQueried', schemaVersion: 1, metadata: { sender: 'auditor:golden' },
        data: { auditorId: 'golden-auditor', organizationId: 'ppc', operation: 'accessHistory', subjectIds: [someone], occurredAt: '2025-03-31T00:00:00.000Z' } },
    ]);
    const lines = (await store.readAll()).map((e) => JSON.stringify({ id: e.id, streamId: e.streamId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }));
    await writeFile(EVENT_LOG, lines.join('\n') + '\n');
  } finally {
    await f.close();
  }
}

describe(`replay on ${backendName}`, () => {
  it('a fixed event log covering every event type replays into the golden read models', async () => {
    if (UPDATE) await writeEventLog();
    const log = (await fixture(EVENT_LOG)).trim().split('\n').map((line) => JSON.parse(line) as EventToAppend & { streamId: string });
    // Corrections are replayed, live against a rebuild, by test/resilience/poisoned-event.e2e.spec.ts: this log
    // is projected while it is appended, and a correction's effect would depend on where the projector stands.
    expect(new Set(log.map((e) => e.type))).toEqual(new Set(EVENT_CATALOG.map((d) => d.type).filter((type) => type !== 'EventCorrected')));
    expect(log.length).toBeGreaterThan(200);

    const f = await IngestionFixture.start();
    try {
      // One event per append, in the log's order: positions come out the same on every run.
      const store = f.context.get<EventStore>(EVENT_STORE);
      for (const { streamId, ...event } of log) await store.appendToStream(streamId, [event]);
      await settled(f.context.get(ProjectionRunner));
      for (const [file, sql] of Object.entries(READ_MODELS)) {
        const rows = (await f.database.pool.query<{ row: unknown }>(sql)).rows.map((r) => r.row);
        const path = join(GOLDEN, file);
        if (UPDATE) await writeFile(path, JSON.stringify(rows, null, 1) + '\n');
        expect(rows).toEqual(JSON.parse(await fixture(path)));
      }
    } finally {
      await f.close();
    }
  });

  it('for a generated population, the read models built live equal a full rebuild', async () => {
    const f = await IngestionFixture.start();
    try {
      await f.importCommands(generatePopulation({ subjects: 200, seed: 'live-equals-rebuild' }).commands);
      const runner = f.context.get(ProjectionRunner);
      await settled(runner);
      const live = await readModelHash(f.database.pool);
      await rebuildProjections(f.database.pool, f.context.get(EVENT_STORE), runner, runner.projections, { batchSize: 97 });
      expect(await readModelHash(f.database.pool)).toBe(live);
      const { rows } = await f.database.pool.query(`SELECT count(*) AS n FROM access_history.entries`);
      expect(Number(rows[0].n)).toBeGreaterThan(500);
    } finally {
      await f.close();
    }
  });
});
