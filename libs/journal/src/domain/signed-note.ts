import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * 署名付きノート — C2SP signed-note (c2sp.org/signed-note, as golang.org/x/mod/sumdb/note): a text ending in a
 * newline, a blank line, then lines `— <key name> base64(4-byte key id ‖ signature)`. The log signs its
 * checkpoints this way (type 0x01, Ed25519 over the text); witnesses cosign them (type 0x04, see
 * `cosignature.ts`). Pure: no I/O.
 */

export const NOTE_ED25519 = 0x01;
export const NOTE_COSIGNATURE_V1 = 0x04;

export class NoteFormatError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'NoteFormatError';
  }
}

/** The 32 raw bytes of an Ed25519 public key (RFC 8032), from a key object (public or private). */
export function rawEd25519(key: KeyObject): Buffer {
  const jwk = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new NoteFormatError('key', 'must be an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/** An Ed25519 public key object from its 32 raw bytes. */
export const ed25519PublicKey = (raw: Buffer): KeyObject => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });

/** An Ed25519 private key object from its 32-byte seed (PKCS#8 DER: a fixed prefix and the seed, RFC 8410). */
export const ed25519PrivateKey = (seed: Buffer): KeyObject => createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });

/** key ID = SHA-256(key name ‖ 0x0A ‖ signature type ‖ public key)[:4]. */
export function noteKeyId(name: string, type: number, publicKey: Buffer): Buffer {
  return createHash('sha256').update(`${name}\n`).update(Buffer.from([type])).update(publicKey).digest().subarray(0, 4);
}

/** A key name: non-empty, no white space, no '+' (the verifier key's separator). */
export function checkKeyName(name: string, field = 'name'): string {
  if (!/^[^\s+]+$/u.test(name)) throw new NoteFormatError(field, `"${name}" is not a note key name (non-empty, no spaces, no "+")`);
  return name;
}

/** The verifier key string `<name>+<hex key id>+<base64(type ‖ public key)>`, as x/mod's note.NewVerifier reads it. */
export function verifierKey(name: string, publicKey: KeyObject, type = NOTE_ED25519): string {
  const raw = rawEd25519(publicKey);
  return `${checkKeyName(name)}+${noteKeyId(name, type, raw).toString('hex')}+${Buffer.concat([Buffer.from([type]), raw]).toString('base64')}`;
}

export interface VerifierKey {
  name: string;
  type: number;
  keyId: Buffer;
  publicKey: KeyObject;
}

/** Reads a verifier key string; checks that its id matches its name and key. */
export function parseVerifierKey(text: string): VerifierKey {
  // The key's base64 may hold '+' itself: the name ends at the first '+', the id is the next 8 hex digits.
  const match = /^([^+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(text.trim());
  const parts = match ? [match[1]!, match[2]!, match[3]!] : [];
  if (!match) throw new NoteFormatError('verifierKey', 'must be <name>+<8 hex digits>+<base64 key>');
  const name = checkKeyName(parts[0]!, 'verifierKey');
  const bytes = Buffer.from(parts[2]!, 'base64');
  if (bytes.length !== 33 || (bytes[0] !== NOTE_ED25519 && bytes[0] !== NOTE_COSIGNATURE_V1)) throw new NoteFormatError('verifierKey', 'must hold a type byte (0x01 or 0x04) and a 32-byte Ed25519 key');
  const keyId = noteKeyId(name, bytes[0]!, bytes.subarray(1));
  if (keyId.toString('hex') !== parts[1]) throw new NoteFormatError('verifierKey', `its id ${parts[1]} is not the hash of its name and key (${keyId.toString('hex')})`);
  return { name, type: bytes[0]!, keyId, publicKey: ed25519PublicKey(bytes.subarray(1)) };
}

export interface NoteSignature {
  name: string;
  keyId: Buffer;
  /** The signature bytes after the key id. */
  signature: Buffer;
  /** The whole line, with its newline. */
  line: string;
}

/** A signature line: `— name base64(keyId ‖ signature)\n`. */
export const signatureLine = (name: string, keyId: Buffer, signature: Buffer): string => `— ${name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;

/** Signs a note text with an Ed25519 key (type 0x01): the note with its one signature line. */
export function signNote(text: string, name: string, privateKey: KeyObject): string {
  checkText(text);
  const keyId = noteKeyId(checkKeyName(name), NOTE_ED25519, rawEd25519(privateKey));
  return `${text}\n${signatureLine(name, keyId, sign(null, Buffer.from(text, 'utf8'), privateKey))}`;
}

function checkText(text: string): void {
  if (!text.endsWith('\n')) throw new NoteFormatError('text', 'must end with a newline');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new NoteFormatError('text', 'must hold no control characters but newlines');
}

/** Splits a signed note into its text and its signature lines (neither checked against a key here). */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteFormatError('note', 'has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  checkText(text);
  const lines = note.slice(split + 2);
  if (!lines.endsWith('\n')) throw new NoteFormatError('note', 'must end with a newline');
  const signatures = lines
    .slice(0, -1)
    .split('\n')
    .map((line, i): NoteSignature => {
      const match = /^— (\S+) ([A-Za-z0-9+/]+={0,2})$/u.exec(line);
      const bytes = match ? Buffer.from(match[2]!, 'base64') : Buffer.alloc(0);
      if (!match || bytes.length < 5) throw new NoteFormatError(`signature ${i + 1}`, 'must be "— <name> <base64 of key id and signature>"');
      return { name: match[1]!, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4), line: `${line}\n` };
    });
  if (signatures.length === 0) throw new NoteFormatError('note', 'has no signature');
  return { text, signatures };
}

/** Whether one of the signatures is a valid Ed25519 (0x01) signature by this verifier key over the text. */
export function noteSignedBy(note: { text: string; signatures: NoteSignature[] }, key: VerifierKey): boolean {
  if (key.type !== NOTE_ED25519) return false;
  return note.signatures.some((s) => s.name === key.name && s.keyId.equals(key.keyId) && s.signature.length === 64 && verify(null, Buffer.from(note.text, 'utf8'), key.publicKey, s.signature));
}
