/**
 * npm run bench:ingest — commands per second through `himotoki import` (a child process, as an operator
 * would run it) of a generated population of 100,000 subjects (BENCH_SUBJECTS) on the PostgreSQL in
 * DATABASE_URL. Every command is validated, fingerprinted at the edge, decided and stored in atomic batches.
 * Last line: one JSON object.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPool } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { generate } from '../apps/cli/src/demo.js';
import { cliOf, freshDatabase, machine } from './bench-support.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_ingest');
  const file = join(tmpdir(), `himotoki-bench-ingest-${process.pid}.ndjson`);
  const generated = performance.now();
  const commands = await generate({ subjects: SUBJECTS, seed: 'bench', out: file, manifest: `${file}.manifest.json` });
  console.log(`generated ${commands.toLocaleString('en')} commands in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
  const child = spawn(process.execPath, [cliOf(), 'import', file], {
    env: { ...process.env, DATABASE_URL: target.url, HIMOTOKI_SECRET: 'bench-secret-bench-secret-bench-secret' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`himotoki import exited ${code}: ${output}`);
  const summary = JSON.parse(output.trim().split('\n').at(-1)!) as { commands: number; errors: number; seconds: number; commandsPerSecond: number };
  const pool = openPool({ connectionString: target.url, max: 1 }, 'ingest bench');
  const events = await new PostgresEventStore({ pool, url: target.url, deliversNotifications: false }).countEvents();
  await pool.end();
  await rm(file, { force: true });
  await rm(`${file}.manifest.json`, { force: true });
  await target.drop();
  console.log(`imported ${summary.commands.toLocaleString('en')} commands (${events.toLocaleString('en')} events) in ${summary.seconds} s: ${summary.commandsPerSecond.toLocaleString('en')} commands/s, ${Math.round(events / summary.seconds).toLocaleString('en')} events/s, ${summary.errors} errors`);
  console.log(JSON.stringify({ ingest: { subjects: SUBJECTS, commands: summary.commands, events, seconds: summary.seconds, commandsPerSecond: summary.commandsPerSecond, eventsPerSecond: Math.round(events / summary.seconds), errors: summary.errors }, machine: machine() }));
}

await main();
