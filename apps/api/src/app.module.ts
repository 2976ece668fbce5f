import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE } from '#event-store';
import { PostgresEventStore } from '#event-store-postgres';
import { IngestionModule } from '#ingestion';
import { FINGERPRINTER, Fingerprinter } from '#privacy';
import { TokenService } from './auth/token.service.js';
import { GraphQLApiModule } from './graphql/graphql-api.module.js';
import { HealthController } from './health/health.controller.js';
import { JournalModule } from './journal.module.js';
import { MetricsModule } from './metrics/metrics.js';
import { ProjectionsModule, RUN_PROJECTOR } from './projections.module.js';

/** Closes the store's LISTEN connection and the database when the app stops. */
@Injectable()
class Shutdown implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.database.close();
  }
}

/** The adapters every module may inject: the database, the event store, the fingerprinter, the token service. */
@Global()
@Module({})
class InfrastructureModule {
  static over(database: Database, fingerprintKey: Buffer, runProjector: boolean): DynamicModule {
    const providers = [
      { provide: RUN_PROJECTOR, useValue: runProjector },
      { provide: DATABASE, useValue: database },
      { provide: EVENT_STORE, useFactory: () => new PostgresEventStore(database) },
      { provide: FINGERPRINTER, useValue: new Fingerprinter(fingerprintKey) },
      { provide: TokenService, useValue: new TokenService(fingerprintKey) },
    ];
    return { module: InfrastructureModule, providers: [...providers, Shutdown], exports: providers.map((p) => p.provide) };
  }
}

export interface AppOptions {
  database: Database;
  fingerprintKey: Buffer;
  /** Follow the log live in this process (default); tools that only read or write pass false. */
  runProjector?: boolean;
}

@Module({})
export class AppModule {
  /** The app over an open, migrated database; it owns the database from here on and closes it on shutdown. */
  static forRoot({ database, fingerprintKey, runProjector = true }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.over(database, fingerprintKey, runProjector), CqrsModule.forRoot(), IngestionModule, ProjectionsModule, JournalModule.forRoot(fingerprintKey), GraphQLApiModule, MetricsModule],
      controllers: [HealthController],
    };
  }
}
