import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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
 * The lines of a file, each decoded strictly: a line that is not UTF-8 comes back without text (never with
 * U+FFFD in place of its bytes, which would change a name that name-matching then measures). A byte order
 * mark is dropped from the first line only; a line may end in CR LF.
 */
async function* utf8Lines(input: AsyncIterable<Buffer>): AsyncGenerator<{ text: string | undefined; bytes: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decode = (raw: Buffer, first: boolean) => {
    let bytes = raw.at(-1) === 0x0d ? raw.subarray(0, -1) : raw;
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    try {
      return { text: decoder.decode(bytes), bytes: raw.length + 1 };
    } catch {
      return { text: undefined, bytes: raw.length + 1 };
    }
  };
  let pending: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of input) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let start = 0;
    for (let end = pending.indexOf(0x0a); end >= 0; end = pending.indexOf(0x0a, start)) {
      yield decode(pending.subarray(start, end), first);
      first = false;
      start = end + 1;
    }
    pending = pending.subarray(start);
  }
  if (pending.length > 0) yield decode(pending, first);
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

  for await (const line of utf8Lines((fromStdin ? process.stdin : createReadStream(file)) as AsyncIterable<Buffer>)) {
    summary.lines++;
    bytes += line.bytes;
    if (line.text?.trim() === '') continue;
    let envelope: unknown;
    try {
      if (line.text === undefined) throw new Error('not UTF-8: a byte sequence on the line is no UTF-8 character');
      envelope = JSON.parse(line.text);
    } catch (error) {
      options.report(`line ${summary.lines}: ${line.text === undefined ? (error as Error).message : `not JSON (${(error as Error).message})`}`);
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
