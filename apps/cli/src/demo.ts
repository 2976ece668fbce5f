import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AccessHistoryQueries } from '#access-history';
import { DATABASE, Statements, type Database } from '#database';
import { IngestBatchCommand, type CommandEnvelope } from '#ingestion';
import { ProjectionRunner } from '#projections';
import { RegistryQueries } from '#registry';
import { generatePopulation, toNdjson } from '#synthetic-population';
import { TokenService } from '#api';
import { demoExamples, examplesAsCurl, pickDemoIds, type DemoExample, type DemoIds, type ExampleRole } from './demo-examples.js';
import { demoConsoleLinks } from './console-links.js';

/** `himotoki generate`: the population as NDJSON commands (stdout or a file) and its manifest of planted violations. */
export async function generate(options: { subjects: number; seed: string; asOf?: string; out?: string; manifest?: string }): Promise<number> {
  const population = generatePopulation({ subjects: options.subjects, seed: options.seed, asOf: options.asOf });
  const output = options.out ? createWriteStream(options.out) : process.stdout;
  let lines = 0;
  for (const line of toNdjson(population.commands)) {
    lines++;
    if (!output.write(line)) await once(output, 'drain');
  }
  if (options.out) {
    output.end();
    await once(output, 'finish');
  }
  const manifestPath = options.manifest ?? (options.out ? `${options.out}.manifest.json` : undefined);
  if (manifestPath) await writeFile(manifestPath, JSON.stringify(population.manifest, null, 2) + '\n');
  if (options.out) console.error(`wrote ${lines} commands for ${options.subjects} subjects to ${options.out}${manifestPath ? `, manifest ${manifestPath}` : ''}`);
  return lines;
}

/**
 * `himotoki demo`: a realistic synthetic population imported through the CommandBus into the running
 * server, projected, and ready tokens printed for every role, with ready-to-paste examples on the demo's own
 * ids (a subject with history, an item of theirs, a My Number it issued them, a dataset). Returns what it printed.
 */
export async function demo(app: INestApplication, options: { subjects: number; seed: string }): Promise<{ ids: DemoIds; tokens: Record<ExampleRole | 'OPERATOR', string>; examples: DemoExample[] }> {
  const bus = app.get(CommandBus);
  const population = generatePopulation({ subjects: options.subjects, seed: options.seed });
  let batch: CommandEnvelope[] = [];
  let imported = 0;
  // The My Number each subject was enrolled with: the generator knows it before the edge fingerprints it, and the
  // examples look a subject up by it. Synthetic numbers only; nothing of it is stored.
  const myNumbers = new Map<string, string>();
  const flush = async () => {
    const outcome = await bus.execute(new IngestBatchCommand(batch, 'operator:demo'));
    if (!outcome.ok) throw new Error(`the demo population was refused: ${outcome.errors[0]!.error.message}`);
    const sent = new Map(batch.map((c) => [c.commandId, c]));
    for (const result of outcome.results) {
      if (result.type !== 'EnrollSubject' || !result.events[0]) continue;
      const identifiers = (sent.get(result.commandId)?.payload.identifiers ?? []) as { kind?: string; value?: string }[];
      const myNumber = identifiers.find((i) => i.kind === 'MY_NUMBER')?.value;
      if (myNumber) myNumbers.set(result.events[0].streamId.slice('subject-'.length), myNumber);
    }
    imported += batch.length;
    batch = [];
    process.stderr.write(`\rimported ${imported} commands`);
  };
  for (const command of population.commands) {
    batch.push(command);
    if (batch.length === 500) await flush();
  }
  if (batch.length) await flush();
  process.stderr.write('\n');
  // Until every read model has applied the whole population: its newest transaction, not a lag of 0 (on a shared
  // PostgreSQL server, another database's long transaction hides the newest events from the lag for a while).
  const runner = app.get(ProjectionRunner);
  const written = await runner.store.lastTransaction();
  while ((await runner.pending(written)).length > 0) await new Promise((resolve) => setTimeout(resolve, 200));

  // Show the citizen and the organization with the most to see.
  // From the primary, whose projections the runner just saw caught up (a replica may not have replayed them yet).
  const database = app.get<Database>(DATABASE);
  const statements = Statements.for(database.backend);
  const ids = await pickDemoIds({ history: new AccessHistoryQueries(database.pool, statements), registry: new RegistryQueries(database.pool, statements) }, myNumbers);
  const minter = app.get(TokenService);
  const url = await app.getUrl();
  const tokens = {
    AUDITOR: await minter.mint({ role: 'AUDITOR', id: 'demo-auditor', organizationId: 'ppc' }),
    OPERATOR: await minter.mint({ role: 'OPERATOR', id: 'demo-operator' }),
    ORGANIZATION: await minter.mint({ role: 'ORGANIZATION', id: ids.organizationId, organizationId: ids.organizationId }),
    SUBJECT: await minter.mint({ role: 'SUBJECT', id: 'demo-citizen', subjectId: ids.subjectId }),
  };
  const examples = demoExamples(ids);
  console.log(`
Himotoki demo: ${options.subjects} subjects, ${imported} commands, ${population.manifest.violations.length} planted violations (see the manifest: himotoki generate --out FILE).
GraphQL IDE: ${url}/graphql   health: ${url}/health   metrics: ${url}/metrics

Tokens (send as "Authorization: Bearer <token>"):
  AUDITOR        ${tokens.AUDITOR}   (ppc: 個人情報保護委員会)
  OPERATOR       ${tokens.OPERATOR}
  ORGANIZATION   ${tokens.ORGANIZATION}   (${ids.organizationId})
  SUBJECT        ${tokens.SUBJECT}   (subject ${ids.subjectId})

The demo's own ids, for the examples below and the README's:
  subject     ${ids.subjectId}
  My Number   ${ids.myNumber ?? '(none issued to this subject)'}   (synthetic; the platform keeps only its fingerprint)
  item        ${ids.item}
  dataset     ${ids.datasetId}
  organization ${ids.organizationId}

Examples (each one operation: paste one at a time into the IDE, or run the curl line):

${examplesAsCurl(url, tokens, examples)}
`);
  console.log(await demoConsoleLinks(minter, url, { subjectId: ids.subjectId, organizationId: ids.organizationId }));
  return { ids, tokens, examples };
}
