import type { Runtime } from '#app';
import { openTestDatabase } from './test-database.js';

/** A fixed key, so tests can recompute fingerprints independently. */
export const TEST_FINGERPRINT_KEY = Buffer.from('himotoki-test-key-32-bytes-long!!', 'utf8');

export async function openTestRuntime(): Promise<Runtime> {
  return { database: await openTestDatabase(), fingerprintKey: TEST_FINGERPRINT_KEY };
}
