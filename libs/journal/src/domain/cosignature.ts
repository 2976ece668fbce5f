import { sign, verify, type KeyObject } from 'node:crypto';
import { NOTE_COSIGNATURE_V1, NoteFormatError, checkKeyName, noteKeyId, rawEd25519, signatureLine, type NoteSignature, type VerifierKey } from './signed-note.js';

/**
 * 連署 — C2SP tlog-cosignature, Ed25519 (type 0x04): a witness's note signature over
 *
 *   cosignature/v1\n time <POSIX seconds>\n <checkpoint body>
 *
 * carried as `— <witness name> base64(key id ‖ u64 timestamp, big-endian ‖ 64-byte signature)`. It states
 * that, at that time, this was the largest consistent tree the witness had seen of the log. Pure.
 */

export function cosignatureMessage(checkpointBody: string, time: number): Buffer {
  if (!Number.isSafeInteger(time) || time < 0) throw new NoteFormatError('time', 'must be POSIX seconds (an integer ≥ 0)');
  return Buffer.from(`cosignature/v1\ntime ${time}\n${checkpointBody}`, 'utf8');
}

/** The witness's signature line over a checkpoint body at a time. */
export function cosign(checkpointBody: string, name: string, privateKey: KeyObject, time: number): string {
  const keyId = noteKeyId(checkKeyName(name), NOTE_COSIGNATURE_V1, rawEd25519(privateKey));
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64BE(BigInt(time));
  return signatureLine(name, keyId, Buffer.concat([timestamp, sign(null, cosignatureMessage(checkpointBody, time), privateKey)]));
}

/** The time a cosignature line states, if it is one by this witness key and verifies over the body; else null. */
export function verifyCosignature(checkpointBody: string, signature: NoteSignature, key: VerifierKey): number | null {
  if (key.type !== NOTE_COSIGNATURE_V1 || signature.name !== key.name || !signature.keyId.equals(key.keyId) || signature.signature.length !== 72) return null;
  const time = signature.signature.readBigUInt64BE(0);
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return verify(null, cosignatureMessage(checkpointBody, Number(time)), key.publicKey, signature.signature.subarray(8)) ? Number(time) : null;
}
