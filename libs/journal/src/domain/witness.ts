import { parseCheckpoint, type Checkpoint } from './checkpoint.js';
import { verifyConsistency } from './merkle-tree.js';
import { NoteFormatError, noteSignedBy, parseNote, type VerifierKey } from './signed-note.js';

/**
 * 立会人 — the decisions of a C2SP tlog-witness (c2sp.org/tlog-witness) on `add-checkpoint`: verify the log's
 * signature, check the old size against the last checkpoint cosigned, check consistency from it, and only
 * then cosign. A fork (two roots at one size, or a proof that fails) and a rollback (a checkpoint smaller
 * than one cosigned) are refused and raised as alarms. Pure: the caller persists and signs.
 */

export interface AddCheckpointRequest {
  oldSize: number;
  proof: Buffer[];
  /** The signed checkpoint note, as sent. */
  note: string;
}

/** The request body: `old <size>`, up to 63 base64 proof lines, a blank line, then the checkpoint note. */
export function parseAddCheckpoint(body: string): AddCheckpointRequest {
  const blank = body.indexOf('\n\n');
  if (blank < 0) throw new NoteFormatError('body', 'must be an old size line, proof lines, a blank line and a checkpoint');
  const [first, ...proofLines] = body.slice(0, blank).split('\n');
  const old = /^old (0|[1-9][0-9]{0,15})$/.exec(first ?? '');
  if (!old) throw new NoteFormatError('old', 'the first line must be "old <size>" in decimal');
  if (proofLines.length > 63) throw new NoteFormatError('proof', 'at most 63 proof lines');
  const proof = proofLines.map((line, i) => {
    const hash = Buffer.from(line, 'base64');
    if (hash.length !== 32 || hash.toString('base64') !== line) throw new NoteFormatError(`proof line ${i + 1}`, 'must be a 32-byte hash in base64');
    return hash;
  });
  return { oldSize: Number(old[1]), proof, note: body.slice(blank + 2) };
}

export const addCheckpointBody = (oldSize: number, proof: readonly Buffer[], note: string): string => `old ${oldSize}\n${proof.map((p) => `${p.toString('base64')}\n`).join('')}\n${note}`;

/** What the witness last cosigned for a log. */
export interface WitnessedTree {
  size: number;
  rootHash: Buffer;
}

export type WitnessDecision =
  | { status: 200; checkpoint: Checkpoint; body: string }
  | { status: 400 | 403 | 404 | 409 | 422; reason: string; sizeBody?: string; alarm?: 'fork' | 'rollback' };

/** Decides an add-checkpoint request against the log keys trusted and the last tree cosigned of that log. */
export function decideAddCheckpoint(request: AddCheckpointRequest, logKeys: ReadonlyMap<string, VerifierKey>, last: WitnessedTree | null): WitnessDecision {
  let note: ReturnType<typeof parseNote>;
  let checkpoint: Checkpoint;
  try {
    note = parseNote(request.note);
    checkpoint = parseCheckpoint(note.text);
  } catch (error) {
    return { status: 400, reason: (error as Error).message };
  }
  const key = logKeys.get(checkpoint.origin);
  if (!key) return { status: 404, reason: `unknown log "${checkpoint.origin}"` };
  if (!noteSignedBy(note, key)) return { status: 403, reason: `the checkpoint is not signed by the key of "${checkpoint.origin}"` };
  const known = last?.size ?? 0;
  if (request.oldSize > checkpoint.size) {
    return { status: 400, reason: `old size ${request.oldSize} exceeds the checkpoint's size ${checkpoint.size}`, alarm: known > checkpoint.size ? 'rollback' : undefined };
  }
  if (request.oldSize !== known) {
    // A smaller tree than one cosigned, whatever old size it claims, is a rollback.
    const alarm = known > checkpoint.size ? ('rollback' as const) : undefined;
    return { status: 409, reason: `the last checkpoint cosigned for "${checkpoint.origin}" is of size ${known}, not ${request.oldSize}`, sizeBody: `${known}\n`, alarm };
  }
  if (last && request.oldSize === checkpoint.size) {
    if (!last.rootHash.equals(checkpoint.rootHash)) return { status: 409, reason: `a second root at size ${checkpoint.size}: the log forked`, sizeBody: `${known}\n`, alarm: 'fork' };
  } else if (last && request.oldSize > 0) {
    if (!verifyConsistency(BigInt(last.size), BigInt(checkpoint.size), request.proof, last.rootHash, checkpoint.rootHash)) {
      return { status: 422, reason: `the tree of ${checkpoint.size} does not extend the tree of ${last.size} cosigned before: the log forked`, alarm: 'fork' };
    }
  } else if (request.proof.length > 0) {
    return { status: 400, reason: 'the proof must be empty from size 0' };
  }
  return { status: 200, checkpoint, body: note.text };
}
