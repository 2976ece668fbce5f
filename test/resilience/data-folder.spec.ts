import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolderLockedError, LOCK_FILE, openDatabase } from '#database';
import { LogInsider } from '#event-store-postgres/testing';
import { DATABASE_SCHEMA } from '#app';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');

/** The environment of a CLI run: no PostgreSQL, the embedded database wherever `env` says. */
function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, HIMOTOKI_DATA_DIR: __, HIMOTOKI_SECRET: ___, XDG_DATA_HOME: ____, ...inherited } = process.env;
  return { ...inherited, ...env };
}
const himotoki = (args: string[], env: Record<string, string>, input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: cliEnv(env), input, timeout: 300_000 });

/** Resolves with the first line of `child`'s stdout that matches. */
function lineOf(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(pattern);
      if (match) resolve(match);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${output}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe('the embedded data folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'himotoki-folder-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('belongs to one process: a second is refused with the holder\'s pid, the first is unharmed, the data intact', async () => {
    const dataDir = join(dir, 'data');
    const server = spawn(process.execPath, [CLI, 'serve'], { env: cliEnv({ HIMOTOKI_DATA_DIR: dataDir, PORT: '0' }), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [, url] = await lineOf(server, /listening on (http:\/\/\S+)/);
      const token = himotoki(['token', '--role', 'OPERATOR'], { HIMOTOKI_DATA_DIR: dataDir }).stdout.trim().split('\n').at(-1)!;
      const register = (organizationId: string) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `mutation ($input: RegisterOrganizationInput!) { registerOrganization(commandId: "${crypto.randomUUID()}", input: $input) { applied } }`,
            variables: { input: { organizationId, name: organizationId, kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: '2024-04-01T09:00:00+09:00' } },
          }),
        }).then((r) => r.json());
      expect(await register('city')).toEqual({ data: { registerOrganization: { applied: true } } });

      // Another process: refused, naming the holder and what to do.
      const report = himotoki(['report', '--from', '2024-04-01', '--to', '2024-05-01'], { HIMOTOKI_DATA_DIR: dataDir });
      expect(report.status).toBe(1);
      expect(report.stderr).toContain(`the embedded database in ${dataDir} is in use by process ${server.pid}`);
      expect(report.stderr).toMatch(/Stop that process, or send the work to it .* or serve the data from PostgreSQL/);
      // And within this process as well.
      await expect(openDatabase({ dataDir }, DATABASE_SCHEMA)).rejects.toThrow(DataFolderLockedError);

      // The first goes on.
      expect(await register('town')).toEqual({ data: { registerOrganization: { applied: true } } });
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const db = await openDatabase({ dataDir }, DATABASE_SCHEMA);
    try {
      const registered = await new LogInsider(db.pool).storedEvents({ types: ['OrganizationRegistered'] });
      expect(registered.map((e) => e.data.organizationId)).toEqual(['city', 'town']);
    } finally {
      await db.close();
    }
  }, 600_000);

  it('recovers the lock of a process that died without releasing it', async () => {
    const dataDir = join(dir, 'data');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, LOCK_FILE), `${dead.stdout}\n${hostname()}\n`);
    const db = await openDatabase({ dataDir }, DATABASE_SCHEMA);
    try {
      expect((await db.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('is one default folder ($XDG_DATA_HOME/himotoki) that every command shares with no setting', async () => {
    const env = { XDG_DATA_HOME: dir };
    const file = join(dir, 'population.ndjson');
    expect(himotoki(['generate', '--subjects', '3', '--out', file], env).status).toBe(0);
    const imported = himotoki(['import', file], env);
    expect(imported.status).toBe(0);
    const stored = JSON.parse(imported.stdout.trim().split('\n').at(-1)!).stored as number;
    expect(stored).toBeGreaterThan(0);
    // Another command, another process, the same database.
    const verified = himotoki(['verify'], env);
    expect(verified.status).toBe(0);
    expect(JSON.parse(verified.stdout.trim().split('\n').at(-1)!).events).toBeGreaterThanOrEqual(stored);
    expect(existsSync(join(dir, 'himotoki', 'fingerprint.key'))).toBe(true);
  }, 600_000);

  it('is in memory only when asked for, and then the commands that work on stored data refuse to run', () => {
    for (const args of [['report', '--from', '2024-04-01', '--to', '2024-05-01'], ['verify'], ['journal', 'head'], ['rebuild'], ['import', '-']]) {
      const run = himotoki(args, { HIMOTOKI_DATA_DIR: ':memory:' }, '');
      expect([args[0], run.status, run.stderr.split('\n')[0]]).toEqual([args[0], 2, expect.stringContaining('HIMOTOKI_DATA_DIR=:memory: opens an empty database')]);
    }
  }, 600_000);
});
