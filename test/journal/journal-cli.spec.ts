import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, migrate, openDatabase, runAdminStatement, type DatabaseOptions } from '#database';
import { publicKeyPem } from '#journal';
import { DATABASE_SCHEMA } from '#app';
import { backendName } from '../support/test-database.js';
import { TEST_FINGERPRINT_KEY } from '../support/test-runtime.js';
import { LogInsider } from '#event-store-postgres/testing';
import { logOrder, openJournalFixture } from './journal-support.js';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');
// Nothing listens here: a command that tried to reach a database would fail.
const NO_DATABASE = 'postgres://nobody@127.0.0.1:1/none';

function himotoki(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _, HIMOTOKI_DATA_DIR: __, ...inherited } = process.env;
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...inherited, HIMOTOKI_SECRET: TEST_FINGERPRINT_KEY.toString('utf8'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** A database the CLI can open too: a fresh PostgreSQL database, or a PGlite data directory (one process at a time). */
async function prepare(dir: string): Promise<{ options: DatabaseOptions; env: Record<string, string>; cleanup: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `himotoki_journal_cli_${randomBytes(4).toString('hex')}`;
    await runAdminStatement(server, `CREATE DATABASE ${name}`);
    const url = databaseUrl(server, name);
    return { options: { url }, env: { DATABASE_URL: url }, cleanup: () => runAdminStatement(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  return { options: { dataDir: join(dir, 'data') }, env: { HIMOTOKI_DATA_DIR: join(dir, 'data') }, cleanup: async () => undefined };
}

describe(`himotoki verify and himotoki journal on ${backendName}`, () => {
  it('exports proofs, checks them with no database, and verifies the stored journal: exit 0 intact, 1 tampered, 2 misused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'himotoki-journal-cli-'));
    const { options, env, cleanup } = await prepare(dir);
    try {
      const publicKeyFile = join(dir, 'journal.pub.pem');
      const open = async () => {
        const db = await openDatabase(options, DATABASE_SCHEMA);
        await migrate(db);
        return openJournalFixture(db);
      };
      let f = await open();
      await f.appendSubjects(0, 20, 10);
      await f.sealAndSign();
      await writeFile(publicKeyFile, publicKeyPem(f.key));
      const order = await logOrder(f.db);
      await f.close();

      const intact = await himotoki(['verify', '--public-key', publicKeyFile], env);
      expect(intact.stdout).toContain(`ok   ${order.length} events, ${order.length} sealed, 1 signed heads checked`);
      expect(intact.code).toBe(0);

      const proofFile = join(dir, 'inclusion.json');
      expect((await himotoki(['journal', 'inclusion', '--event', order[150]!.event_id, '--out', proofFile], env)).code).toBe(0);
      const consistencyFile = join(dir, 'consistency.json');
      expect((await himotoki(['journal', 'consistency', '--from', '100', '--to', String(order.length), '--out', consistencyFile], env)).code).toBe(0);
      const head = await himotoki(['journal', 'head'], env);
      expect(JSON.parse(head.stdout)).toMatchObject({ format: 'himotoki-journal-proof/v1', kind: 'head', head: { treeSize: order.length } });

      // Offline: no database reachable, the key pinned or taken from the document.
      for (const file of [proofFile, consistencyFile]) {
        const checked = await himotoki(['verify', '--proof', file, '--public-key', publicKeyFile], { DATABASE_URL: NO_DATABASE });
        expect(checked.code).toBe(0);
        expect(JSON.parse(checked.stdout.trim().split('\n').at(-1)!)).toMatchObject({ valid: true });
      }
      const proof = JSON.parse(await readFile(proofFile, 'utf8'));
      const forged = join(dir, 'forged.json');
      await writeFile(forged, JSON.stringify({ ...proof, leaf: proof.leaf.replace(order[150]!.event_id, order[151]!.event_id) }));
      const refused = await himotoki(['verify', '--proof', forged], { DATABASE_URL: NO_DATABASE });
      expect(refused.code).toBe(1);
      // The event named in the leaf is no longer the one its commitment was made to (a v2 proof).
      expect(refused.stdout).toContain('FAIL entry = SHA-256(leaf), the commitment to the opening');
      const malformed = join(dir, 'malformed.json');
      await writeFile(malformed, JSON.stringify({ ...proof, auditPath: ['zz'] }));
      const misused = await himotoki(['verify', '--proof', malformed], { DATABASE_URL: NO_DATABASE });
      expect(misused.code).toBe(2);
      expect(misused.stderr).toContain('$.auditPath: must be a list of SHA-256 hashes in lowercase hex');

      f = await open();
      await new LogInsider(f.db.pool).changePayload(order[150]!.global_position, { forged: true });
      await f.close();
      const tampered = await himotoki(['verify', '--public-key', publicKeyFile], env);
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toContain(`FAIL first difference at leaf 150 (event ${order[150]!.event_id}, global position ${order[150]!.global_position}): the event differs from the commitment made when it was appended (its content was changed)`);
    } finally {
      await cleanup();
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
