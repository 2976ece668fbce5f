import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { HealthReport } from '#api';
import { databaseUrl, runAdminStatement } from '#database';
import { demo } from '../../apps/cli/src/demo.js';
import { GraphQLClient } from '../support/graphql-client.js';
import { KurrentDbTestServer } from '../support/kurrentdb/kurrentdb-test-server.js';
import { startTestApi } from '../support/test-api.js';
import { backendName } from '../support/test-database.js';
import { TEST_FINGERPRINT_KEY } from '../support/test-runtime.js';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');
const POPULATION = { subjects: 30, seed: 'demo-on-kurrentdb' };

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

describe(`himotoki demo with HIMOTOKI_EVENT_STORE=kurrentdb (the protocol test server), read models on ${backendName}`, () => {
  let server: KurrentDbTestServer;
  let cli: ChildProcess;
  let readModels: { url: string; drop(): Promise<void> } | undefined;
  let kurrentUrl: string;
  let onKurrent: GraphQLClient;
  let app: INestApplication;
  let onSql: GraphQLClient;
  let shown: Awaited<ReturnType<typeof demo>>;

  beforeAll(async () => {
    server = await KurrentDbTestServer.start();
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
        KURRENTDB_URL: server.url,
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
  }, 300_000);

  afterAll(async () => {
    cli?.kill('SIGTERM');
    if (cli && cli.exitCode === null) await new Promise((resolve) => cli.once('exit', resolve));
    await app?.close();
    await server?.close();
    await readModels?.drop();
  });

  it('keeps its log in KurrentDB: every event of the population is in the test server', async () => {
    expect(server.eventCount()).toBeGreaterThan(100);
    const health = (await (await fetch(`${kurrentUrl}/health`)).json()) as HealthReport;
    expect(health.eventStore).toMatchObject({ store: 'kurrentdb', ready: true });
  });

  it("answers every one of the demo's examples (access history, exposure, …) as the demo on the database does", async () => {
    const history = shown.examples.filter((e) => /^query (History|Mine|WhoAccessed|Exposure) /.test(e.query));
    expect(history).toHaveLength(4);
    for (const example of shown.examples) {
      const expected = await onSql.as(shown.tokens[example.role]).request(example.query);
      expect([example.title, expected.errors ?? []]).toEqual([example.title, []]);
      const answered = await onKurrent.as(shown.tokens[example.role]).request(example.query);
      expect([example.title, answered]).toEqual([example.title, expected]);
    }
  });
});
