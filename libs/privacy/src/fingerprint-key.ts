import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FingerprintKeyOptions {
  /** `HIMOTOKI_SECRET`: the platform secret, at least 32 bytes. */
  secret?: string;
  /** The embedded database's directory: a generated key is kept there, beside the data it fingerprints. */
  dataDir?: string;
  /** True when the data itself lives only in memory, so a key that dies with the process is consistent. */
  ephemeral: boolean;
}

const KEY_FILE = 'fingerprint.key';

/**
 * The key of every fingerprint. Fingerprints made with one key never match those made with another, so the
 * key must live exactly as long as the data: configured (`HIMOTOKI_SECRET`), kept with the embedded data
 * directory, or — for in-memory data only — generated for this process.
 */
export async function loadFingerprintKey(options: FingerprintKeyOptions): Promise<Buffer> {
  if (options.secret) {
    const key = Buffer.from(options.secret, 'utf8');
    if (key.length < 32) throw new Error(`HIMOTOKI_SECRET must be at least 32 bytes, got ${key.length}`);
    return key;
  }
  if (options.dataDir) {
    const path = join(options.dataDir, KEY_FILE);
    try {
      return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = randomBytes(32);
    await mkdir(options.dataDir, { recursive: true });
    await writeFile(path, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  }
  if (options.ephemeral) return randomBytes(32);
  throw new Error('HIMOTOKI_SECRET is required with DATABASE_URL: fingerprints must stay comparable across restarts');
}
