import { Global, Inject, Injectable, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { PROJECTIONS } from './projections.js';

/** Whether this process follows the log live (a server), or leaves that to `himotoki project` (tools, scale-out). */
export const RUN_PROJECTOR = Symbol('RunProjector');

/** Starts the projections with the app when it runs them, and stops them before the database closes. */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(RUN_PROJECTOR) private readonly runProjector: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (this.runProjector) this.runner.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}

/** Global: the API's status, health and metrics read the same runner. */
@Global()
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
