import { Command } from '@nestjs/cqrs';
import type { BatchOutcome, CommandResult, Sender } from './ingestion.service.js';

/** One ingestion command as a client sends it (validated on the way in), and who sent it. */
export class IngestCommand extends Command<CommandResult> {
  constructor(
    readonly envelope: unknown,
    readonly sender: Sender,
  ) {
    super();
  }
}

/** Several commands stored together or not at all (an import batch). */
export class IngestBatchCommand extends Command<BatchOutcome> {
  constructor(
    readonly envelopes: unknown[],
    readonly sender: Sender,
    readonly options: { dryRun?: boolean } = {},
  ) {
    super();
  }
}
