import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IngestionService, type BatchOutcome, type CommandResult } from './ingestion.service.js';
import { IngestBatchCommand, IngestCommand } from './ingest.command.js';

@CommandHandler(IngestCommand)
export class IngestCommandHandler implements ICommandHandler<IngestCommand, CommandResult> {
  constructor(private readonly ingestion: IngestionService) {}

  execute(command: IngestCommand): Promise<CommandResult> {
    return this.ingestion.execute(command.envelope, command.sender);
  }
}

@CommandHandler(IngestBatchCommand)
export class IngestBatchCommandHandler implements ICommandHandler<IngestBatchCommand, BatchOutcome> {
  constructor(private readonly ingestion: IngestionService) {}

  execute(command: IngestBatchCommand): Promise<BatchOutcome> {
    return this.ingestion.executeBatch(command.envelopes, command.sender, command.options);
  }
}
