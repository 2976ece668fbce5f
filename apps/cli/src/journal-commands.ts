import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { JournalProofs, ProofFormatError, verifyJournal, verifyProofDocument, type ProofDocument } from '#journal';
import { JOURNAL_KEY } from '#app';

/** `himotoki journal head|inclusion|consistency`: a proof document (himotoki-journal-proof/v1), to stdout or a file. */
export async function exportProof(
  context: INestApplicationContext,
  what: string | undefined,
  options: { event?: string; treeSize?: number; from?: number; to?: number },
): Promise<ProofDocument> {
  const proofs = context.get(JournalProofs);
  switch (what) {
    case 'head': {
      const head = await proofs.head();
      if (!head) throw new Error('no tree head has been signed yet: the signer runs with the server and with himotoki project');
      return head;
    }
    case 'inclusion':
      if (!options.event) throw new CliInputError('journal inclusion needs --event ID');
      return proofs.inclusion(options.event.toLowerCase(), options.treeSize);
    case 'consistency':
      if (options.from === undefined || options.to === undefined) throw new CliInputError('journal consistency needs --from N and --to M');
      return proofs.consistency(options.from, options.to);
    default:
      throw new CliInputError('journal takes head, inclusion --event ID [--tree-size N], or consistency --from N --to M');
  }
}

/** A usage mistake: the CLI answers it with the usage text and exit code 2. */
export class CliInputError extends Error {}

export async function writeDocument(document: unknown, out: string | undefined): Promise<void> {
  const text = JSON.stringify(document, null, 2) + '\n';
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}

async function trustedKey(path: string | undefined): Promise<KeyObject | undefined> {
  if (!path) return undefined;
  try {
    return createPublicKey(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliInputError(`--public-key: cannot read a PEM public key from ${path}: ${(error as Error).message}`);
  }
}

/** `himotoki verify --proof FILE [--public-key PEM]`: checks an exported proof offline (no database). Exit 0 valid, 1 not. */
export async function verifyProofFile(file: string, publicKeyFile: string | undefined): Promise<number> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliInputError(`--proof: cannot read JSON from ${file}: ${(error as Error).message}`);
  }
  let verdict;
  try {
    verdict = verifyProofDocument(document, await trustedKey(publicKeyFile));
  } catch (error) {
    if (error instanceof ProofFormatError) throw new CliInputError(`--proof ${file}: ${error.message}`);
    throw error;
  }
  for (const c of verdict.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.check}`);
  console.log(JSON.stringify(verdict));
  return verdict.valid ? 0 : 1;
}

/**
 * `himotoki verify [--public-key PEM]`: recomputes the journal from the stored events, checks every sealed
 * leaf and every signed head, and names the first place where anything differs. Exit 0 intact, 1 not.
 */
export async function verifyStoredJournal(context: INestApplicationContext, publicKeyFile: string | undefined): Promise<number> {
  const key = (await trustedKey(publicKeyFile)) ?? createPublicKey(context.get<KeyObject>(JOURNAL_KEY));
  const report = await verifyJournal(context.get<Database>(DATABASE).pool, context.get<EventStore>(EVENT_STORE), key);
  const d = report.firstDiscrepancy;
  if (d) console.log(`FAIL first difference at leaf ${d.leafIndex}${d.eventId ? ` (event ${d.eventId}, global position ${d.globalPosition})` : ''}: ${d.reason}`);
  for (const problem of report.headProblems) console.log(`FAIL ${problem}`);
  if (report.valid) console.log(`ok   ${report.events} events, ${report.sealedLeaves} sealed, ${report.headsChecked} signed heads checked: the log is what was sealed and signed`);
  console.log(JSON.stringify(report));
  return report.valid ? 0 : 1;
}
