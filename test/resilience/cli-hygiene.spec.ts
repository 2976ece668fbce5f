import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');
const COMMANDS = ['serve', 'demo', 'generate', 'import', 'rebuild', 'project', 'report', 'journal', 'verify', 'token'];

describe('the himotoki command line', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'himotoki-cli-'));
    const { DATABASE_URL: _, HIMOTOKI_DATA_DIR: __, ...inherited } = process.env;
    env = { ...inherited, HIMOTOKI_DATA_DIR: join(dir, 'data'), PORT: '0' };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  // Generous: a shared machine under load starts a Node process slowly; a server that started would never end.
  const himotoki = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env, input, timeout: 240_000 });

  it.each(COMMANDS)('%s --help and -h print its usage and run nothing', (command) => {
    for (const flag of ['--help', '-h']) {
      const run = himotoki([command, flag]);
      // A server or a demo that started would not have exited (spawnSync would time out, with no status).
      expect([run.status, run.stderr]).toEqual([0, '']);
      expect(run.stdout).toMatch(new RegExp(`^usage:\\n  himotoki ${command}\\b`));
    }
  }, 600_000);

  it('help COMMAND is the same as COMMAND --help; a usage mistake shows the command\'s usage (exit 2)', () => {
    expect(himotoki(['help', 'import']).stdout).toBe(himotoki(['import', '--help']).stdout);
    const mistake = himotoki(['import']);
    expect(mistake.status).toBe(2);
    expect(mistake.stderr).toMatch(/^himotoki: import takes one file, or - for standard input\n\nusage:\n  himotoki import FILE.ndjson\|-/);
  }, 600_000);

  it('import - reads the commands from standard input', () => {
    const lines = himotoki(['generate', '--subjects', '1']).stdout;
    const run = himotoki(['import', '-'], lines);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ lines: lines.trim().split('\n').length, errors: 0 });
    expect(summary.stored).toBe(summary.lines);
  }, 600_000);

  it('ends quietly when the reader closes the pipe (generate | head)', async () => {
    const child = spawn(process.execPath, [CLI, 'generate', '--subjects', '20000'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  }, 120_000);
});
