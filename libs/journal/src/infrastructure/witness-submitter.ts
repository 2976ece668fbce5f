import type { SqlTransaction } from '#projections';
import { checkpointBody } from '../domain/checkpoint.js';
import { verifyCosignature } from '../domain/cosignature.js';
import { NOTE_COSIGNATURE_V1, parseNote, parseVerifierKey, type VerifierKey } from '../domain/signed-note.js';
import { addCheckpointBody } from '../domain/witness.js';
import { JournalTree } from './journal-tree.js';
import { PeriodicLoop } from './periodic-loop.js';
import type { PublishedLog } from './published-log.js';

export interface WitnessEndpoint {
  /** The witness's submission prefix: it serves `<url>/add-checkpoint`. */
  url: string;
  /** Its cosignature verifier key (type 0x04). */
  key: VerifierKey;
}

/** HIMOTOKI_JOURNAL_WITNESSES: `<url> <verifier key>` pairs, separated by commas. */
export function witnessesFromEnv(env: NodeJS.ProcessEnv): WitnessEndpoint[] {
  const text = env.HIMOTOKI_JOURNAL_WITNESSES?.trim();
  if (!text) return [];
  return text.split(',').map((pair, i) => {
    const [url, key, ...rest] = pair.trim().split(/\s+/);
    if (!url || !key || rest.length > 0 || !/^https?:\/\//.test(url)) throw new Error(`HIMOTOKI_JOURNAL_WITNESSES[${i}]: must be "<http(s) URL> <verifier key>"`);
    const parsed = parseVerifierKey(key);
    if (parsed.type !== NOTE_COSIGNATURE_V1) throw new Error(`HIMOTOKI_JOURNAL_WITNESSES[${i}]: the key must be a cosignature key (type 0x04)`);
    return { url: url.replace(/\/+$/, ''), key: parsed };
  });
}

/** HIMOTOKI_JOURNAL_MIN_WITNESSES: K, the cosignatures a head needs to count as fresh for fail-closed (default 0). */
export function minWitnessesFromEnv(env: NodeJS.ProcessEnv, witnesses: number): number {
  const value = env.HIMOTOKI_JOURNAL_MIN_WITNESSES;
  if (value === undefined || value === '') return 0;
  const k = Number(value);
  if (!Number.isInteger(k) || k < 0 || k > witnesses) throw new Error(`HIMOTOKI_JOURNAL_MIN_WITNESSES must be an integer from 0 to the ${witnesses} witnesses configured, got "${value}"`);
  return k;
}

/** Sets K: with a head age limit, new events are refused while no recent head has K cosignatures. */
export async function setMinCosignatures(db: SqlTransaction, k: number): Promise<void> {
  await db.query(`UPDATE journal.policy SET min_cosignatures = $1`, [k]);
}

/**
 * Submits the log's newest checkpoint to its witnesses (C2SP tlog-witness add-checkpoint, with a consistency
 * proof from the last size each cosigned) and keeps the cosignatures they return, once verified, to serve them
 * with the checkpoint. A witness that refuses is reported, never retried in a tight loop.
 */
export class WitnessSubmitter {
  private readonly loop: PeriodicLoop;
  private readonly tree: JournalTree;

  constructor(
    private readonly db: SqlTransaction,
    private readonly log: PublishedLog,
    private readonly witnesses: readonly WitnessEndpoint[],
    private readonly onError: (error: Error) => void = () => undefined,
    intervalMs = 1000,
  ) {
    this.tree = new JournalTree(db);
    this.loop = new PeriodicLoop(() => this.submitDue(), intervalMs, onError);
  }

  /** Submits the newest checkpoint to every witness that has not cosigned it; answers how many cosigned it now. */
  async submitDue(): Promise<number> {
    const signed = await this.log.checkpoint();
    if (!signed) return 0;
    const { rows } = await this.db.query<{ witness: string; size: string | null; has: boolean }>(
      `SELECT w AS witness, (SELECT max(tree_size) FROM journal.cosignatures c WHERE c.witness = w) AS size,
              EXISTS (SELECT 1 FROM journal.cosignatures c WHERE c.witness = w AND c.tree_size = $2 AND c.root_hash = $3) AS has
         FROM unnest($1::text[]) AS w`,
      [this.witnesses.map((w) => w.key.name), signed.checkpoint.size, signed.checkpoint.rootHash],
    );
    let cosigned = 0;
    for (const [i, witness] of this.witnesses.entries()) {
      if (rows[i]!.has) {
        cosigned++;
        continue;
      }
      try {
        await this.submit(witness, Number(rows[i]!.size ?? 0), signed.note, signed.checkpoint);
        cosigned++;
      } catch (error) {
        this.onError(new Error(`witness ${witness.key.name} (${witness.url}): ${(error as Error).message}`));
      }
    }
    return cosigned;
  }

  private async submit(witness: WitnessEndpoint, oldSize: number, note: string, checkpoint: { origin: string; size: number; rootHash: Buffer }): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const from = Math.min(oldSize, checkpoint.size);
      const proof = from === 0 ? [] : await this.tree.consistencyProof(from, checkpoint.size);
      const response = await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body: addCheckpointBody(oldSize, proof, note), signal: AbortSignal.timeout(10_000) });
      const text = await response.text();
      // The witness knows another size of ours (a restart, or another replica): once more from its size.
      if (response.status === 409 && response.headers.get('content-type')?.startsWith('text/x.tlog.size') && attempt === 0 && /^\d+\n$/.test(text) && Number(text) !== oldSize) {
        oldSize = Number(text);
        continue;
      }
      if (response.status !== 200) throw new Error(`refused add-checkpoint of size ${checkpoint.size} with ${response.status}: ${text.trim()}`);
      const body = checkpointBody(checkpoint);
      const lines = parseNote(`${body}\n${text}`).signatures.filter((s) => verifyCosignature(body, s, witness.key) !== null);
      if (lines.length === 0) throw new Error('answered with no cosignature that verifies under its key');
      await this.log.addCosignature(checkpoint, witness.key.name, lines[0]!.line);
      return;
    }
  }

  start(): void {
    if (this.witnesses.length > 0) this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
