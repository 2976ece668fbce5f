import { randomBytes } from 'node:crypto';
import { databaseUrl, migrate, openDatabase, runAdminStatement, type Database, type Schema } from '#database';
import { DATABASE_SCHEMA } from '#app';

/**
 * A migrated database of its own for one test suite: a fresh database on the PostgreSQL server in
 * `DATABASE_URL` (dropped again by `close`), or a fresh in-memory PGlite when it is unset. A `schema` other
 * than the app's (fewer migrations, say) builds a database as an earlier version left it.
 */
export async function openTestDatabase(poolSize = 10, schema: Schema = DATABASE_SCHEMA): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ poolSize }, schema);
    await migrate(db);
    return db;
  }
  const name = `himotoki_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runAdminStatement(serverUrl, `CREATE DATABASE ${name}`);
  const db = await openDatabase({ url: databaseUrl(serverUrl, name), poolSize }, schema);
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      await runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export const backendName = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
