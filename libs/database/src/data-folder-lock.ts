import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file in an embedded data folder: the holder's pid and host, one per line. */
export const LOCK_FILE = 'himotoki.lock';

/** The data folder is open in another process: opening it too would corrupt it. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly host: string,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid}${host === hostname() ? '' : ` on ${host}`}: ` +
        'PGlite lets one process open a data folder at a time. Stop that process, or send the work to it (its GraphQL API), ' +
        'or serve the data from PostgreSQL (DATABASE_URL) for several processes at once',
    );
  }
}

export interface DataFolderLock {
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
}

/**
 * Takes the data folder for this process: a lock file created with O_EXCL (atomic: of two processes, one
 * creates it) holding this pid. A lock whose process is gone (a crash, a kill -9) is recovered; the
 * recovery is itself serialized by a second O_EXCL file, so two recovering processes never remove each
 * other's fresh lock. Released on `release()` and on any exit of the process.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine = `${process.pid}\n${hostname()}\n`;
  for (let attempt = 0; ; attempt++) {
    if (create(path, mine)) break;
    const holder = readHolder(path);
    if (holder && (holder.host !== hostname() || isAlive(holder.pid))) throw new DataFolderLockedError(dataDir, holder.pid, holder.host);
    if (attempt >= 20) {
      throw new Error(`cannot take the lock ${path}: it names no running process and does not go away; if no process uses ${dataDir}, remove the file`);
    }
    // A dead holder's lock is recovered; one being written (no holder yet) is waited for.
    if (holder) recoverStale(path, holder);
    await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own lock is removed (never one a recovery handed to another process).
    if (readHolder(path)?.pid === process.pid) unlinkSync(path);
  };
  process.on('exit', release);
  return { release };
}

function create(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The holder named in a lock file; null when the file is gone or names none (yet). */
function readHolder(path: string): Holder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const [pid, host] = text.split('\n');
  return /^\d+$/.test(pid ?? '') && host ? { pid: Number(pid), host } : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a dead holder's lock, unless another process is recovering it or it changed meanwhile. */
function recoverStale(path: string, seen: Holder): void {
  const recovery = `${path}.recovery`;
  if (!create(recovery, `${process.pid}\n${hostname()}\n`)) {
    // Another process recovers it; a recovery left behind by a process that died is itself stale.
    const other = readHolder(recovery);
    if (other && other.host === hostname() && !isAlive(other.pid)) unlinkSync(recovery);
    return;
  }
  try {
    const now = readHolder(path);
    if (now && now.pid === seen.pid && now.host === seen.host) unlinkSync(path);
  } finally {
    unlinkSync(recovery);
  }
}
