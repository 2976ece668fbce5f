import type { z } from 'zod';
import type { DomainEventType } from '#vocabulary';
import type { StreamWrite } from '../domain/decision.js';
import type { CommandContext } from './command-context.js';

/**
 * An ingestion command: its name, the events it may record, the schema of its payload (raw values allowed: the
 * privacy edge fingerprints them), and the handler that loads what the decision needs and lets the pure decider
 * beside it decide. Each lives in `commands/<name>.command.ts`.
 */
export interface CommandDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  type: Type;
  /** Every event type the command may record; recording any other is a programming error, refused. */
  emits: readonly DomainEventType[];
  payload: Schema;
  handle(payload: z.output<Schema>, ctx: CommandContext): Promise<StreamWrite[]>;
}

export const defineCommand = <Type extends string, Schema extends z.ZodType>(definition: CommandDefinition<Type, Schema>) => definition;
