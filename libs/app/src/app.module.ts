import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { PostgresEventStore } from '#event-store-postgres';
import { openKurrentDbEventStore } from '#event-store-kurrentdb';
import { eventStoreName, type EventStoreKind } from './event-store-choice.js';
import { failClosedGuard } from '#journal';
import { IngestionModule } from '#ingestion';
import { FINGERPRINTER, Fingerprinter } from '#privacy';
import { EVENT_STORE_NAME, GraphQLApiModule, HealthController, InFlightOperations, MetricsModule, TokenService } from '#api';
import { JournalModule } from './journal.module.js';
import { ProjectionsModule, RUN_PROJECTOR } from './projections.module.js';

/** How long a stopping app waits for operations still running (their clients gone) before it closes the database. */
const OPERATIONS_GRACE_MS = 10_000;

/** Closes the store's LISTEN connection and the database when the app stops, once no operation still needs them. */
@Injectable()
class Shutdown implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly database: Database,
    private readonly operations: InFlightOperations,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!(await this.operations.settled(OPERATIONS_GRACE_MS))) {
      new Logger('Shutdown').warn(`operations still running after ${OPERATIONS_GRACE_MS / 1000} s: closing the database under them`);
    }
    await this.store.close();
    await this.database.close();
  }
}

/** What every module may inject: the database, the event store, the fingerprinter, the token service, the operations in flight. */
@Global()
@Module({})
class InfrastructureModule {
  static over(database: Database, fingerprintKey: Buffer, runProjector: boolean, eventStore: EventStoreKind): DynamicModule {
    const providers = [
      { provide: RUN_PROJECTOR, useValue: runProjector },
      { provide: DATABASE, useValue: database },
      { provide: EVENT_STORE, useFactory: () => openEventStore(database, eventStore) },
      { provide: EVENT_STORE_NAME, useValue: eventStoreName(eventStore, database) },
      { provide: FINGERPRINTER, useValue: new Fingerprinter(fingerprintKey) },
      { provide: TokenService, useValue: new TokenService(fingerprintKey) },
      { provide: InFlightOperations, useValue: new InFlightOperations() },
    ];
    return { module: InfrastructureModule, providers: [...providers, Shutdown], exports: providers.map((p) => p.provide) };
  }
}

/**
 * The log's store. On KurrentDB the journal's fail-closed policy, a trigger in PostgreSQL, is the adapter's
 * guard; read models, checkpoints and the journal stay in the database.
 */
function openEventStore(database: Database, eventStore: EventStoreKind): EventStore {
  if (eventStore.kind === 'kurrentdb') return openKurrentDbEventStore(eventStore.url, { beforeAppend: failClosedGuard(database.pool) });
  return new PostgresEventStore(database);
}

export interface AppOptions {
  database: Database;
  fingerprintKey: Buffer;
  /** PostgreSQL (the database above) by default. */
  eventStore?: EventStoreKind;
  /** Follow the log live in this process (default); tools that only read or write pass false. */
  runProjector?: boolean;
}

@Module({})
export class AppModule {
  /** The app over an open, migrated database; it owns the database from here on and closes it on shutdown. */
  static forRoot({ database, fingerprintKey, runProjector = true, eventStore = { kind: 'postgres' } }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.over(database, fingerprintKey, runProjector, eventStore), CqrsModule.forRoot(), IngestionModule, ProjectionsModule, JournalModule.forRoot(fingerprintKey), GraphQLApiModule, MetricsModule],
      controllers: [HealthController],
    };
  }
}
