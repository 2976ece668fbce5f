import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DATABASE, type Database } from '#database';
import { ProjectionRunner, type ProjectionStatus } from '#projections';
import type { JournalHealthReport } from '../journal/journal-health.js';
import { JournalHealth } from '../journal.module.js';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { backend: Database['backend']; reachable: boolean; serverVersion?: string; latencyMs?: number; error?: string };
  eventStore: { ready: boolean; lastGlobalPosition?: string; error?: string };
  projections: ProjectionStatus[];
  journal?: JournalHealthReport;
}

/** Liveness and readiness: the database answers and the event store's schema is in place. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly projections: ProjectionRunner,
    private readonly journal: JournalHealth,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.check();
    // A stored event that no longer gives its sealed leaf fails readiness: the log was changed in place.
    report.journal = await this.journal.check().catch(() => undefined);
    if (report.journal && !report.journal.ok) report.status = 'unavailable';
    if (report.status !== 'ok') response.status(503);
    return report;
  }

  private async check(): Promise<HealthReport> {
    const database: HealthReport['database'] = { backend: this.database.backend, reachable: false };
    const eventStore: HealthReport['eventStore'] = { ready: false };
    let projections: ProjectionStatus[] = [];
    try {
      const started = performance.now();
      const { rows } = await this.database.pool.query<{ server_version: string }>('SHOW server_version');
      database.latencyMs = Math.round((performance.now() - started) * 100) / 100;
      database.reachable = true;
      database.serverVersion = rows[0]?.server_version;
      // The primary key answers max() from the index: cheap enough for every probe.
      const last = await this.database.pool.query<{ last: string | null }>('SELECT max(global_position) AS last FROM event_store.events');
      eventStore.ready = true;
      eventStore.lastGlobalPosition = last.rows[0]?.last ?? '0';
      projections = await this.projections.status();
    } catch (error) {
      const message = (error as Error).message;
      if (database.reachable) eventStore.error = message;
      else database.error = message;
    }
    // A parked projection is reported, not fatal: the events are safe and the other read models answer.
    return { status: database.reachable && eventStore.ready ? 'ok' : 'unavailable', database, eventStore, projections };
  }
}
