/**
 * npm run kurrentdb:test-server — the KurrentDB protocol test server on its own, for a person trying Himotoki on
 * KurrentDB without one: prints its connection string and serves until Ctrl-C. Its log lives in memory and ends
 * with it. A test tool (never shipped): run a real KurrentDB for anything else.
 */
import { KurrentDbTestServer } from './kurrentdb-test-server.js';

const server = await KurrentDbTestServer.start();
console.log(`KurrentDB protocol test server listening: KURRENTDB_URL='${server.url}'`);
console.log(`Try:  HIMOTOKI_EVENT_STORE=kurrentdb KURRENTDB_URL='${server.url}' HIMOTOKI_DATA_DIR=:memory: npx himotoki demo`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
