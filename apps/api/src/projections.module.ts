import { Inject, Injectable, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { accessHistoryProjection } from '#access-history';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner, type Projection } from '#projections';
import { registryProjection } from '#registry';

/** Every projection the app keeps. */
export const PROJECTIONS: readonly Projection[] = [accessHistoryProjection, registryProjection];

/** Runs the projections inside the server unless `HIMOTOKI_PROJECTOR=off` (then `himotoki project` runs them). */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly runner: ProjectionRunner) {}

  onApplicationBootstrap(): void {
    if (process.env.HIMOTOKI_PROJECTOR !== 'off') this.runner.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}

@Module({
  providers: [
    {
      provide: ProjectionRunner,
      useFactory: (database: Database, store: EventStore) => new ProjectionRunner(database.pool, store, PROJECTIONS),
      inject: [DATABASE, EVENT_STORE],
    },
    ProjectorLifecycle,
  ],
  exports: [ProjectionRunner],
})
export class ProjectionsModule {}
