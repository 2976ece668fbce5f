import type { INestApplication } from '@nestjs/common';
import { createApp } from '#app';
import type { HealthReport } from '#api';
import { backendName } from '../support/test-database.js';
import { openTestRuntime } from '../support/test-runtime.js';

describe(`GET /health on ${backendName}`, () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await createApp(await openTestRuntime(), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(() => app.close());

  it('reports the database and the event store over real HTTP', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthReport;
    expect(body).toMatchObject({
      status: 'ok',
      database: { backend: process.env.DATABASE_URL ? 'postgres' : 'pglite', reachable: true },
      eventStore: { store: process.env.DATABASE_URL ? 'postgresql' : 'pglite', ready: true, lastGlobalPosition: '0' },
    });
    expect(body.database.serverVersion).toMatch(/^\d+/);
  });

  it('serves Prometheus metrics: requests, latencies and projection lag', async () => {
    await fetch(`${url}/health`);
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/himotoki_http_requests_total\{method="GET",route="\/health",status="200"\} [1-9]/);
    expect(text).toMatch(/himotoki_http_request_duration_seconds_bucket\{le="0.015",method="GET",route="\/health"\}/);
    expect(text).toMatch(/himotoki_projection_lag_events\{projection="access-history"\} 0/);
    expect(text).toMatch(/himotoki_projection_parked\{projection="registry"\} 0/);
    expect(text).toContain(`himotoki_event_store_info{store="${process.env.DATABASE_URL ? 'postgresql' : 'pglite'}"} 1`);
  });
});
