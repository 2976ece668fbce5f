import { DataSource, type MigrationInterface } from 'typeorm';
import type { Database } from './database.js';

type MigrationClass = new () => MigrationInterface;

/** Applies the migrations that have not run yet, each in its own transaction. Returns the names applied. */
export async function migrate(db: Database, migrations: MigrationClass[]): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.url,
    migrations,
    migrationsTableName: 'himotoki_migrations',
    migrationsTransactionMode: 'each',
    extra: { max: 1 },
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
