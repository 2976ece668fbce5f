import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DATABASE, type Database, type ReplicaLag } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner, type ProjectionStatus } from '#projections';
import { EVENT_STORE_NAME, type EventStoreName } from './event-store-name.js';
import { JOURNAL_HEALTH, type JournalHealthCheck, type JournalHealthReport } from '../journal/journal-health.js';

export interface HealthReport {
  /** ok: ready to serve; unavailable: the database or the event store is not; degraded: a read model has stopped or is stale. */
  status: 'ok' | 'degraded' | 'unavailable';
  database: { backend: Database['backend']; reachable: boolean; serverVersion?: string; latencyMs?: number; error?: string };
  /** The streaming replica that answers reads (DATABASE_READ_URL), and how far behind it is; reads fall back to the primary, so it is not readiness. */
  replica?: ReplicaLag;
  /** `store`: which store holds the log (PostgreSQL, the embedded PGlite, or KurrentDB). */
  eventStore: { store: EventStoreName; ready: boolean; lastGlobalPosition?: string; error?: string };
  projections: ProjectionStatus[];
  /** Head age, sealer lag and the monitor's verdict; absent when it could not be read. */
  journal?: JournalHealthReport;
  /** What keeps the service from being ready, in words an operator can act on. */
  problems: string[];
}

/**
 * Liveness and readiness. `/health/live` answers while the process does. `/health` (and `/health/ready`)
 * answers 503 unless the database answers, the event store's schema is in place and every read model
 * follows the log: a projection parked on an event it cannot apply stops the trail from reaching people,
 * so it fails readiness, naming the projection, the event and the reason.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_STORE_NAME) private readonly storeName: EventStoreName,
    private readonly projections: ProjectionRunner,
    @Inject(JOURNAL_HEALTH) private readonly journal: JournalHealthCheck,
  ) {}

  @Get()
  health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    return this.ready(response);
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.check();
    if (report.status !== 'ok') response.status(503);
    return report;
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  private async check(): Promise<HealthReport> {
    const database: HealthReport['database'] = { backend: this.database.backend, reachable: false };
    const eventStore: HealthReport['eventStore'] = { store: this.storeName, ready: false };
    let projections: ProjectionStatus[] = [];
    try {
      const started = performance.now();
      const { rows } = await this.database.pool.query<{ server_version: string }>('SHOW server_version');
      database.latencyMs = Math.round((performance.now() - started) * 100) / 100;
      database.reachable = true;
      database.serverVersion = rows[0]?.server_version;
      eventStore.lastGlobalPosition = String(await this.store.lastPosition());
      eventStore.ready = true;
      projections = await this.projections.status();
    } catch (error) {
      const message = (error as Error).message;
      if (database.reachable) eventStore.error = message;
      else database.error = message;
    }
    const journal = database.reachable ? await this.journal.check().catch(() => undefined) : undefined;
    const replica = await this.database.replica?.lag();
    const problems = [
      ...(database.error ? [`database unreachable: ${database.error}`] : []),
      ...(eventStore.error ? [`event store not ready: ${eventStore.error}`] : []),
      ...projections.flatMap(projectionProblems),
      // A stored event that no longer gives its sealed leaf: the log was changed in place.
      ...(journal && !journal.ok ? [`journal: a stored event no longer matches its sealed leaf (${journal.monitor.state})`] : []),
    ];
    const status = !database.reachable || !eventStore.ready ? 'unavailable' : problems.length > 0 ? 'degraded' : 'ok';
    return { status, database, ...(replica ? { replica } : {}), eventStore, projections, ...(journal ? { journal } : {}), problems };
  }
}

function projectionProblems(p: ProjectionStatus): string[] {
  const problems: string[] = [];
  if (p.state === 'parked') {
    const on = p.parkedOn;
    problems.push(
      on
        ? `projection ${p.name} is parked on event ${on.eventId} (${on.type}, global position ${on.globalPosition}, stream ${on.streamId}): ${on.reason}; ` +
            'an operator corrects it with the correctEvent mutation (ANNUL or SUPERSEDE) and the projection resumes'
        : `projection ${p.name} is parked at global position ${p.errorPosition}: ${p.error}`,
    );
  }
  if (p.stale) problems.push(`projection ${p.name} is stale: ${p.stale}`);
  return problems;
}
