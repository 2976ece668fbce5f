import { Controller, Get, Header, Inject, Injectable, Module, type MiddlewareConsumer, type NestMiddleware, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DATABASE, type Database } from '#database';
import { ProjectionRunner } from '#projections';
import { EVENT_STORE_NAME, type EventStoreName } from '../health/event-store-name.js';
import { JOURNAL_HEALTH, registerJournalMetrics, type JournalHealthCheck } from '../journal/journal-health.js';
import { registerReplicaMetrics } from './replica-metrics.js';

/** The process's metrics registry: default Node metrics, HTTP traffic, projection lag. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'himotoki_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'himotoki_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.002, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(runner: ProjectionRunner, @Inject(JOURNAL_HEALTH) journal: JournalHealthCheck, @Inject(EVENT_STORE_NAME) store: EventStoreName, @Inject(DATABASE) database: Database) {
    collectDefaultMetrics({ register: this.registry, prefix: 'himotoki_' });
    new Gauge({ name: 'himotoki_event_store_info', help: 'The store that holds the log (1 for the one in use)', labelNames: ['store'], registers: [this.registry] }).set({ store }, 1);
    // One status read serves every projection gauge of a scrape (each gauge collects on its own).
    let read: { at: number; status: ReturnType<ProjectionRunner['status']> } | undefined;
    const status = () => {
      if (!read || performance.now() - read.at > 250) read = { at: performance.now(), status: runner.status() };
      return read.status;
    };
    registerJournalMetrics(this.registry, journal);
    registerReplicaMetrics(this.registry, database);
    const lag = (name: string, help: string, pick: (s: Awaited<ReturnType<ProjectionRunner['status']>>[number]) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers: [this.registry],
        async collect() {
          for (const projection of await status()) this.set({ projection: projection.name }, pick(projection));
        },
      });
    lag('himotoki_projection_lag_events', 'Events in the log not yet applied by a projection', (s) => s.lagEvents);
    lag('himotoki_projection_lag_seconds', 'Age of the oldest event a projection has not applied', (s) => s.lagSeconds);
    lag('himotoki_projection_parked', '1 when a projection is parked on an event it could not apply', (s) => (s.state === 'parked' ? 1 : 0));
    lag('himotoki_projection_parked_position', 'Global position of the event a parked projection stopped on; 0 when running', (s) => (s.state === 'parked' ? Number(s.errorPosition ?? 0) : 0));
    lag('himotoki_projection_stale', '1 when a projection applied an event before its correction and wants a rebuild', (s) => (s.stale ? 1 : 0));
  }
}

@Injectable()
class RequestMetrics implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = performance.now();
    response.once('finish', () => {
      // The path, not the URL: ids in URLs would make a series per subject.
      const route = (request.baseUrl || request.path.split('?')[0] || '/').replace(/^\/journal\/tile\/.*/, '/journal/tile');
      this.metrics.requests.inc({ method: request.method, route, status: String(response.statusCode) });
      this.metrics.latency.observe({ method: request.method, route }, (performance.now() - started) / 1000);
    });
    next();
  }
}

@Controller('metrics')
class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

/** GET /metrics in the Prometheus text format. */
/** Needs the ProjectionRunner, which the composition root provides to every module. */
@Module({ providers: [Metrics, RequestMetrics], controllers: [MetricsController] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestMetrics).forRoutes('*path');
  }
}
