import { NoteFormatError } from './signed-note.js';

/**
 * C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the body of a signed note naming a log (its origin), its
 * size in decimal and its RFC 6962 root hash in base64, one per line. Pure.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
}

export function checkpointBody({ origin, size, rootHash }: Checkpoint): string {
  if (!/^\S[^\n]*$/u.test(origin)) throw new NoteFormatError('origin', 'must be one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0) throw new NoteFormatError('size', 'must be a tree size (an integer ≥ 0)');
  if (rootHash.length !== 32) throw new NoteFormatError('rootHash', 'must be 32 bytes');
  return `${origin}\n${size}\n${rootHash.toString('base64')}\n`;
}

/** Reads a checkpoint's note text (extension lines after the third are allowed and ignored). */
export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.at(-1) !== '') throw new NoteFormatError('checkpoint', 'must be at least three newline-terminated lines');
  const [origin, size, root] = lines as [string, string, string];
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size) || !Number.isSafeInteger(Number(size))) throw new NoteFormatError('checkpoint.size', `"${size}" is not a tree size in decimal`);
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root) throw new NoteFormatError('checkpoint.rootHash', 'must be a 32-byte hash in base64');
  if (origin === '') throw new NoteFormatError('checkpoint.origin', 'must not be empty');
  return { origin, size: Number(size), rootHash };
}
