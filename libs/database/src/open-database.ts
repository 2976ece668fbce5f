import pg from 'pg';
import type { Database } from './database.js';
import { startEmbeddedPglite } from './embedded-pglite.js';

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent, the embedded PGlite is used. */
  url?: string;
  /** Where the embedded PGlite keeps its files; in memory when absent. */
  dataDir?: string;
  /** Pool size on PostgreSQL; the embedded PGlite always uses one connection. */
  poolSize?: number;
}

/** Options from the environment: `DATABASE_URL`, `HIMOTOKI_DATA_DIR`, `HIMOTOKI_POOL_SIZE`. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: env.HIMOTOKI_DATA_DIR || undefined,
    poolSize: env.HIMOTOKI_POOL_SIZE ? Number(env.HIMOTOKI_POOL_SIZE) : undefined,
  };
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const poolSize = options.poolSize ?? 10;
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: poolSize });
    return {
      backend: 'postgres',
      pool,
      url: options.url,
      deliversNotifications: true,
      close: () => pool.end(),
    };
  }
  // pglite-socket multiplexes clients one protocol message at a time, so two busy clients interleave their
  // Parse and Bind messages (seen here: a Bind landing on another client's statement). Every query of the
  // embedded mode therefore goes through one pooled connection; PGlite runs one session anyway. The second
  // socket slot serves short-lived tools that run while the pool is idle (migrations).
  const embedded = await startEmbeddedPglite(options.dataDir, 2);
  const pool = new pg.Pool({ connectionString: embedded.url, max: 1 });
  return {
    backend: 'pglite',
    pool,
    url: embedded.url,
    deliversNotifications: false,
    async close() {
      await pool.end();
      await embedded.stop();
    },
  };
}
