import type { Database } from './database.js';

/** Applies the migrations that have not run yet, each in its own transaction. Returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  const applied = await db.dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
