import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DATABASE, type Database } from '#database';
import { IngestBatchCommand, type CommandEnvelope } from '#ingestion';
import { ProjectionRunner } from '#projections';
import { generatePopulation, toNdjson } from '#synthetic-population';
import { TokenService } from '../../api/src/auth/token.service.js';
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
 * server, projected, and ready tokens printed for every role, with a first query to try.
 */
export async function demo(app: INestApplication, options: { subjects: number; seed: string }): Promise<void> {
  const bus = app.get(CommandBus);
  const population = generatePopulation({ subjects: options.subjects, seed: options.seed });
  let batch: CommandEnvelope[] = [];
  let imported = 0;
  let subjectId: string | undefined;
  let organizationId: string | undefined;
  const flush = async () => {
    const outcome = await bus.execute(new IngestBatchCommand(batch, 'operator:demo'));
    if (!outcome.ok) throw new Error(`the demo population was refused: ${outcome.errors[0]!.error.message}`);
    for (const result of outcome.results) {
      if (!subjectId && result.type === 'EnrollSubject') subjectId = result.events[0]!.streamId.slice('subject-'.length);
    }
    imported += batch.length;
    batch = [];
    process.stderr.write(`\rimported ${imported} commands`);
  };
  for (const command of population.commands) {
    if (!organizationId && command.type === 'RegisterOrganization') organizationId = String(command.payload.organizationId);
    batch.push(command);
    if (batch.length === 500) await flush();
  }
  if (batch.length) await flush();
  process.stderr.write('\n');
  const runner = app.get(ProjectionRunner);
  while ((await runner.status()).some((s) => s.lagEvents > 0)) await new Promise((resolve) => setTimeout(resolve, 200));

  // Show the citizen and the organization with the most to see.
  const { pool } = app.get<Database>(DATABASE);
  const { rows } = await pool.query<{ subject_id: string; organization_id: string }>(
    `SELECT (SELECT subject_id FROM access_history.entries GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS subject_id,
            (SELECT organization_id FROM access_history.entries GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS organization_id`,
  );
  subjectId = rows[0]?.subject_id ?? subjectId;
  organizationId = rows[0]?.organization_id ?? organizationId;
  const tokens = app.get(TokenService);
  const url = await app.getUrl();
  const auditor = await tokens.mint({ role: 'AUDITOR', id: 'demo-auditor', organizationId: 'ppc' });
  console.log(`
Himotoki demo: ${options.subjects} subjects, ${imported} commands, ${population.manifest.violations.length} planted violations (see the manifest: himotoki generate --out FILE).
GraphQL IDE: ${url}/graphql   health: ${url}/health   metrics: ${url}/metrics

Tokens (send as "Authorization: Bearer <token>"):
  AUDITOR        ${auditor}
  OPERATOR       ${await tokens.mint({ role: 'OPERATOR', id: 'demo-operator' })}
  ORGANIZATION   ${await tokens.mint({ role: 'ORGANIZATION', id: organizationId!, organizationId: organizationId! })}   (${organizationId})
  SUBJECT        ${await tokens.mint({ role: 'SUBJECT', id: 'demo-citizen', subjectId: subjectId! })}   (subject ${subjectId})

Try, as the auditor:
  curl -s ${url}/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${auditor}' \\
    -d '{"query":"{ accessHistory(subjectId: \\"${subjectId}\\", first: 5) { totalCount edges { node { occurredAt kind organization { name } purpose items } } } }"}'
`);
  console.log(await demoConsoleLinks(tokens, url, { subjectId: subjectId!, organizationId: organizationId! }));
}
