import { openClient } from './lost-connections.js';

/** Runs one statement on a PostgreSQL server outside any pool (CREATE or DROP DATABASE cannot run in a transaction). */
export async function runAdminStatement(serverUrl: string, sql: string): Promise<void> {
  const client = openClient({ connectionString: serverUrl }, 'admin statement');
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
