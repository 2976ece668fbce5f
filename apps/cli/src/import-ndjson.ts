import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { CommandBus } from '@nestjs/cqrs';
import cliProgress from 'cli-progress';
import { IngestBatchCommand } from '#ingestion';

export interface ImportSummary {
  lines: number;
  commands: number;
  stored: number;
  alreadyStored: number;
  errors: number;
  seconds: number;
  commandsPerSecond: number;
}

export interface ImportOptions {
  batchSize: number;
  /** Where line-numbered errors go. */
  report: (line: string) => void;
  progress: boolean;
}

/**
 * `himotoki import FILE.ndjson` (or `-`, standard input): one command per line (`{"commandId","type","payload"}`). Every line is
 * validated; errors name the line and the field. Lines are stored in batches, each atomically: a batch with
 * an error stores nothing and says so. Re-importing a file stores nothing twice (command ids).
 */
export async function importNdjson(bus: CommandBus, file: string, options: ImportOptions): Promise<ImportSummary> {
  // `-` is standard input (a pipe or a socket: no size, so no progress bar).
  const fromStdin = file === '-';
  const size = fromStdin ? 0 : (await stat(file)).size;
  const bar = options.progress && !fromStdin
    ? new cliProgress.SingleBar(
        { format: 'importing [{bar}] {percentage}% | {commands} commands | {rate} commands/s | ETA {eta_formatted}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(size, 0, { commands: 0, rate: 0 });
  const started = performance.now();
  const summary: ImportSummary = { lines: 0, commands: 0, stored: 0, alreadyStored: 0, errors: 0, seconds: 0, commandsPerSecond: 0 };
  let batch: { line: number; envelope: unknown }[] = [];
  let unparsable = 0;
  let firstLine = 1;
  let bytes = 0;

  const flush = async (lastLine: number) => {
    if (batch.length === 0 && unparsable === 0) return;
    // A batch with an unparsable line is only validated: it is stored whole or not at all.
    const dryRun = unparsable > 0;
    const outcome = await bus.execute(new IngestBatchCommand(batch.map((b) => b.envelope), 'operator:cli', { dryRun }));
    if (outcome.ok && !dryRun) {
      for (const result of outcome.results) result.applied ? summary.stored++ : summary.alreadyStored++;
    } else {
      if (!outcome.ok) {
        for (const { index, error } of outcome.errors) options.report(`line ${batch[index]!.line}: ${error.field}: ${error.reason}`);
        summary.errors += outcome.errors.length;
      }
      options.report(`lines ${firstLine}–${lastLine}: not stored (a batch is stored whole or not at all); fix the lines above and import again`);
    }
    summary.commands += batch.length;
    batch = [];
    unparsable = 0;
    firstLine = lastLine + 1;
    const seconds = (performance.now() - started) / 1000;
    bar?.update(bytes, { commands: summary.commands, rate: Math.round(summary.commands / seconds) });
  };

  const lines = createInterface({ input: fromStdin ? process.stdin : createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    summary.lines++;
    bytes += Buffer.byteLength(text) + 1;
    if (text.trim() === '') continue;
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch (error) {
      options.report(`line ${summary.lines}: not JSON (${(error as Error).message})`);
      summary.errors++;
      unparsable++;
      continue;
    }
    batch.push({ line: summary.lines, envelope });
    if (batch.length >= options.batchSize) await flush(summary.lines);
  }
  await flush(summary.lines);
  bar?.update(size);
  bar?.stop();
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  summary.commandsPerSecond = Math.round(summary.commands / Math.max(summary.seconds, 0.001));
  return summary;
}
