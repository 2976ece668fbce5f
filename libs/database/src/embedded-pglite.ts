import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataFolder } from './data-folder-lock.js';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves PGlite (PostgreSQL compiled to WebAssembly, in this process) on a loopback port, so that a normal
 * `pg` pool and TypeORM reach it exactly as they reach a PostgreSQL server. The socket server multiplexes
 * `maxConnections` clients onto PGlite's single session and runs one transaction at a time.
 *
 * A data folder is locked for this process first: PGlite has no locking of its own, and two processes
 * writing one folder corrupt it beyond opening.
 *
 * @param dataDir a directory that keeps the database across restarts; in memory when absent.
 */
export async function startEmbeddedPglite(dataDir: string | undefined, maxConnections: number): Promise<EmbeddedServer> {
  const lock = dataDir ? await lockDataFolder(dataDir) : undefined;
  try {
    const db = await PGlite.create(dataDir ? { dataDir } : {});
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
    const address = server.getServerConn();
    return {
      url: `postgres://postgres@${address}/postgres`,
      async stop() {
        try {
          await server.stop();
          await db.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
