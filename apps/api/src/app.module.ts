import { Module, type DynamicModule, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Database } from '#database';
import { PostgresEventStore } from '#event-store-postgres';
import { HealthController } from './health/health.controller.js';
import { DATABASE, EVENT_STORE } from './tokens.js';

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

@Module({})
export class AppModule {
  /** The app over an open, migrated database; it owns the database from here on and closes it on shutdown. */
  static forRoot(database: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController],
      providers: [
        { provide: DATABASE, useValue: database },
        { provide: EVENT_STORE, useFactory: () => new PostgresEventStore(database) },
        Shutdown,
      ],
    };
  }
}
