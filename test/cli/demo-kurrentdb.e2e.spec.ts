import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { HealthReport } from '#api';
import { databaseUrl, runAdminStatement } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { openKurrentDbEventStore } from '#event-store-kurrentdb';
import { demo } from '../../apps/cli/src/demo.js';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { kurrentDbName, startKurrentDb } from '../support/event-store-targets.js';
import { settledOver } from '../support/read-models.js';
import { startTestApi } from '../support/test-api.js';
import { backendName } from '../support/test-database.js';
import { TEST_FINGERPRINT_KEY } from '../support/test-runtime.js';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');
const POPULATION = { subjects: 30, seed: 'demo-on-kurrentdb' };

/**
 * An answer without what differs between two servers by the clock alone: an auditor's query is itself recorded in
 * the subject's history (AUDIT, who audits the auditors) at the moment each server was asked.
 */
function withoutAuditTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAuditTimes);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key]) => !(key === 'occurredAt' && (value as { kind?: string }).kind === 'AUDIT'));
  return Object.fromEntries(entries.map(([key, v]) => [key, withoutAuditTimes(v)]));
}

/** Resolves with everything the process wrote once `done` holds of it; rejects if it ends first. */
function outputUntil(child: ChildProcess, done: (output: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (done(output)) resolve(output);
    });
    child.stderr!.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`himotoki demo ended (${code}) before it was ready:\n${output}\n${errors}`)));
  });
}

describe(`himotoki demo with HIMOTOKI_EVENT_STORE=kurrentdb (${kurrentDbName}), read models on ${backendName}`, () => {
  let kurrent: Awaited<ReturnType<typeof startKurrentDb>>;
  let cli: ChildProcess;
  let readModels: { url: string; drop(): Promise<void> } | undefined;
  let kurrentUrl: string;
  let onKurrent: GraphQLClient;
  let app: INestApplication;
  let onSql: GraphQLClient;
  /** The two servers' logs, through the event-store port: what each must have applied before it is asked. */
  let logs: { sql: EventStore; kurrent: EventStore };
  let shown: Awaited<ReturnType<typeof demo>>;

  beforeAll(async () => {
    kurrent = await startKurrentDb();
    // On PostgreSQL the CLI's read models get a database of their own; on PGlite, an in-memory one.
    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) {
      const name = `himotoki_test_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
      await runAdminStatement(serverUrl, `CREATE DATABASE ${name}`);
      readModels = { url: databaseUrl(serverUrl, name), drop: () => runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
    }
    // The same platform key as the app below: the same fingerprints, and its tokens are good on both servers.
    cli = spawn(process.execPath, [CLI, 'demo', '--subjects', String(POPULATION.subjects), '--seed', POPULATION.seed], {
      env: {
        ...process.env,
        HIMOTOKI_EVENT_STORE: 'kurrentdb',
        KURRENTDB_URL: kurrent.url,
        DATABASE_URL: readModels?.url ?? '',
        HIMOTOKI_DATA_DIR: ':memory:',
        HIMOTOKI_SECRET: TEST_FINGERPRINT_KEY.toString('utf8'),
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ready = outputUntil(cli, (output) => output.includes('Examples (each one operation'));

    let api: GraphQLClient;
    ({ app, api } = await startTestApi());
    onSql = api;
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      shown = await demo(app, POPULATION);
    } finally {
      log.mockRestore();
      stderr.mockRestore();
    }
    const printed = await ready;
    kurrentUrl = /Himotoki listening on (\S+)/.exec(printed)![1]!;
    onKurrent = new GraphQLClient(`${kurrentUrl}/graphql`);
    logs = { sql: app.get<EventStore>(EVENT_STORE), kurrent: openKurrentDbEventStore(kurrent.url) };
  }, 300_000);

  afterAll(async () => {
    cli?.kill('SIGTERM');
    if (cli && cli.exitCode === null) await new Promise((resolve) => cli.once('exit', resolve));
    await logs?.kurrent.close();
    await app?.close();
    await kurrent?.close();
    await readModels?.drop();
  });

  it('keeps its log in KurrentDB: the population is there', async () => {
    expect(await logs.kurrent.countEvents()).toBeGreaterThan(100);
    const health = (await (await fetch(`${kurrentUrl}/health`)).json()) as HealthReport;
    expect(health.eventStore).toMatchObject({ store: 'kurrentdb', ready: true });
  });

  it("answers every one of the demo's examples (access history, exposure, …) as the demo on the database does", async () => {
    const history = shown.examples.filter((e) => /^query (History|Mine|WhoAccessed|Exposure) /.test(e.query));
    expect(history).toHaveLength(4);
    for (const example of shown.examples) {
      // Each answer as of the whole log: the previous example's audit record applied on both.
      await settledOver(onSql.as(shown.tokens.OPERATOR), logs.sql);
      await settledOver(onKurrent.as(shown.tokens.OPERATOR), logs.kurrent);
      const expected = await onSql.as(shown.tokens[example.role]).request(example.query);
      expect([example.title, expected.errors ?? []]).toEqual([example.title, []]);
      const answered = await onKurrent.as(shown.tokens[example.role]).request(example.query);
      if (example.query.startsWith('query FindSubject ')) {
        // It reads the subject's history after its own lookup was recorded, so its count holds that record or not
        // by how fast each projector applied it: compared without the count here, and the count, settled, below.
        const lookedUp = (answer: typeof answered) => (answer.data as { subject: { id: string } }).subject.id;
        expect([example.title, lookedUp(answered)]).toEqual([example.title, lookedUp(expected)]);
        continue;
      }
      expect([example.title, withoutAuditTimes(answered)]).toEqual([example.title, withoutAuditTimes(expected)]);
    }
    // The subject's whole history, every auditor's query of it included, once both have applied all of it.
    const mine = `{ me(first: 500) { totalCount edges { node { kind occurredAt organization { name } purpose namedItems { code } } } } }`;
    await settledOver(onSql.as(shown.tokens.OPERATOR), logs.sql);
    await settledOver(onKurrent.as(shown.tokens.OPERATOR), logs.kurrent);
    const expected = ok(await onSql.as(shown.tokens.SUBJECT).request(mine));
    expect(expected.me.edges.filter((e: { node: { kind: string } }) => e.node.kind === 'AUDIT').length).toBeGreaterThan(2);
    expect(withoutAuditTimes(ok(await onKurrent.as(shown.tokens.SUBJECT).request(mine)))).toEqual(withoutAuditTimes(expected));
  });
});
