#!/usr/bin/env node
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { AppModule, fingerprintKeyFromEnv, openRuntime, serve } from '#app';
import { type Principal, TokenService } from '#api';
import { consoleLink, defaultServerUrl } from './console-links.js';
import { demo, generate } from './demo.js';
import { importNdjson } from './import-ndjson.js';
import { CliInputError, exportProof, verifyProofFile, verifyStoredJournal, writeDocument } from './journal-commands.js';
import { project, rebuild } from './projection-commands.js';
import { reportOptions, writeReport } from './report.js';
import { IN_MEMORY, databaseOptionsFromEnv, inMemory } from '#database';
import { WITNESS_USAGE, runWitness } from './witness-command.js';
import { ProjectionRunner } from '#projections';
import { ComplianceReports, ReportInputError } from '#reporting';

/** Each command's usage lines: `himotoki help`, and `himotoki COMMAND --help`. */
const COMMAND_USAGE: Record<string, string> = {
  serve: `  himotoki serve                          run the server (PORT, HOST; DATABASE_URL or the embedded PGlite)`,
  demo: `  himotoki demo [--subjects N] [--seed S] generate a synthetic population (default 1000), import it, serve it,
                                          and print tokens for every role`,
  generate: `  himotoki generate --subjects N [--seed S] [--as-of ISO] [--out FILE] [--manifest FILE]
                                          write a reproducible population as NDJSON commands, and its manifest`,
  import: `  himotoki import FILE.ndjson|- [--batch-size N]
                                          store one command per line, in atomic batches (default 500);
                                          - reads the lines from standard input`,
  rebuild: `  himotoki rebuild [--projection NAME]    rebuild read models from position zero, swapped in when done`,
  project: `  himotoki project [--once]               run the projections alone (with HIMOTOKI_PROJECTOR=off on servers)`,
  report: `  himotoki report --from DATE --to DATE [--organization ID] [--format json|csv|html] [--out PATH]
                                          a compliance report for [from, to) (dates in Japan time, or ISO 8601):
                                          JSON or one self-contained HTML page (to PATH or stdout), or CSV files
                                          (one per table) in the folder PATH`,
  journal: `  himotoki journal head|inclusion --event ID [--tree-size N]|consistency --from N --to M [--out FILE]
                                          export a journal proof as JSON (himotoki-journal-proof/v1)`,
  verify: `  himotoki verify [--public-key PEM]      recompute the journal from the events and check every signed head;
                                          names the first difference (exit 1)
  himotoki verify --proof FILE [--public-key PEM]
                                          check an exported proof offline, with no database`,
  witness: `  ${WITNESS_USAGE}`,
  token: `  himotoki token --role ROLE [--name NAME] [--organization ID] [--subject ID] [--hours N] [--link [--url URL]]
                                          mint a bearer token (AUDITOR, ORGANIZATION, SUBJECT, OPERATOR);
                                          --link also prints a sign-in link to the console at /console/;
                                          needs the server's key: HIMOTOKI_SECRET, or the embedded data folder's`,
};

const DATABASE_NOTE = `The database is DATABASE_URL when set, else the embedded PGlite in the data folder HIMOTOKI_DATA_DIR, by
default $XDG_DATA_HOME/himotoki (~/.local/share/himotoki), shared by the server and every command (one process
at a time); HIMOTOKI_DATA_DIR=:memory: keeps it in memory, for this process only.
Fingerprints are keyed by HIMOTOKI_SECRET (required with DATABASE_URL; generated and kept with the embedded data).`;

const USAGE = `himotoki — event-sourced privacy audit of personal-data linkage (紐付け) and name-matching (名寄せ)

usage:
${Object.values(COMMAND_USAGE).join('\n')}
  himotoki COMMAND --help                 the usage of one command

${DATABASE_NOTE}`;

const commandUsage = (verb: string) => `usage:\n${COMMAND_USAGE[verb]}\n\n${DATABASE_NOTE}`;

class UsageError extends Error {}

function subjectCount(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new UsageError('--subjects must be a whole number from 1 to 10,000,000');
  return n;
}

function optionalSize(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`${option} must be a tree size (an integer ≥ 0)`);
  return n;
}

function principalFrom(values: { role?: string; name?: string; organization?: string; subject?: string }): Principal {
  const id = values.name ?? `${(values.role ?? 'user').toLowerCase()}-cli`;
  switch (values.role) {
    case 'AUDITOR':
      return { role: 'AUDITOR', id, organizationId: values.organization ?? 'ppc' };
    case 'ORGANIZATION':
      if (!values.organization) throw new UsageError('an ORGANIZATION token needs --organization ID');
      return { role: 'ORGANIZATION', id: values.name ?? values.organization, organizationId: values.organization };
    case 'SUBJECT':
      if (!values.subject || !/^[0-9a-f-]{36}$/i.test(values.subject)) throw new UsageError('a SUBJECT token needs --subject with the subject id (a UUID)');
      return { role: 'SUBJECT', id: values.name ?? values.subject, subjectId: values.subject.toLowerCase() };
    case 'OPERATOR':
      return { role: 'OPERATOR', id };
    default:
      throw new UsageError('--role must be AUDITOR, ORGANIZATION, SUBJECT or OPERATOR');
  }
}

/** Runs a tool inside the app's modules (no HTTP, projector not started), then closes them. */
async function withContext(work: (context: INestApplicationContext) => Promise<number>): Promise<number> {
  const runtime = await openRuntime();
  const context = await NestFactory.createApplicationContext(AppModule.forRoot({ ...runtime, runProjector: false }), { logger: ['error', 'warn'] });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/** Commands that read or write stored data: pointless, and misleading, on a fresh in-memory database. */
function requireStoredData(verb: string): void {
  if (inMemory(databaseOptionsFromEnv())) {
    throw new UsageError(
      `${verb} works on stored data, and HIMOTOKI_DATA_DIR=${IN_MEMORY} opens an empty database that ends with this process: ` +
        'unset HIMOTOKI_DATA_DIR for the default data folder, point it at the server\'s folder, or set DATABASE_URL',
    );
  }
}

/** The command being run, so that a usage error shows that command's usage. */
let verb: string | undefined;

async function main(argv: string[]): Promise<number> {
  const rest = argv.slice(1);
  verb = argv[0];
  // Help is answered before anything runs: `serve --help` starts no server, `import --help` opens no database.
  const options = rest.slice(0, rest.includes('--') ? rest.indexOf('--') : undefined);
  if (verb && Object.hasOwn(COMMAND_USAGE, verb) && (options.includes('--help') || options.includes('-h'))) {
    console.log(commandUsage(verb));
    return 0;
  }
  switch (verb) {
    case 'serve':
      await serve();
      return -1; // keeps running
    case 'generate': {
      const { values } = parseArgs({
        args: rest,
        options: { subjects: { type: 'string' }, seed: { type: 'string', default: '1' }, 'as-of': { type: 'string' }, out: { type: 'string' }, manifest: { type: 'string' } },
      });
      await generate({ subjects: subjectCount(values.subjects), seed: values.seed, asOf: values['as-of'], out: values.out, manifest: values.manifest });
      return 0;
    }
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { subjects: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
      const subjects = subjectCount(values.subjects);
      const app = await serve();
      await demo(app, { subjects, seed: values.seed });
      return -1;
    }
    case 'import': {
      const { positionals, values } = parseArgs({ args: rest, allowPositionals: true, options: { 'batch-size': { type: 'string', default: '500' } } });
      if (positionals.length !== 1) throw new UsageError('import takes one file, or - for standard input');
      const batchSize = Number(values['batch-size']);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) throw new UsageError('--batch-size must be an integer from 1 to 5000');
      requireStoredData('import');
      return withContext(async (context) => {
        const summary = await importNdjson(context.get(CommandBus), positionals[0]!, {
          batchSize,
          report: (line) => console.error(line),
          progress: process.stderr.isTTY === true,
        });
        console.log(
          `imported ${summary.commands} commands from ${summary.lines} lines: ${summary.stored} stored, ${summary.alreadyStored} already stored, ` +
            `${summary.errors} errors, in ${summary.seconds} s (${summary.commandsPerSecond} commands/s)`,
        );
        console.log(JSON.stringify(summary));
        return summary.errors > 0 ? 1 : 0;
      });
    }
    case 'rebuild': {
      const { values } = parseArgs({ args: rest, options: { projection: { type: 'string' } } });
      requireStoredData('rebuild');
      return withContext(async (context) => {
        const results = await rebuild(context, values.projection, process.stderr.isTTY === true);
        for (const r of results) console.log(`rebuilt ${r.projection} from ${r.processed} events`);
        return 0;
      });
    }
    case 'project': {
      const { values } = parseArgs({ args: rest, options: { once: { type: 'boolean', default: false } } });
      requireStoredData('project');
      return withContext(async (context) => {
        await project(context, values.once);
        return 0;
      });
    }
    case 'report': {
      const { values } = parseArgs({
        args: rest,
        options: { from: { type: 'string' }, to: { type: 'string' }, organization: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' } },
      });
      const options = reportOptions(values);
      requireStoredData('report');
      return withContext(async (context) => {
        // The report reads read models: bring them up to the log first, as a server's projector would have.
        await context.get(ProjectionRunner).catchUp();
        const written = await writeReport(context.get(ComplianceReports), options, (text) => process.stdout.write(text));
        for (const path of written) console.error(`wrote ${path}`);
        return 0;
      });
    }
    case 'journal': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { event: { type: 'string' }, 'tree-size': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
      });
      const options = { event: values.event, treeSize: optionalSize(values['tree-size'], '--tree-size'), from: optionalSize(values.from, '--from'), to: optionalSize(values.to, '--to') };
      requireStoredData('journal');
      return withContext(async (context) => {
        await writeDocument(await exportProof(context, positionals[0], options), values.out);
        return 0;
      });
    }
    case 'verify': {
      const { values } = parseArgs({ args: rest, options: { proof: { type: 'string' }, 'public-key': { type: 'string' } } });
      if (values.proof) return verifyProofFile(values.proof, values['public-key']);
      requireStoredData('verify');
      return withContext((context) => verifyStoredJournal(context, values['public-key']));
    }
    case 'witness':
      return runWitness(rest);
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: { role: { type: 'string' }, name: { type: 'string' }, organization: { type: 'string' }, subject: { type: 'string' }, hours: { type: 'string', default: '8' }, link: { type: 'boolean', default: false }, url: { type: 'string' } },
      });
      if (!process.env.HIMOTOKI_SECRET && inMemory(databaseOptionsFromEnv())) {
        throw new UsageError('a token is signed with the server\'s key: set HIMOTOKI_SECRET, or HIMOTOKI_DATA_DIR, as the server has it; an in-memory demo prints its own tokens');
      }
      const principal = principalFrom(values);
      const hours = Number(values.hours);
      if (!(hours > 0 && hours <= 24 * 366)) throw new UsageError('--hours must be a number of hours up to a year');
      const token = await new TokenService(await fingerprintKeyFromEnv()).mint(principal, Math.round(hours * 3600));
      console.log(`${principal.role} token for ${principal.id}, valid ${hours} h; send it as "Authorization: Bearer <token>":`);
      console.log(token);
      if (values.link) console.log(`sign-in link to the console:\n${consoleLink(values.url ?? defaultServerUrl(), token)}`);
      return 0;
    }
    case 'help':
      if (rest[0] && Object.hasOwn(COMMAND_USAGE, rest[0])) {
        console.log(commandUsage(rest[0]));
        return 0;
      }
      console.log(USAGE);
      return 0;
    case undefined:
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command "${verb}"`);
  }
}

// A reader that stops early (`himotoki generate … | head`) closes the pipe: that is the end of the output, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (error) {
  if (error instanceof UsageError || error instanceof ReportInputError || error instanceof CliInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`himotoki: ${(error as Error).message}\n\n${verb && Object.hasOwn(COMMAND_USAGE, verb) ? commandUsage(verb) : USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`himotoki: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
