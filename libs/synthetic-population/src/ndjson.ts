import type { CommandEnvelope } from '#ingestion';

/**
 * NDJSON: one command a line, each line ending in '\n' — ready for `himotoki import` or a write stream. Lazy:
 * it serializes as the commands are generated.
 */
export function* toNdjson(commands: Iterable<CommandEnvelope>): Generator<string, void, undefined> {
  for (const command of commands) yield `${JSON.stringify(command)}\n`;
}
