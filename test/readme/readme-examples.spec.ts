import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { DATABASE, databaseUrl, runAdminStatement, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { IngestBatchCommand, type CommandEnvelope } from '#ingestion';
import { generatePopulation } from '#synthetic-population';
import type { GraphQLClient } from '../support/graphql-client.js';
import { settledOver } from '../support/read-models.js';
import { startTestApi } from '../support/test-api.js';
import { backendName } from '../support/test-database.js';
import { TEST_FINGERPRINT_KEY } from '../support/test-runtime.js';

/**
 * The README's examples, run as a reader would run them: every ```graphql block against the demo's population over
 * real HTTP, and every `npx himotoki` line of its ```sh blocks as a process, in order, on a database of their own.
 */
const README = await readFile(join(process.cwd(), 'README.md'), 'utf8');
const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');

/** The contents of every fenced block of a language, in the README's order. */
const blocks = (language: string): string[] => [...README.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

/**
 * The demo's population (`himotoki demo`: seed 1), smaller: the organizations, datasets and permitted provisions do
 * not depend on the number of subjects, and the ids below are picked from whatever it holds, as the demo prints them.
 */
const DEMO = { subjects: 150, seed: '1' };

/**
 * Imports the demo population through the command bus, as the demo does, and waits until the server (asked as
 * `operator`) has applied it; answers the My Number each subject was enrolled with.
 */
async function importDemoPopulation(app: INestApplication, operator: GraphQLClient): Promise<Map<string, string>> {
  const bus = app.get(CommandBus);
  const myNumbers = new Map<string, string>();
  let batch: CommandEnvelope[] = [];
  const flush = async () => {
    const outcome = await bus.execute(new IngestBatchCommand(batch, 'operator:demo'));
    if (!outcome.ok) throw new Error(`the demo population was refused: ${outcome.errors[0]!.error.message}`);
    const sent = new Map(batch.map((c) => [c.commandId, c]));
    for (const result of outcome.results.filter((r) => r.type === 'EnrollSubject' && r.events[0])) {
      const identifiers = sent.get(result.commandId)!.payload.identifiers as { kind: string; value: string }[];
      const myNumber = identifiers.find((i) => i.kind === 'MY_NUMBER')?.value;
      if (myNumber) myNumbers.set(result.events[0]!.streamId.slice('subject-'.length), myNumber);
    }
    batch = [];
  };
  for (const command of generatePopulation(DEMO).commands) {
    batch.push(command);
    if (batch.length === 500) await flush();
  }
  if (batch.length) await flush();
  await settledOver(operator, app.get<EventStore>(EVENT_STORE), 120_000);
  return myNumbers;
}

/** Ids the demo's population really has, by the variable names the README's queries use. */
async function demoIds(app: INestApplication, myNumbers: Map<string, string>): Promise<Record<string, string>> {
  const { pool } = app.get<Database>(DATABASE);
  const one = async (sql: string, params: unknown[] = []) => {
    const { rows } = await pool.query(sql, params);
    if (!rows[0]) throw new Error(`the demo population has nothing for: ${sql}`);
    return rows[0] as Record<string, string>;
  };
  // A person holding a My Number, with ties made and cut, and the most history lines among them.
  const { subject_id: subject } = await one(
    `SELECT subject_id FROM access_history.entries WHERE subject_id = ANY($1::uuid[]) GROUP BY subject_id
      HAVING bool_or(kind = 'LINK') AND bool_or(kind = 'UNLINK') ORDER BY count(*) DESC, subject_id LIMIT 1`,
    [[...myNumbers.keys()]],
  );
  const { item } = await one(
    `SELECT item FROM access_history.entries, unnest(items) AS item WHERE subject_id = $1 AND kind IN ('PROVISION', 'ACCESS')
      GROUP BY item ORDER BY count(*) DESC, item LIMIT 1`,
    [subject],
  );
  // A dataset holding one of that person's records, as the demo picks it.
  const { dataset } = await one(
    `SELECT d AS dataset FROM access_history.entries, unnest(dataset_ids) AS d
      WHERE subject_id = $1 AND kind = 'ACCESS' AND d IN (SELECT id FROM registry.datasets) GROUP BY d ORDER BY count(*) DESC, d LIMIT 1`,
    [subject],
  );
  return { subject: subject!, myNumber: myNumbers.get(subject!)!, item: item!, dataset: dataset! };
}

/** An answer a reader would call empty: a null, an empty list, a connection with nothing in it. */
function emptyFields(data: Record<string, unknown>): string[] {
  return Object.entries(data)
    .filter(([, value]) => {
      if (value === null || value === undefined) return true;
      if (Array.isArray(value)) return value.length === 0;
      const object = value as Record<string, unknown>;
      if (typeof object.totalCount === 'number' && object.totalCount === 0) return true;
      return Array.isArray(object.edges) && object.edges.length === 0;
    })
    .map(([field]) => field);
}

function run(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _, HIMOTOKI_DATA_DIR: __, ...inherited } = process.env;
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe(`the README's examples on ${backendName}`, () => {
  it('has one operation in each GraphQL block, and at least the questions it promises', () => {
    const operations = blocks('graphql').map((text) => parse(text).definitions);
    expect(operations.length).toBeGreaterThanOrEqual(7);
    for (const definitions of operations) expect(definitions.map((d) => d.kind)).toEqual([Kind.OPERATION_DEFINITION]);
  });

  describe('every GraphQL query, against the demo population over HTTP', () => {
    let app: INestApplication;
    let auditor: GraphQLClient;
    let ids: Record<string, string>;
    beforeAll(async () => {
      const started = await startTestApi();
      app = started.app;
      auditor = started.api.as(await started.mint.auditor());
      ids = await demoIds(app, await importDemoPopulation(app, started.api.as(await started.mint.operator())));
    }, 600_000);
    afterAll(() => app?.close());

    it.each(blocks('graphql').map((text) => [(parse(text).definitions[0] as OperationDefinitionNode).name?.value ?? '(anonymous)', text]))(
      '%s answers something',
      async (_name, text) => {
        const operation = parse(text).definitions[0] as OperationDefinitionNode;
        const variables = Object.fromEntries(
          (operation.variableDefinitions ?? []).map((v) => {
            const name = v.variable.name.value;
            if (!(name in ids)) throw new Error(`the README uses $${name}, which the demo prints no id for`);
            return [name, ids[name]];
          }),
        );
        const answer = await auditor.request(text, variables);
        expect(answer.errors).toBeUndefined();
        expect(emptyFields(answer.data!)).toEqual([]);
      },
    );
  });

  it('runs every CLI line of the README in order, its NDJSON example imported cleanly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'himotoki-readme-'));
    const server = process.env.DATABASE_URL;
    const name = `himotoki_readme_${randomBytes(4).toString('hex')}`;
    if (server) await runAdminStatement(server, `CREATE DATABASE ${name}`);
    const env = {
      HIMOTOKI_SECRET: TEST_FINGERPRINT_KEY.toString('utf8'),
      ...(server ? { DATABASE_URL: databaseUrl(server, name) } : { HIMOTOKI_DATA_DIR: join(dir, 'data') }),
    };
    try {
      const [ndjson] = blocks('ndjson');
      const file = README.match(/A file\s+`([^`]+\.ndjson)`/)![1]!;
      await writeFile(join(dir, file), ndjson!);
      const lines = blocks('sh').flatMap((block) => block.split('\n').filter((line) => line.startsWith('npx himotoki ')));
      expect(lines[0]).toBe(`npx himotoki import ${file}`);
      for (const line of lines) {
        const result = await run(line.slice('npx himotoki '.length).split(/\s+/), dir, env);
        expect({ line, code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ line, code: 0, stderr: '' });
        expect((result.stdout + result.stderr).trim()).not.toBe('');
        if (line === lines[0]) expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toMatchObject({ lines: 4, stored: 4, errors: 0 });
      }
    } finally {
      if (server) await runAdminStatement(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
