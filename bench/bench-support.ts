import { readFileSync } from 'node:fs';
import os from 'node:os';
import { databaseUrl, runAdminStatement } from '#database';

/** The machine a figure was measured on, printed with every benchmark's result. */
export function machine(): Record<string, string | number> {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** A database of its own on the server in `DATABASE_URL`, dropped by the returned cleanup. */
export async function freshDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('set DATABASE_URL to the PostgreSQL server to benchmark against');
  const name = `${prefix}_${process.pid}`;
  await runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await runAdminStatement(serverUrl, `CREATE DATABASE ${name}`);
  return { url: databaseUrl(serverUrl, name), drop: () => runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `workers` loops that share one queue of jobs; resolves when every job is done. */
export async function runWorkers<T>(jobs: T[], workers: number, work: (job: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < jobs.length) await work(jobs[next++]!);
    }),
  );
}

/**
 * The share of the machine's CPU time spent busy (not idle, not waiting for I/O) since `busyShare` was called,
 * from /proc/stat: whether a rate was bound by the cores or by something else. Undefined off Linux.
 */
export function busyShare(): () => number | undefined {
  const read = () => {
    try {
      const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
      return { total: ticks.reduce((a, b) => a + b, 0), idle: ticks[3]! + ticks[4]! };
    } catch {
      return undefined;
    }
  };
  const start = read();
  return () => {
    const end = read();
    if (!start || !end || end.total === start.total) return undefined;
    return Math.round((1 - (end.idle - start.idle) / (end.total - start.total)) * 100) / 100;
  };
}
