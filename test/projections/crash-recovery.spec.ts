import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, migrate, openDatabase, runAdminStatement, type Database, type DatabaseOptions } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { DATABASE_SCHEMA, PROJECTIONS } from '#app';
import { eventLogSize, subjectAppends, worldAppend } from '#synthetic-population';
import { readModelHash } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');
const SUBJECTS = 4_000;
const SECRET = 'crash-test-secret-crash-test-secret!!';

/** The database the child processes use: a fresh PostgreSQL database, or a PGlite data directory. */
async function prepare(): Promise<{ options: DatabaseOptions; env: Record<string, string>; cleanup: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `himotoki_crash_${randomBytes(4).toString('hex')}`;
    await runAdminStatement(server, `CREATE DATABASE ${name}`);
    const url = databaseUrl(server, name);
    return { options: { url }, env: { DATABASE_URL: url }, cleanup: () => runAdminStatement(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'himotoki-crash-'));
  return { options: { dataDir }, env: { HIMOTOKI_DATA_DIR: dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

async function withDatabase<T>(options: DatabaseOptions, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(options, DATABASE_SCHEMA);
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

function himotoki(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _, ...inherited } = process.env;
  return spawn(process.execPath, [CLI, ...args], { env: { ...inherited, ...env, HIMOTOKI_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'pipe'] });
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe(`crash recovery of the projector on ${backendName}`, () => {
  it('a projector killed mid-run and started again ends exactly where a full rebuild does, nothing missing or doubled', async () => {
    const { options, env, cleanup } = await prepare();
    try {
      await withDatabase(options, async (db) => {
        const store = new PostgresEventStore(db);
        await store.appendToStreams([worldAppend()]);
        for (let n = 0; n < SUBJECTS; n += 200) await store.appendToStreams(subjectAppends(n, n + 200));
        await store.close();
      });
      const total = eventLogSize(SUBJECTS);

      // On PostgreSQL the test watches the checkpoint while the child runs; PGlite's data directory belongs
      // to one process at a time, so there the child is killed once its progress line shows a commit.
      const child = himotoki(['project'], env);
      let processedAtKill = -1;
      if (options.url) {
        await withDatabase(options, async (db) => {
          for (;;) {
            const { rows } = await db.pool.query(`SELECT events_processed FROM projections.checkpoints WHERE projection = 'access-history'`);
            processedAtKill = Number(rows[0]?.events_processed ?? 0);
            if (processedAtKill > 0) break;
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        });
      } else {
        // The child prints its progress each second while it lags: kill it once some projection has committed.
        await new Promise<void>((resolve) => {
          let output = '';
          child.stdout!.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (/^progress .*=[1-9]/m.test(output)) resolve();
          });
        });
      }
      child.kill('SIGKILL');
      await exited(child);

      // Killed mid-run: some projection had committed progress, and not every projection had finished.
      const partial = await withDatabase(options, async (db) => {
        const { rows } = await db.pool.query(
          `SELECT coalesce(max(events_processed), 0) AS most, coalesce(min(events_processed), 0) AS least, count(*) AS projections FROM projections.checkpoints`,
        );
        return { most: Number(rows[0].most), least: Number(rows[0].projections) < 2 ? 0 : Number(rows[0].least) };
      });
      expect(partial.most).toBeGreaterThan(0);
      expect(partial.least).toBeLessThan(total);

      const again = himotoki(['project', '--once'], env);
      expect(await exited(again)).toBe(0);

      await withDatabase(options, async (db) => {
        const afterRestart = await readModelHash(db.pool);
        const { rows } = await db.pool.query(`SELECT count(*) AS n, count(DISTINCT (subject_id, event_id)) AS d FROM access_history.entries`);
        // 5 lines per subject: a tie (both records are the subject's), a provision, a cut, two accesses.
        expect(Number(rows[0].n)).toBe(SUBJECTS * 5);
        expect(Number(rows[0].d)).toBe(SUBJECTS * 5);
        const store = new PostgresEventStore(db);
        const runner = new ProjectionRunner(db.pool, store, PROJECTIONS);
        await rebuildProjections(db.pool, store, runner, PROJECTIONS);
        await store.close();
        expect(await readModelHash(db.pool)).toBe(afterRestart);
      });
    } finally {
      await cleanup();
    }
  }, 180_000);
});
