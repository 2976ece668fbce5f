import type { INestApplication } from '@nestjs/common';
import { createApp, eventStoreKindFromEnv } from '#app';
import type { HealthReport } from '#api';
import { KurrentDbTestServer } from '../support/kurrentdb/kurrentdb-test-server.js';
import { openTestRuntime } from '../support/test-runtime.js';

describe('the composition root chooses the event store', () => {
  it('from HIMOTOKI_EVENT_STORE and KURRENTDB_URL', () => {
    expect(eventStoreKindFromEnv({})).toEqual({ kind: 'postgres' });
    expect(eventStoreKindFromEnv({ HIMOTOKI_EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://127.0.0.1:2113?tls=false' })).toEqual({
      kind: 'kurrentdb',
      url: 'kurrentdb://127.0.0.1:2113?tls=false',
    });
    expect(() => eventStoreKindFromEnv({ HIMOTOKI_EVENT_STORE: 'kurrentdb' })).toThrow(/KURRENTDB_URL/);
    expect(() => eventStoreKindFromEnv({ HIMOTOKI_EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'postgres://x' })).toThrow(/connection string/);
    expect(() => eventStoreKindFromEnv({ HIMOTOKI_EVENT_STORE: 'mongo' })).toThrow(/"postgres" or "kurrentdb"/);
  });

  describe('on KurrentDB (the protocol test server), /health and /metrics name it', () => {
    let server: KurrentDbTestServer;
    let app: INestApplication;
    let url: string;

    beforeAll(async () => {
      server = await KurrentDbTestServer.start();
      const eventStore = eventStoreKindFromEnv({ HIMOTOKI_EVENT_STORE: 'kurrentdb', KURRENTDB_URL: server.url });
      app = await createApp({ ...(await openTestRuntime()), eventStore }, { logger: false });
      await app.listen(0, '127.0.0.1');
      url = await app.getUrl();
    });
    afterAll(async () => {
      await app?.close();
      await server?.close();
    });

    it('GET /health reports the store as kurrentdb, ready, at the log the server holds', async () => {
      const response = await fetch(`${url}/health`);
      const body = (await response.json()) as HealthReport;
      expect(response.status).toBe(200);
      expect(body.eventStore).toEqual({ store: 'kurrentdb', ready: true, lastGlobalPosition: '0' });
    });

    it('GET /metrics carries himotoki_event_store_info for kurrentdb alone', async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      expect(text).toContain('himotoki_event_store_info{store="kurrentdb"} 1');
      expect(text.match(/^himotoki_event_store_info\{/gm)).toHaveLength(1);
    });
  });
});
