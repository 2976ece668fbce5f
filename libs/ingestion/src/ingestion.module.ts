import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { FINGERPRINTER, type Fingerprinter } from '#privacy';
import { IngestionService } from './application/ingestion.service.js';
import { PrivacyEdge } from './application/privacy-edge.js';
import { IngestBatchCommandHandler, IngestCommandHandler } from './application/ingest.handler.js';

/** Ingestion through the CommandBus; needs EVENT_STORE and FINGERPRINTER from the app. */
@Module({
  imports: [CqrsModule],
  providers: [
    {
      provide: IngestionService,
      useFactory: (store: EventStore, fingerprinter: Fingerprinter) => new IngestionService(store, new PrivacyEdge(fingerprinter)),
      inject: [EVENT_STORE, FINGERPRINTER],
    },
    IngestCommandHandler,
    IngestBatchCommandHandler,
  ],
  exports: [IngestionService],
})
export class IngestionModule {}
